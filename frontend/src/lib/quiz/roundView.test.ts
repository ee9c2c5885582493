import { describe, expect, it } from 'vitest';
import { attemptsLeft, countdownTarget, orderForVisitor, roundAction, roundPath } from './roundView';

describe('orderForVisitor', () => {
  it('puts the open round first, then upcoming, then the past newest first', () => {
    const rounds = [
      { no: 1, phase: 'results' },
      { no: 2, phase: 'closed' },
      { no: 4, phase: 'upcoming' },
      { no: 3, phase: 'open' },
      { no: 5, phase: 'upcoming' },
    ] as const;
    expect(orderForVisitor(rounds).map((r) => r.no)).toEqual([3, 4, 5, 2, 1]);
    expect(rounds.map((r) => r.no)).toEqual([1, 2, 4, 3, 5]);
  });
});

describe('countdownTarget', () => {
  const r = { opensAt: '2026-12-07T01:00:00Z', closesAt: '2026-12-13T16:59:59Z' };
  it('runs to the opening, then to the close, then nowhere', () => {
    expect(countdownTarget({ ...r, phase: 'upcoming' })).toBe(Date.parse(r.opensAt));
    expect(countdownTarget({ ...r, phase: 'open' })).toBe(Date.parse(r.closesAt));
    expect(countdownTarget({ ...r, phase: 'results' })).toBeNull();
  });
});

describe('roundAction', () => {
  it.each([
    [{ phase: 'open', maxAttempts: 3 }, 'enter'], // logged out: the login comes first
    [{ phase: 'open', maxAttempts: 3, attemptsUsed: 1 }, 'enter'],
    [{ phase: 'open', maxAttempts: 3, attemptsUsed: 3 }, 'none'],
    [{ phase: 'open', maxAttempts: 3, attemptsUsed: 3, inProgress: 3 }, 'continue'],
    [{ phase: 'upcoming', maxAttempts: 3, attemptsUsed: 0 }, 'none'],
    [{ phase: 'results', maxAttempts: 3, attemptsUsed: 0 }, 'none'],
  ] as const)('%o → %s', (r, want) => {
    expect(roundAction(r)).toBe(want);
  });
  it('never counts below zero attempts left', () => {
    expect(attemptsLeft({ maxAttempts: 2, attemptsUsed: 5 })).toBe(0);
    expect(attemptsLeft({ maxAttempts: 2 })).toBe(2);
  });
  it('escapes the slug and round in the path', () => {
    expect(roundPath('hội thi', 'r/1')).toBe('/c/h%E1%BB%99i%20thi/r/r%2F1');
  });
});
