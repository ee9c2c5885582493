import { describe, expect, it } from 'vitest';
import { formatScore, parseScore, roundShown } from './scoreFormat';

describe('scores', () => {
  it.each([
    [83.5, 'vi', '83,5'],
    [70, 'vi', '70'],
    [7.25, 'vi', '7,25'],
    [1500, 'vi', '1500'],
    [83.5, 'en', '83.5'],
    [null, 'vi', '—'],
  ] as const)('%s in %s → %s', (v, lang, want) => {
    expect(formatScore(v, lang)).toBe(want);
  });
  it.each([
    [83.4, 0.25, 83.5],
    [83.374, 0.25, 83.25],
    [7.125, 0.25, 7.25],
    [83.74, 0.5, 83.5],
    [7.833333, 0.01, 7.83],
  ])('%s rounded to %s → %s', (v, p, want) => {
    expect(roundShown(v, p)).toBeCloseTo(want, 9);
  });
  it.each([
    ['33,5', 33.5],
    ['33.5', 33.5],
    [' 8 ', 8],
    ['', NaN],
    ['3,5,1', NaN],
    ['-1', NaN],
    ['abc', NaN],
  ])('"%s" → %s', (typed, want) => {
    expect(parseScore(typed)).toBe(want);
  });
});
