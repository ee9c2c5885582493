// Number and time formatting of the statistics dashboard. Figures are
// pasted into reports, so they follow the reader's locale (vi-VN: 1.234,5)
// and times are Vietnam time, like the server's per-day and per-hour counts.

import { CONTEST_TIME_ZONE } from '../countdown';

/** clock is "HH:mm" of an ISO instant in Vietnam time; "" when unreadable. */
export function clock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: CONTEST_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** whole formats a count with the locale's thousands separator. */
export function whole(n: number, tag: string): string {
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(n);
}

/** decimal formats a ratio with at most `digits` decimals (trailing zeros dropped). */
export function decimal(n: number, tag: string, digits = 1): string {
  return new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(n);
}

/**
 * pct formats a percentage given as 0–100 ("12,5%" in vi-VN); a rate under
 * 1% keeps two decimals so a large unit's first participants do not read 0%.
 */
export function pct(n: number, tag: string, digits = 1): string {
  const d = n > 0 && n < 1 ? Math.max(digits, 2) : digits;
  return `${decimal(n, tag, d)}%`;
}

/** share is part / whole × 100, 0 when whole is not positive. */
export function share(part: number, of: number): number {
  return of > 0 ? (part * 100) / of : 0;
}

/** dayLabel turns "2026-12-03" into "03/12" (the year is the round's). */
export function dayLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}` : date;
}

/**
 * wrapLabel splits a long chart label into lines of at most `width`
 * characters at spaces (Chart.js draws an array as several lines), so
 * "Cán bộ, công chức, viên chức" is not cut on a phone.
 */
export function wrapLabel(label: string, width: number): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
