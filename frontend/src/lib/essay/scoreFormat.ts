// Scores as people read them: Vietnamese decimal comma on the Vietnamese
// screens ("83,5"), a point in English; at most two decimals (the server
// already rounds totals to the contest's precision).
import type { Lang } from '../i18n';
import { localeTag } from '../i18n';

export function formatScore(value: number | null | undefined, lang: Lang = 'vi'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** roundShown rounds a total to the contest's precision (contests/essay RoundShown). */
export function roundShown(value: number, precision = 0.25): number {
  return Math.round(Math.round((value / precision) * 1e6) / 1e6) * precision;
}

/**
 * parseScore reads what a judge typed: "33,5" and "33.5" are 33.5; blank or
 * anything else is NaN (the field then says so, nothing is guessed).
 */
export function parseScore(typed: string): number {
  const s = typed.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return NaN;
  return Number(s);
}
