// Submitting an attempt on a weak network: first every answer still on the
// phone goes out, then the submit itself, retried until the server answers
// (it is idempotent: the same submit twice gives one result). An answer is
// never left behind, unless the server says time is up, in which case it
// would refuse it anyway and the submit returns what it saved.
import { classifyFailure, defaultBackoff } from './retry';
import type { DrainResult } from './saveQueue';

export interface SubmitDeps<R> {
  drain: () => Promise<DrainResult>;
  submit: () => Promise<R>;
  /** Waits ms or until the phone is back online, whichever comes first. */
  wait: (ms: number) => Promise<void>;
  /** Told each time a try failed for want of a network (show it). */
  onWaiting?: (kind: 'offline' | 'retry') => void;
  backoff?: (n: number) => number;
  /** Gives up after this many tries (the page offers a button then). */
  maxTries?: number;
}

/** submitWhenSaved resolves with the result, or rejects with an error that retrying will not fix. */
export async function submitWhenSaved<R>(d: SubmitDeps<R>): Promise<R> {
  const backoff = d.backoff ?? defaultBackoff;
  const maxTries = d.maxTries ?? Infinity;
  for (let n = 1; ; n++) {
    const drained = await d.drain();
    if (drained === 'failed') {
      d.onWaiting?.('offline');
    } else {
      try {
        return await d.submit();
      } catch (err) {
        const kind = classifyFailure(err);
        if (kind !== 'offline' && kind !== 'retry') throw err;
        d.onWaiting?.(kind);
        if (n >= maxTries) throw err;
      }
    }
    if (n >= maxTries) throw new Error('not saved');
    await d.wait(backoff(n));
  }
}

/** waitOrOnline resolves after ms, or earlier when the browser reports the network back. */
export function waitOrOnline(ms: number, target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = window): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      target.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    target.addEventListener('online', done);
  });
}
