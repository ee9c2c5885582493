import { describe, expect, it } from 'vitest';
import { durationWords } from './timeAdded';

describe('time added in words', () => {
  it.each([
    [65, 'vi', '1 phút 5 giây'],
    [65, 'en', '1 min 5 s'],
    [60, 'vi', '1 phút'],
    [5, 'vi', '5 giây'],
    [3725, 'vi', '1 giờ 2 phút 5 giây'],
    [7200, 'en', '2 h'],
    [0, 'vi', '0 giây'],
    [64.9, 'vi', '1 phút 4 giây'],
  ] as const)('%s s in %s is %s', (sec, lang, want) => {
    expect(durationWords(sec, lang)).toBe(want);
  });
});
