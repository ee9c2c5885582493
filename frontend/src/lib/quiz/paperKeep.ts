// The paper of the attempt in progress, kept on the phone beside its
// answers (saveQueue.ts), with the question on screen: a reload shows the
// same question again, and a reload with no connection shows the attempt
// from here (the service worker, frontend/sw/sw.js, keeps the app itself).
// The paper carries no correct answer (the server never sends one before
// the attempt is final), so keeping it is no leak. One record per user and
// round; a new attempt replaces it, a result removes it.
import type { Attempt } from '../api';
import type { KeyValueStorage } from '../tokens';

const FORMAT = 1;
/** The server's grace after the deadline (contests/quiz.Grace); past it the attempt is over. */
const GRACE_MS = 5_000;

export interface KeptPaper {
  attempt: Attempt;
  /** When the phone received the attempt (ms, its own clock): with serverNow, the clock offset. */
  receivedAt: number;
  /** The round's title, for the page shown offline. */
  title: string;
  /** The screen last shown (0-based). */
  current: number;
}

export function paperStorageKey(userId: string, roundId: string): string {
  return `hoithi.paper.${userId}.${roundId}`;
}

function write(storage: KeyValueStorage | null, key: string, kept: KeptPaper): void {
  try {
    storage?.setItem(key, JSON.stringify({ v: FORMAT, ...kept }));
  } catch {
    /* storage full or private mode: the attempt still works online */
  }
}

/** keepPaper records a paper as received from the server; the screen shown carries over for the same attempt. */
export function keepPaper(
  storage: KeyValueStorage | null,
  userId: string,
  attempt: Attempt,
  receivedAt: number,
  title: string,
): KeptPaper {
  const before = readPaper(storage, userId, attempt.roundId);
  const current = before && before.attempt.no === attempt.no ? before.current : 0;
  const kept = { attempt, receivedAt, title, current };
  write(storage, paperStorageKey(userId, attempt.roundId), kept);
  return kept;
}

/** readPaper returns what is kept for the round, or null when nothing readable is. */
export function readPaper(storage: KeyValueStorage | null, userId: string, roundId: string): KeptPaper | null {
  try {
    const raw = storage?.getItem(paperStorageKey(userId, roundId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<KeptPaper> & { v?: number };
    const a = d.attempt;
    if (d.v !== FORMAT || !a || a.roundId !== roundId || !Array.isArray(a.questions) || typeof d.receivedAt !== 'number') {
      return null;
    }
    const current = Number.isInteger(d.current) && (d.current as number) >= 0 ? (d.current as number) : 0;
    return { attempt: a, receivedAt: d.receivedAt, title: typeof d.title === 'string' ? d.title : '', current };
  } catch {
    return null;
  }
}

/**
 * livePaper returns the kept paper while its attempt may still be answered
 * by the server's clock (estimated from when it was received), else null,
 * removing a stale one.
 */
export function livePaper(storage: KeyValueStorage | null, userId: string, roundId: string, now: number): KeptPaper | null {
  const kept = readPaper(storage, userId, roundId);
  if (!kept) return null;
  const serverNow = now + (Date.parse(kept.attempt.serverNow) - kept.receivedAt);
  if (!(serverNow <= Date.parse(kept.attempt.deadline) + GRACE_MS)) {
    forgetPaper(storage, userId, roundId);
    return null;
  }
  return kept;
}

/** keepPosition records the screen shown of the kept attempt number no. */
export function keepPosition(storage: KeyValueStorage | null, userId: string, roundId: string, no: number, current: number): void {
  const kept = readPaper(storage, userId, roundId);
  if (kept && kept.attempt.no === no && kept.current !== current) {
    write(storage, paperStorageKey(userId, roundId), { ...kept, current });
  }
}

export function forgetPaper(storage: KeyValueStorage | null, userId: string, roundId: string): void {
  try {
    storage?.removeItem(paperStorageKey(userId, roundId));
  } catch {
    /* nothing to do */
  }
}
