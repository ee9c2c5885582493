import { describe, expect, it } from 'vitest';
import { createRefresher, REFRESH_AHEAD_MS, RETRY_MS } from './tokenRefresher';
import { memoryTokenStore, type Tokens } from './tokens';

const NOW = 1_750_000_000_000;

/** A manual clock and timer queue: a test decides when time passes. */
function harness(tokens: Tokens | null, answers: boolean[]) {
  let now = NOW;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const store = memoryTokenStore(tokens);
  let refreshes = 0;
  const r = createRefresher({
    tokens: store,
    now: () => now,
    refresh: async () => {
      refreshes++;
      const ok = answers.shift() ?? true;
      if (ok) store.set({ accessToken: `a${refreshes}`, refreshToken: `r${refreshes}`, expiresAt: now + 900_000 });
      return ok;
    },
    setTimer: (fn, ms) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimer: (id) => timers.delete(id as number),
  });
  /** advance moves the clock, firing due timers in order. */
  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].fn();
      await new Promise((res) => setTimeout(res, 0));
    }
    now = end;
  }
  return { r, store, advance, refreshes: () => refreshes, pending: () => timers.size, setNow: (t: number) => (now = t) };
}

const tokens: Tokens = { accessToken: 'a0', refreshToken: 'r0', expiresAt: NOW + 900_000 };

describe('silent token refresh', () => {
  it('rotates a minute before expiry, again and again, for a whole contest day', async () => {
    const h = harness(tokens, []);
    h.r.schedule();
    await h.advance(900_000 - REFRESH_AHEAD_MS - 1);
    expect(h.refreshes()).toBe(0);
    await h.advance(1);
    expect(h.refreshes()).toBe(1);
    await h.advance(8 * 3_600_000); // 8 hours open on the contest page
    expect(h.refreshes()).toBe(1 + Math.floor((8 * 3_600_000) / (900_000 - REFRESH_AHEAD_MS)));
    expect(h.store.get()!.expiresAt).toBeGreaterThan(NOW + 8 * 3_600_000);
  });

  it('retries after a failed rotation that kept the tokens (offline, busy)', async () => {
    const h = harness(tokens, [false, true]);
    h.r.schedule();
    await h.advance(900_000 - REFRESH_AHEAD_MS);
    expect(h.refreshes()).toBe(1);
    await h.advance(RETRY_MS);
    expect(h.refreshes()).toBe(2);
    expect(h.store.get()!.accessToken).toBe('a2');
  });

  it('stops when the session ends', async () => {
    const h = harness(tokens, []);
    h.r.schedule();
    h.store.clear();
    h.r.schedule();
    expect(h.pending()).toBe(0);
    await h.advance(3_600_000);
    expect(h.refreshes()).toBe(0);
  });

  it('rotates at once when the phone wakes the app with a stale token', async () => {
    const h = harness(tokens, []);
    h.r.schedule();
    h.setNow(NOW + 2 * 3_600_000); // the timer never ran: the tab slept
    await h.r.wake();
    expect(h.refreshes()).toBe(1);
    expect(h.store.get()!.expiresAt).toBe(NOW + 2 * 3_600_000 + 900_000);
  });

  it('does not rotate on wake while the token is fresh', async () => {
    const h = harness(tokens, []);
    await h.r.wake();
    expect(h.refreshes()).toBe(0);
    expect(h.pending()).toBe(1);
  });
});
