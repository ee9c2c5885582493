import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors';
import { memoryStorage } from '../memoryStorage';
import {
  attemptStorageKey,
  forgetOlderAttempts,
  SaveQueue,
  type Saved,
  type SaveValue,
} from './saveQueue';

const KEY = attemptStorageKey('u1', 'r1', 1);

interface Sent {
  key: string;
  value: SaveValue;
  seq: number;
}

/**
 * fakeServer answers sends as the real one does: it keeps the highest seq
 * per key and echoes what it holds. `mode` makes it fail instead.
 */
function fakeServer() {
  const held: Record<string, Saved> = {};
  const sent: Sent[] = [];
  let mode: 'ok' | 'offline' | '500' | 'too_late' | 'invalid' = 'ok';
  const send = async (key: string, value: SaveValue, seq: number): Promise<Saved> => {
    sent.push({ key, value, seq });
    await Promise.resolve();
    if (mode === 'offline') throw new ApiError(0, 'network', '');
    if (mode === '500') throw new ApiError(500, 'internal', '');
    if (mode === 'too_late') throw new ApiError(409, 'too_late', 'Đã hết giờ');
    if (mode === 'invalid') throw new ApiError(400, 'invalid', 'Phương án không thuộc câu hỏi');
    if (!held[key] || held[key].seq < seq) held[key] = { value, seq };
    return held[key];
  };
  return { held, sent, send, setMode: (m: typeof mode) => (mode = m) };
}

function onlineTarget() {
  return new EventTarget();
}

