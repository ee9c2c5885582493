import { describe, expect, it } from 'vitest';
import { followJob, type ResultsJob } from './resultsJob';

const job = (status: ResultsJob['status'], progress: number, extra: Partial<ResultsJob> = {}): ResultsJob => ({
  id: 'j1',
  status,
  progress,
  startedAt: '2026-12-06T20:00:00Z',
  ...extra,
});

const noWait = () => Promise.resolve();

describe('followJob', () => {
  it('reports every state until the job is done, and resolves with the last', async () => {
    const states = [job('running', 40), job('running', 85), job('done', 100, { summary: { participants: 3, attempts: 4, allCorrectPeople: 1 } })];
    const seen: number[] = [];
    const end = await followJob(job('running', 0), async () => states.shift()!, (j) => seen.push(j.progress), { sleep: noWait });
    expect(seen).toEqual([0, 40, 85, 100]);
    expect(end.status).toBe('done');
    expect(end.summary?.participants).toBe(3);
  });

  it('does not look again at a job that already ended', async () => {
    let looks = 0;
    const end = await followJob(job('failed', 30, { error: 'Lỗi' }), async () => (looks++, job('done', 100)), () => {}, { sleep: noWait });
    expect(looks).toBe(0);
    expect(end.error).toBe('Lỗi');
  });

  it('rides out a few failed looks, then gives up with the error', async () => {
    let n = 0;
    const flaky = async () => {
      n++;
      if (n <= 2) throw new Error('offline');
      return job('done', 100);
    };
    expect((await followJob(job('running', 0), flaky, () => {}, { sleep: noWait, tries: 3 })).status).toBe('done');
    const dead = async (): Promise<ResultsJob> => {
      throw new Error('offline');
    };
    await expect(followJob(job('running', 0), dead, () => {}, { sleep: noWait, tries: 3 })).rejects.toThrow('offline');
  });

  it('stops when the page is left', async () => {
    const leave = new AbortController();
    let looks = 0;
    const end = await followJob(
      job('running', 10),
      async () => {
        looks++;
        leave.abort();
        return job('running', 20);
      },
      () => {},
      { sleep: noWait, signal: leave.signal },
    );
    expect(looks).toBe(1);
    expect(end.progress).toBe(20);
  });
});

describe('followJob on a server that lost the job', () => {
  it('ends as failed instead of looking forever', async () => {
    const end = await followJob(job('running', 30), async () => null, () => {}, { sleep: noWait });
    expect(end.status).toBe('failed');
  });
});
