// What a citizen's screens say about a round before entering it: which
// rounds come first, the moment the countdown runs to, attempts left.
import type { RoundPublic } from '../api';

/** Open rounds first (what a visitor came for), then upcoming, then past ones, newest first. */
const PHASE_ORDER: Record<string, number> = { open: 0, upcoming: 1, closed: 2, results: 2 };

/** orderForVisitor puts the rounds in the order a visitor needs them, without changing the list given. */
export function orderForVisitor<R extends Pick<RoundPublic, 'phase' | 'no'>>(rounds: readonly R[]): R[] {
  return [...rounds].sort((a, b) => {
    const pa = PHASE_ORDER[a.phase] ?? 3;
    const pb = PHASE_ORDER[b.phase] ?? 3;
    if (pa !== pb) return pa - pb;
    // Open and upcoming: the earliest first; past: the latest first.
    return pa < 2 ? a.no - b.no : b.no - a.no;
  });
}

/** countdownTarget is when an upcoming round opens or an open one closes (ms), else null. */
export function countdownTarget(r: Pick<RoundPublic, 'phase' | 'opensAt' | 'closesAt'>): number | null {
  if (r.phase === 'upcoming') return Date.parse(r.opensAt);
  if (r.phase === 'open') return Date.parse(r.closesAt);
  return null;
}

/** attemptsLeft counts the attempts the person may still start (never below 0). */
export function attemptsLeft(r: Pick<RoundPublic, 'maxAttempts' | 'attemptsUsed'>): number {
  return Math.max(0, r.maxAttempts - (r.attemptsUsed ?? 0));
}

/** What the round's main button does for this person. */
export type RoundAction = 'continue' | 'enter' | 'none';

/** roundAction: resume the attempt under way, enter (logged out: the login asks), or nothing left. */
export function roundAction(r: Pick<RoundPublic, 'phase' | 'inProgress' | 'attemptsUsed' | 'maxAttempts'>): RoundAction {
  if (r.phase !== 'open') return 'none';
  if (r.inProgress) return 'continue';
  if (r.attemptsUsed === undefined || attemptsLeft(r) > 0) return 'enter';
  return 'none';
}

/** roundPath is the attempt page of a round. */
export function roundPath(slug: string, roundId: string): string {
  return `/c/${encodeURIComponent(slug)}/r/${encodeURIComponent(roundId)}`;
}
