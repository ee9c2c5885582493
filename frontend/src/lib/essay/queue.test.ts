import { describe, expect, it } from 'vitest';
import { nextUnscored, progress, queueKey, step } from './queue';

const q = (...statuses: string[]) => statuses.map((status, i) => ({ code: `C${i}`, status }));

describe('step', () => {
  it.each([
    [0, 1, 3, 1],
    [2, 1, 3, 2],
    [0, -1, 3, 0],
    [-1, 1, 3, 0],
    [-1, -1, 3, 2],
    [0, 1, 0, -1],
  ])('index %i by %i in %i → %i', (i, d, n, want) => {
    expect(step(i, d, n)).toBe(want);
  });
});

describe('nextUnscored', () => {
  it('finds the next work not submitted, drafts included', () => {
    expect(nextUnscored(q('submitted', '', 'draft'), 0)).toBe(1);
    expect(nextUnscored(q('submitted', 'submitted', 'draft'), 0)).toBe(2);
  });
  it('wraps round to the start', () => {
    expect(nextUnscored(q('', 'submitted', 'submitted'), 1)).toBe(0);
  });
  it('returns the current one only after a full turn', () => {
    expect(nextUnscored(q('submitted', '', 'submitted'), 1)).toBe(1);
  });
  it('is -1 when all are submitted or the queue is empty', () => {
    expect(nextUnscored(q('submitted', 'submitted'), 0)).toBe(-1);
    expect(nextUnscored([], -1)).toBe(-1);
  });
  it('starts from the top with no selection', () => {
    expect(nextUnscored(q('', ''), -1)).toBe(0);
  });
});

describe('progress and keys', () => {
  it('counts submitted sheets', () => {
    expect(progress(q('submitted', 'draft', ''))).toEqual({ done: 1, total: 3 });
  });
  it.each([
    [{ key: 'j' }, 'down'],
    [{ key: 'ArrowDown' }, 'down'],
    [{ key: 'k' }, 'up'],
    [{ key: 'ArrowUp' }, 'up'],
    [{ key: 'n' }, 'next'],
    [{ key: 's', ctrlKey: true }, 'save'],
    [{ key: 'S', metaKey: true }, 'save'],
    [{ key: 'j', ctrlKey: true }, null],
    [{ key: 'x' }, null],
  ])('%o → %s', (e, want) => {
    expect(queueKey(e)).toBe(want);
  });
});
