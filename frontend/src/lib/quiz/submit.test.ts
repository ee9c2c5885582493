import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import type { DrainResult } from './saveQueue';
import { submitWhenSaved } from './submit';

function script<T>(steps: (T | Error)[]) {
  let i = 0;
  const calls: number[] = [];
  const fn = async () => {
    calls.push(i);
    const s = steps[Math.min(i++, steps.length - 1)];
    if (s instanceof Error) throw s;
    return s;
  };
  return { fn, calls };
}

describe('submitWhenSaved', () => {
  it('waits until the answers are saved, then submits once', async () => {
    const drain = script<DrainResult>(['failed', 'failed', 'done']);
    const submit = script([{ score: 7 }]);
    const waits: number[] = [];
    const waiting: string[] = [];
    const result = await submitWhenSaved({
      drain: drain.fn,
      submit: submit.fn,
      wait: async (ms) => void waits.push(ms),
      onWaiting: (k) => waiting.push(k),
    });
    expect(result).toEqual({ score: 7 });
    expect(submit.calls).toHaveLength(1);
    expect(waits).toEqual([1000, 2000]);
    expect(waiting).toEqual(['offline', 'offline']);
  });

  it('retries the submit itself on network and server errors', async () => {
    const submit = script<{ score: number }>([
      new ApiError(0, 'network', ''),
      new ApiError(502, 'internal', ''),
      { score: 10 },
    ]);
    const waits: number[] = [];
    const result = await submitWhenSaved({
      drain: async () => 'done',
      submit: submit.fn,
      wait: async (ms) => void waits.push(ms),
    });
    expect(result).toEqual({ score: 10 });
    expect(submit.calls).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('submits at once when time is up, answers or not', async () => {
    const submit = script([{ score: 3 }]);
    const result = await submitWhenSaved({ drain: async () => 'over', submit: submit.fn, wait: async () => {} });
    expect(result).toEqual({ score: 3 });
  });

  it('does not retry what retrying cannot fix', async () => {
    const submit = script<unknown>([new ApiError(403, 'forbidden', 'Không được dự thi')]);
    await expect(
      submitWhenSaved({ drain: async () => 'done', submit: submit.fn, wait: async () => {} }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(submit.calls).toHaveLength(1);
  });

  it('gives up after maxTries', async () => {
    const submit = script<unknown>([new ApiError(0, 'network', '')]);
    await expect(
      submitWhenSaved({ drain: async () => 'done', submit: submit.fn, wait: async () => {}, maxTries: 3 }),
    ).rejects.toMatchObject({ code: 'network' });
    expect(submit.calls).toHaveLength(3);
  });
});
