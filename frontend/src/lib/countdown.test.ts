import { describe, expect, it } from 'vitest';
import { contestPhase, formatBirthDate, formatDateTime, formatDayTime, remaining } from './countdown';

const start = '2025-06-01T01:00:00Z';
const end = '2025-06-08T01:00:00Z';
const at = (iso: string) => Date.parse(iso);

describe('contestPhase', () => {
  it.each([
    ['before the start', start, end, '2025-05-31T00:00:00Z', { phase: 'upcoming', target: at(start) }],
    ['at the start', start, end, start, { phase: 'running', target: at(end) }],
    ['at the end', start, end, end, { phase: 'ended' }],
    ['no dates', undefined, undefined, end, { phase: 'open' }],
    ["Go's zero time", '0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z', end, { phase: 'open' }],
    ['only an end', undefined, end, start, { phase: 'running', target: at(end) }],
    ['garbage', 'soon', undefined, start, { phase: 'open' }],
  ])('%s', (_, s, e, now, want) => {
    expect(contestPhase(s, e, at(now))).toEqual(want);
  });
});

describe('remaining', () => {
  it('splits into days, hours, minutes, seconds', () => {
    expect(remaining(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 999)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
  });

  it('never goes negative', () => {
    expect(remaining(-5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});

describe('formatting', () => {
  it('shows contest times in Vietnam time', () => {
    // 01:00 UTC is 08:00 in Hà Nội (UTC+7), whatever the machine's zone.
    expect(formatDateTime(start, 'en-GB')).toBe('01/06/2025, 08:00');
    expect(formatDateTime(start, 'vi-VN')).toContain('01/06/2025');
    expect(formatDateTime(start, 'vi-VN')).toContain('08:00');
    expect(formatDateTime(undefined, 'vi-VN')).toBe('');
  });

  it('formats a birth date as DD/MM/YYYY without a time zone shift', () => {
    expect(formatBirthDate('1990-05-07')).toBe('07/05/1990');
    expect(formatBirthDate('1990-05-07T00:00:00Z')).toBe('07/05/1990');
  });
});

describe('formatDayTime', () => {
  it('shows dd/mm/yyyy HH:mm in Vietnam time, whatever the zone of the instant', () => {
    expect(formatDayTime('2026-12-06T17:30:00Z')).toBe('07/12/2026 00:30');
    expect(formatDayTime('2025-06-01T01:05:00+07:00')).toBe('01/06/2025 01:05');
  });
  it('is empty for Go\'s zero time and nothing', () => {
    expect(formatDayTime('0001-01-01T00:00:00Z')).toBe('');
    expect(formatDayTime(undefined)).toBe('');
  });
});
