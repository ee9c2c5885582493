// Keeps a logged-in phone logged in for a whole contest: the access token
// lives 15 minutes, so it is rotated a minute before it expires while the
// app is open, and at once when the phone wakes the app after a pause
// (timers do not run in a background tab). Without it, a phone left on the
// contest page meets the round's opening with a stale token and, if the
// refresh token was lost, a login — thousands at once.
import type { TokenStore } from './tokens';

/** Rotate this long before the access token expires. */
export const REFRESH_AHEAD_MS = 60_000;
/** After a failed rotation that kept the tokens (offline, server busy). */
export const RETRY_MS = 30_000;

export interface RefresherOptions {
  refresh: () => Promise<boolean>;
  tokens: TokenStore;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export interface Refresher {
  /** (Re)plans the next rotation from the stored tokens; call after login. */
  schedule(): void;
  /** The app became visible or came back online: rotate now if due. */
  wake(): Promise<void>;
  stop(): void;
}

export function createRefresher(o: RefresherOptions): Refresher {
  const now = o.now ?? Date.now;
  const setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let stopped = false;

  function plan(ms: number) {
    if (timer !== null) clearTimer(timer);
    timer = stopped ? null : setTimer(() => void run(), Math.max(0, ms));
  }

  async function run() {
    timer = null;
    const ok = await o.refresh().catch(() => false);
    if (ok) schedule();
    else if (o.tokens.get()) plan(RETRY_MS); // kept: offline or busy, try again
  }

  function schedule() {
    const t = o.tokens.get();
    if (!t) {
      if (timer !== null) clearTimer(timer);
      timer = null;
      return;
    }
    plan(t.expiresAt - REFRESH_AHEAD_MS - now());
  }

  async function wake() {
    const t = o.tokens.get();
    if (!t) return;
    if (t.expiresAt - REFRESH_AHEAD_MS <= now()) await run();
    else schedule();
  }

  return {
    schedule,
    wake,
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
