// The attempt timer runs on the server's clock: a phone set five minutes
// wrong (common, and easy to cheat with) must neither lose nor gain time.
// The phone only measures how far its own clock is from the server's when
// an answer arrives, and counts down to the server's deadline from there.

/** The last minute is shown in red. */
export const URGENT_MS = 60_000;

/**
 * clockOffset is serverNow − local now at receipt, in ms: add it to the
 * phone's clock to read the server's.
 */
export function clockOffset(serverNowIso: string, localReceivedAt: number): number {
  const server = Date.parse(serverNowIso);
  return Number.isNaN(server) ? 0 : server - localReceivedAt;
}

/** msLeft is the time to the deadline on the server's clock, never below zero. */
export function msLeft(deadlineIso: string, offset: number, localNow: number): number {
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) return 0;
  return Math.max(0, deadline - (localNow + offset));
}

/**
 * formatClock shows a countdown as m:ss ("9:05"), or h:mm:ss past an hour.
 * Seconds round up, so the display reads 0:00 only when time is really up.
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** formatDuration shows an attempt's duration as mm:ss (h:mm:ss past an hour). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function isUrgent(ms: number): boolean {
  return ms <= URGENT_MS;
}

/** ServerClock is a clock offset frozen at one receipt. */
export interface ServerClock {
  offset: number;
  /** ms to the deadline now. */
  left(deadlineIso: string): number;
}

/** serverClock measures the offset from a response received at localReceivedAt. */
export function serverClock(serverNowIso: string, localReceivedAt: number, now: () => number = Date.now): ServerClock {
  const offset = clockOffset(serverNowIso, localReceivedAt);
  return { offset, left: (deadline) => msLeft(deadline, offset, now()) };
}