/** settle lets the fake server's promises resolve (no timers involved). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('numbers each choice per question and saves it at once', async () => {
    const server = fakeServer();
    const q = new SaveQueue({ storage: memoryStorage(), storageKey: KEY, send: server.send });
    q.set('q1', ['A']);
    q.set('q2', ['C']);
    await settle();
    q.set('q1', ['B']);
    await settle();
    expect(server.sent.map((s) => [s.key, s.seq])).toEqual([
      ['q1', 1],
      ['q2', 1],
      ['q1', 2],
    ]);
    expect(server.held.q1).toEqual({ value: ['B'], seq: 2 });
    expect(q.status).toBe('saved');
    expect(q.pendingCount).toBe(0);
  });

  it('keeps choices in storage so a new page load finds them', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    server.setMode('offline');
    const first = new SaveQueue({ storage, storageKey: KEY, send: server.send });
    first.set('q1', ['A']);
    first.set('q1', ['D']);
    first.set('p', 42);
    await settle();
    first.dispose();

    const reloaded = new SaveQueue({ storage, storageKey: KEY, send: server.send });
    expect(reloaded.value('q1')).toEqual(['D']);
    expect(reloaded.seq('q1')).toBe(2);
    expect(reloaded.value('p')).toBe(42);
    expect(reloaded.pendingCount).toBe(2);
    // Another user's or attempt's key sees none of it.
    const other = new SaveQueue({ storage, storageKey: attemptStorageKey('u2', 'r1', 1), send: server.send });
    expect(other.keys()).toEqual([]);
  });

  it('ignores storage it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem(KEY, '{not json');
    const q = new SaveQueue({ storage, storageKey: KEY, send: fakeServer().send });
    expect(q.keys()).toEqual([]);
  });

  it('merges with the server: the higher seq wins and local-only choices are sent again', async () => {
    const storage = memoryStorage();
    storage.setItem(
      KEY,
      JSON.stringify({
        v: 1,
        e: {
          q1: { value: ['A'], seq: 3, pending: true }, // newer on the phone
          q2: { value: ['B'], seq: 1, pending: false }, // older than the server's
          q3: { value: ['C'], seq: 2, pending: true }, // only on the phone
        },
      }),
    );
    const server = fakeServer();
    server.held.q1 = { value: ['D'], seq: 2 };
    server.held.q2 = { value: ['C'], seq: 5 };
    server.held.q4 = { value: ['A'], seq: 1 };
    const q = new SaveQueue({ storage, storageKey: KEY, send: server.send });
    q.merge({ q1: server.held.q1, q2: server.held.q2, q4: server.held.q4 });
    await settle();

    expect(q.value('q1')).toEqual(['A']);
    expect(q.value('q2')).toEqual(['C']);
    expect(q.value('q4')).toEqual(['A']);
    expect(server.sent.map((s) => s.key).sort()).toEqual(['q1', 'q3']);
    expect(server.held.q1).toEqual({ value: ['A'], seq: 3 });
    // The next change of q2 continues after the server's number.
    q.set('q2', ['A']);
    expect(q.seq('q2')).toBe(6);
  });

  it('adopts a newer answer the server reports from another phone', async () => {
    const server = fakeServer();
    server.held.q1 = { value: ['C'], seq: 7 };
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send });
    q.set('q1', ['A']); // seq 1: a late packet for the server
    await settle();
    expect(q.value('q1')).toEqual(['C']);
    expect(q.seq('q1')).toBe(7);
    expect(q.status).toBe('saved');
  });

  it('retries network failures with growing delays and reports offline', async () => {
    const server = fakeServer();
    server.setMode('offline');
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send });
    q.set('q1', ['A']);
    await settle();
    expect(q.status).toBe('offline');
    expect(server.sent).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(999);
    expect(server.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // 1 s after the first failure
    expect(server.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // then 2 s
    expect(server.sent).toHaveLength(3);

    server.setMode('ok');
    await vi.advanceTimersByTimeAsync(4000); // then 4 s, and it goes through
    expect(server.sent).toHaveLength(4);
    expect(q.status).toBe('saved');
    expect(server.held.q1).toEqual({ value: ['A'], seq: 1 });
  });

  it('counts failures sent together as one round of backoff', async () => {
    const server = fakeServer();
    server.setMode('500');
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send });
    q.set('q1', ['A']);
    q.set('q2', ['B']);
    q.set('q3', ['C']);
    await settle();
    expect(q.status).toBe('retrying');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.sent).toHaveLength(6);
  });

  it('flushes at once when the browser goes online', async () => {
    const server = fakeServer();
    const events = onlineTarget();
    server.setMode('offline');
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send, events });
    q.set('q1', ['A']);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000); // the next retry is 4 s away
    expect(server.sent).toHaveLength(3);

    server.setMode('ok');
    events.dispatchEvent(new Event('online'));
    await settle();
    expect(server.sent).toHaveLength(4);
    expect(q.status).toBe('saved');
    // No retry is left scheduled.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.sent).toHaveLength(4);

    q.dispose();
    q.set('q2', ['B']);
    server.setMode('offline');
    await settle();
    events.dispatchEvent(new Event('online'));
    await settle();
    expect(server.sent.filter((s) => s.key === 'q2')).toHaveLength(1);
  });

  it('sends what waited for a retry as soon as another save goes through', async () => {
    const server = fakeServer();
    server.setMode('offline');
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send });
    q.set('q1', ['A']);
    await settle();
    await vi.advanceTimersByTimeAsync(1000); // second failure: the next try is 2 s away
    server.setMode('ok');
    q.set('q2', ['B']); // the network is back, the browser has not said so
    await settle();
    expect(server.held).toEqual({ q1: { value: ['A'], seq: 1 }, q2: { value: ['B'], seq: 1 } });
    expect(q.status).toBe('saved');
  });

  it('sends a choice changed while the previous save was in flight', async () => {
    const server = fakeServer();
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send });
    q.set('q1', ['A']);
    q.set('q1', ['B']); // the first request has not answered yet
    await settle();
    expect(server.sent.map((s) => s.seq)).toEqual([1, 2]);
    expect(server.held.q1).toEqual({ value: ['B'], seq: 2 });
    expect(q.value('q1')).toEqual(['B']);
  });

  it('stops on too_late and ignores later choices', async () => {
    const server = fakeServer();
    server.setMode('too_late');
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send });
    q.set('q1', ['A']);
    const drained = q.drain();
    await settle();
    expect(q.status).toBe('over');
    await expect(drained).resolves.toBe('over');
    await expect(q.drain()).resolves.toBe('over');
    q.set('q2', ['B']);
    await settle();
    expect(server.sent).toHaveLength(1);
  });

  it('drops a save the server refuses for good and tells why', async () => {
    const server = fakeServer();
    server.setMode('invalid');
    const rejected: string[] = [];
    const q = new SaveQueue({
      storage: null,
      storageKey: KEY,
      send: server.send,
      onRejected: (key, err) => rejected.push(`${key}: ${(err as Error).message}`),
    });
    q.set('q1', ['Z']);
    await settle();
    expect(rejected).toEqual(['q1: Phương án không thuộc câu hỏi']);
    expect(q.pendingCount).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.sent).toHaveLength(1);
  });

  it('drain resolves done once everything is saved, failed when the network is down', async () => {
    const server = fakeServer();
    server.setMode('offline');
    const q = new SaveQueue({ storage: null, storageKey: KEY, send: server.send });
    q.set('q1', ['A']);
    await settle();
    await expect(q.drain()).resolves.toBe('failed');
    server.setMode('ok');
    await expect(q.drain()).resolves.toBe('done');
    expect(server.held.q1.seq).toBe(1);
  });

  it('forgets what earlier attempts of the round left behind, and nothing else', () => {
    const storage = memoryStorage();
    for (const key of [
      attemptStorageKey('u1', 'r1', 1),
      attemptStorageKey('u1', 'r1', 2),
      attemptStorageKey('u1', 'r1', 3),
      attemptStorageKey('u1', 'r2', 1),
      attemptStorageKey('u2', 'r1', 1),
    ]) {
      storage.setItem(key, '{}');
    }
    forgetOlderAttempts(storage, 'u1', 'r1', 3);
    expect([...storage.data.keys()].sort()).toEqual(
      [attemptStorageKey('u1', 'r1', 3), attemptStorageKey('u1', 'r2', 1), attemptStorageKey('u2', 'r1', 1)].sort(),
    );
  });

  it('forget removes the attempt from storage', () => {
    const storage = memoryStorage();
    const q = new SaveQueue({ storage, storageKey: KEY, send: fakeServer().send });
    q.set('q1', ['A']);
    expect(storage.data.has(KEY)).toBe(true);
    q.forget();
    expect(storage.data.has(KEY)).toBe(false);
  });
});
