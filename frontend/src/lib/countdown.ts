// What a contest landing shows about time: before the start, a countdown to
// it; while running, a countdown to the end; afterwards, that it ended.

export type Phase = 'upcoming' | 'running' | 'ended' | 'open';

export interface PhaseInfo {
  phase: Phase;
  /** The instant the countdown runs to, absent when there is none. */
  target?: number;
}

function instant(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  // Go's zero time.Time marshals as 0001-01-01: treat it as "not set".
  return Number.isNaN(t) || t <= 0 ? undefined : t;
}

export function contestPhase(startsAt: string | undefined, endsAt: string | undefined, now: number): PhaseInfo {
  const start = instant(startsAt);
  const end = instant(endsAt);
  if (start !== undefined && now < start) return { phase: 'upcoming', target: start };
  if (end !== undefined && now >= end) return { phase: 'ended' };
  if (end !== undefined) return { phase: 'running', target: end };
  return { phase: 'open' };
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function remaining(ms: number): Remaining {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86400),
    hours: Math.floor((total % 86400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** The contests are Vietnamese: times show in Vietnam's zone wherever the phone is. */
export const CONTEST_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A day and a time to the minute, 24-hour, in Vietnam's zone: every time the app shows. */
const DAY_TIME: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: CONTEST_TIME_ZONE,
};

export function formatDateTime(iso: string | undefined, localeTag: string): string {
  const t = instant(iso);
  if (t === undefined) return '';
  // Numeric dates ("08:00 01/06/2025") read the same in both languages and
  // avoid vi-VN's abbreviated month names ("thg 6").
  return new Intl.DateTimeFormat(localeTag, DAY_TIME).format(t);
}

/**
 * formatDayTime shows an instant as "dd/mm/yyyy HH:mm" in Vietnam's zone, the
 * same in both languages (deadlines, last activity); '' when it is not set.
 */
export function formatDayTime(iso: string | undefined): string {
  const t = instant(iso);
  if (t === undefined) return '';
  const parts = new Intl.DateTimeFormat('en-GB', DAY_TIME).formatToParts(t);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** formatBirthDate shows a YYYY-MM-DD date as DD/MM/YYYY without time zones. */
export function formatBirthDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}
