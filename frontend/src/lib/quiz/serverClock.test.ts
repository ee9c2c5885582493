import { describe, expect, it } from 'vitest';
import { clockOffset, formatClock, formatDuration, isUrgent, msLeft, serverClock } from './serverClock';

const SERVER_NOW = '2025-06-02T03:00:00Z';
const DEADLINE = '2025-06-02T03:10:00Z';

describe('server clock countdown', () => {
  it('measures the phone clock against the server', () => {
    const phone = Date.parse(SERVER_NOW) - 5 * 60_000; // five minutes slow
    expect(clockOffset(SERVER_NOW, phone)).toBe(5 * 60_000);
    expect(clockOffset('garbage', phone)).toBe(0);
  });

  it.each([
    ['a slow phone', -5 * 60_000],
    ['a fast phone', 37 * 60_000],
    ['an exact phone', 0],
  ])('counts the same ten minutes on %s', (_, skew) => {
    let phone = Date.parse(SERVER_NOW) + skew;
    const clock = serverClock(SERVER_NOW, phone, () => phone);
    expect(clock.left(DEADLINE)).toBe(600_000);
    phone += 125_000;
    expect(clock.left(DEADLINE)).toBe(475_000);
    phone += 10 * 60_000;
    expect(clock.left(DEADLINE)).toBe(0);
  });

  it('measures at receipt, not when the page got round to it', () => {
    const receivedAt = Date.parse(SERVER_NOW);
    let phone = receivedAt + 3000; // the paper took 3 s to render
    const clock = serverClock(SERVER_NOW, receivedAt, () => phone);
    expect(clock.left(DEADLINE)).toBe(597_000);
    phone += 1000;
    expect(clock.left(DEADLINE)).toBe(596_000);
  });

  it('never counts below zero', () => {
    expect(msLeft(DEADLINE, 0, Date.parse(DEADLINE) + 9000)).toBe(0);
  });

  it('shows m:ss rounding seconds up, and hours past an hour', () => {
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });

  it('turns urgent in the last minute', () => {
    expect(isUrgent(60_001)).toBe(false);
    expect(isUrgent(60_000)).toBe(true);
    expect(isUrgent(0)).toBe(true);
  });

  it('shows durations as mm:ss', () => {
    expect(formatDuration(151_900)).toBe('02:31');
    expect(formatDuration(45_000)).toBe('00:45');
    expect(formatDuration(3_600_000 + 61_000)).toBe('1:01:01');
  });
});
