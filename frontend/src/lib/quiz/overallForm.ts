// The overall ranking's settings as the organizer edits them: whether the
// contest ranks everyone across its rounds, in what order, and its prizes
// (contests/quiz/settings.go Overall; the server checks them again).
import type { MessageKey } from '../i18n';
import type { RankRule } from './ranking';
import type { TierRow } from './roundForm';

export interface Overall {
  rule: RankRule;
  tiers: { key: string; name: string; count: number }[];
  tiePolicy?: 'strict' | 'share';
  /** Weekly winners stay eligible and keep only their highest prize. */
  onlyHighest: boolean;
}

export interface OverallForm {
  enabled: boolean;
  rule: RankRule;
  tiers: TierRow[];
  onlyHighest: boolean;
}

/** Whole-contest prizes as provinces give them: 1 first, 5 second, 10 third, 20 consolation. */
export const DEFAULT_OVERALL_TIERS: readonly TierRow[] = [
  { key: 'nhat', name: 'Giải Nhất chung cuộc', count: '1' },
  { key: 'nhi', name: 'Giải Nhì chung cuộc', count: '5' },
  { key: 'ba', name: 'Giải Ba chung cuộc', count: '10' },
  { key: 'kk', name: 'Giải Khuyến khích chung cuộc', count: '20' },
];

/** Sum of the scores over the rounds, then less time, then the earliest done. */
export const DEFAULT_OVERALL_RULE: RankRule = { keys: ['score_desc', 'duration_asc', 'submitted_asc'] };

/** overallToForm fills the form from the contest's settings (none: off, with the defaults ready). */
export function overallToForm(o: Overall | null | undefined): OverallForm {
  if (!o) {
    return { enabled: false, rule: { ...DEFAULT_OVERALL_RULE, keys: [...DEFAULT_OVERALL_RULE.keys] }, tiers: DEFAULT_OVERALL_TIERS.map((t) => ({ ...t })), onlyHighest: false };
  }
  return {
    enabled: true,
    rule: { ...o.rule, keys: [...o.rule.keys] },
    tiers: o.tiers.map((t) => ({ key: t.key, name: t.name, count: String(t.count) })),
    onlyHighest: !!o.onlyHighest,
  };
}

export interface OverallResult {
  /** null when the form has errors, or when the ranking is off (check enabled). */
  overall: Overall | null;
  errors: Record<string, MessageKey>;
}

/** formToOverall checks the form; field names are the server's (rule.keys, tiers[i].name). */
export function formToOverall(f: OverallForm, keep?: Overall | null): OverallResult {
  const errors: Record<string, MessageKey> = {};
  if (!f.enabled) return { overall: null, errors };
  if (f.rule.keys.length === 0) errors['rule.keys'] = 'round.error.keys';
  if (f.tiers.length === 0) errors.tiers = 'round.error.tiers';
  const tiers = f.tiers.map((t, i) => {
    const name = t.name.trim();
    const count = /^\d+$/.test(t.count.trim()) ? Number(t.count.trim()) : NaN;
    if (!name) errors[`tiers[${i}].name`] = 'validation.required';
    if (!(count >= 0)) errors[`tiers[${i}].count`] = 'round.error.count';
    return { key: t.key.trim() || `tier${i + 1}`, name, count };
  });
  if (Object.keys(errors).length) return { overall: null, errors };
  return {
    errors,
    overall: {
      rule: { keys: [...f.rule.keys], allCorrectOnly: f.rule.allCorrectOnly || undefined },
      tiers,
      tiePolicy: keep?.tiePolicy,
      onlyHighest: f.onlyHighest,
    },
  };
}

/** sameOverall tells whether two settings rank and reward alike (a form not saved yet differs). */
export function sameOverall(a: Overall | null | undefined, b: Overall | null | undefined): boolean {
  if (!a || !b) return !a === !b;
  return (
    a.rule.keys.join() === b.rule.keys.join() &&
    !!a.rule.allCorrectOnly === !!b.rule.allCorrectOnly &&
    (a.tiePolicy ?? 'strict') === (b.tiePolicy ?? 'strict') &&
    a.onlyHighest === b.onlyHighest &&
    a.tiers.length === b.tiers.length &&
    a.tiers.every((t, i) => t.key === b.tiers[i].key && t.name === b.tiers[i].name && t.count === b.tiers[i].count)
  );
}
