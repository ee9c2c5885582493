// Computing a round's results (or the contest's overall ranking) runs on
// the server as a job: the click answers at once with the job, and the
// organizer's page follows it until it is done (with what it counted) or
// failed (with the reason), showing its progress meanwhile. The job lives on the server, so the page can be
// reloaded, or opened by another organizer, and follow the same job.
import type { Schema } from '../api/wire';

export type ResultsJob = Schema<'ResultsJob'>;
export type OverallJob = Schema<'OverallJob'>;

/** What followJob needs of a job: where it is. */
export interface JobState {
  status: 'running' | 'done' | 'failed';
  progress: number;
}

export interface FollowOptions {
  /** Before the first look at the job, in ms: a small round is done in a blink. */
  first?: number;
  /** Between two looks at the job, in ms. */
  every?: number;
  /** Failed looks in a row (a phone's network) before giving up. */
  tries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Stops following (the page was left): resolves with the last state seen. */
  signal?: AbortSignal;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * followJob reports first, then looks at the job through get (after
 * `first` ms, then every `every` ms) while it runs, reporting each state, and resolves with the last one.
 * A look that fails is tried again; `tries` failures in a row reject with
 * the last error.
 */
export async function followJob<J extends JobState>(
  first: J,
  get: () => Promise<J | null>,
  onState: (job: J) => void,
  { first: firstWait = 500, every = 1500, tries = 5, sleep = wait, signal }: FollowOptions = {},
): Promise<J> {
  let job = first;
  onState(job);
  let failures = 0;
  for (let look = 0; job.status === 'running' && !signal?.aborted; look++) {
    await sleep(look === 0 ? firstWait : every);
    if (signal?.aborted) break;
    try {
      // A job seen running is never gone, except on a server whose data
      // was reset: then there is nothing more to follow.
      job = (await get()) ?? { ...job, status: 'failed' };
      failures = 0;
      onState(job);
    } catch (err) {
      if (++failures >= tries) throw err;
    }
  }
  return job;
}
