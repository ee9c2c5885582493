// One-shot replica-set bootstrap, run by the mongo-init service with mongosh
// against mongo1. Safe to run again: an initiated set is left as it is.
// Exits 0 once the set has a primary and every member is primary or
// secondary, so the servers (which wait for this service) start on a
// writable database.

const members = [
  // mongo1 is preferred as primary only to make the first election
  // predictable; any member can take over.
  { _id: 0, host: "mongo1:27017", priority: 2 },
  { _id: 1, host: "mongo2:27017", priority: 1 },
  { _id: 2, host: "mongo3:27017", priority: 1 },
];

// rs.status() on a fresh member fails with NotYetInitialized (code 94).
const NOT_YET_INITIALIZED = 94;

function initiateIfNeeded() {
  try {
    rs.status();
    print("rs-init: replica set rs0 already initiated");
  } catch (e) {
    if (e.code !== NOT_YET_INITIALIZED && e.codeName !== "NotYetInitialized") {
      throw e;
    }
    const res = rs.initiate({ _id: "rs0", members: members });
    print("rs-init: rs.initiate → " + JSON.stringify(res));
  }
}

function ready() {
  let status;
  try {
    status = rs.status();
  } catch (e) {
    return false; // config not applied yet
  }
  const states = status.members.map((m) => m.stateStr);
  return (
    states.includes("PRIMARY") &&
    states.every((s) => s === "PRIMARY" || s === "SECONDARY")
  );
}

// quit() is called once, outside the try, so its own exit path can never be
// mistaken for a failure by the catch.
let exitCode = 0;
try {
  initiateIfNeeded();
  const deadline = Date.now() + 120 * 1000;
  while (!ready()) {
    if (Date.now() > deadline) {
      throw new Error("replica set not ready after 120 s");
    }
    sleep(1000);
  }
  print("rs-init: replica set rs0 ready");
} catch (e) {
  print("rs-init: " + e);
  exitCode = 1;
}
quit(exitCode);
