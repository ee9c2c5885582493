import { describe, expect, it } from 'vitest';
import type { Attempt } from '../api';
import { memoryStorage } from '../memoryStorage';
import { forgetPaper, keepPaper, keepPosition, livePaper, paperStorageKey, readPaper } from './paperKeep';

// The server's clock runs 60 s ahead of the phone's; ten minutes to answer.
const received = Date.parse('2026-12-06T10:00:00Z');
function attempt(no = 1): Attempt {
  return {
    roundId: 'r1',
    no,
    startedAt: '2026-12-06T10:01:00Z',
    deadline: '2026-12-06T10:11:00Z',
    serverNow: '2026-12-06T10:01:00Z',
    status: 'in_progress',
    questions: [{ id: 'q1', text: 'Câu 1', multiple: false, options: [{ id: 'a', text: 'A' }] }],
    answers: {},
    attemptsLeft: 2,
  } as Attempt;
}

describe('paperKeep', () => {
  it('keeps the paper and the screen shown per attempt', () => {
    const s = memoryStorage();
    keepPaper(s, 'u1', attempt(1), received, 'Tuần 2');
    keepPosition(s, 'u1', 'r1', 1, 4);
    expect(readPaper(s, 'u1', 'r1')?.current).toBe(4);
    // The same attempt again (a reload, a resume): the screen stays.
    expect(keepPaper(s, 'u1', attempt(1), received + 1000, 'Tuần 2').current).toBe(4);
    // A later attempt starts at the first question; an old attempt's position is ignored.
    expect(keepPaper(s, 'u1', attempt(2), received, 'Tuần 2').current).toBe(0);
    keepPosition(s, 'u1', 'r1', 1, 7);
    expect(readPaper(s, 'u1', 'r1')?.current).toBe(0);
    // Another user on the same phone has nothing.
    expect(readPaper(s, 'u2', 'r1')).toBeNull();
  });

  it('is live until the deadline plus grace on the server clock', () => {
    const s = memoryStorage();
    keepPaper(s, 'u1', attempt(), received, 'Tuần 2');
    // Phone time 10:09:59 = server 10:10:59: one second left.
    expect(livePaper(s, 'u1', 'r1', Date.parse('2026-12-06T10:09:59Z'))?.title).toBe('Tuần 2');
    // Server 10:11:04: within the 5 s grace.
    expect(livePaper(s, 'u1', 'r1', Date.parse('2026-12-06T10:10:04Z'))).not.toBeNull();
    // Server 10:11:06: over, and forgotten.
    expect(livePaper(s, 'u1', 'r1', Date.parse('2026-12-06T10:10:06Z'))).toBeNull();
    expect(s.data.size).toBe(0);
  });

  it('reads nothing from broken or foreign records', () => {
    const s = memoryStorage();
    const key = paperStorageKey('u1', 'r1');
    for (const raw of ['{', '{"v":2}', '{"v":1,"attempt":{"roundId":"r9","questions":[]},"receivedAt":1}', '{"v":1,"attempt":{"roundId":"r1"},"receivedAt":1}']) {
      s.setItem(key, raw);
      expect(readPaper(s, 'u1', 'r1')).toBeNull();
    }
    s.setItem(key, JSON.stringify({ v: 1, attempt: attempt(), receivedAt: received, current: -3 }));
    expect(readPaper(s, 'u1', 'r1')?.current).toBe(0);
    forgetPaper(s, 'u1', 'r1');
    expect(s.data.size).toBe(0);
  });

  it('works without storage', () => {
    expect(keepPaper(null, 'u1', attempt(), received, '').current).toBe(0);
    expect(livePaper(null, 'u1', 'r1', received)).toBeNull();
  });
});
