// How the quiz pages treat a failed request on a phone's network: what is
// worth sending again, and how long to wait before the next try.
import { ApiError } from '../errors';

/** What to do after a failed send. */
export type FailureKind = 'offline' | 'retry' | 'over' | 'drop';

/** 1 s, 2 s, 4 s … capped at 30 s: quick when a packet was lost, gentle on a dead network. */
export function defaultBackoff(n: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, n - 1));
}

/** classifyFailure sorts a failed request: keep and retry, stop, or give up on it. */
export function classifyFailure(err: unknown): FailureKind {
  if (!(err instanceof ApiError)) return 'offline';
  if (err.status === 0) return 'offline';
  if (err.code === 'too_late') return 'over';
  // 401: the session is being renewed or the person is sent to log in; the
  // choice stays on the phone either way.
  if (err.status >= 500 || err.status === 429 || err.status === 408 || err.status === 401) return 'retry';
  return 'drop';
}

