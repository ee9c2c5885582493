// Ranking orders of real contests (docs/domain.md §2), as the keys the server's
// quiz.RankRule takes, so an organizer picks "like VCNET" instead of
// assembling keys; the order can still be edited by hand.
import type { Schema } from '../api/wire';

/** A round's ranking rule as the server takes and sends it (docs/openapi.yaml OrgRound.rule). */
export type RankRule = Schema<'OrgRound'>['rule'];
export type RankKey = RankRule['keys'][number];

/** Every key, in the order the manual editor offers them. */
export const RANK_KEYS: readonly RankKey[] = [
  'score_desc',
  'correct_desc',
  'prediction_error_asc',
  'duration_asc',
  'submitted_asc',
  'started_asc',
  'perfect_attempts_desc',
];

export type PresetName = 'vcnet' | 'quangnam' | 'binhtan';
export const PRESETS: readonly PresetName[] = ['vcnet', 'quangnam', 'binhtan'];

/** presetRule returns a fresh copy of a preset's rule. */
export function presetRule(name: PresetName): RankRule {
  switch (name) {
    case 'vcnet':
      // All-correct only → closest prediction → earliest submission.
      return { allCorrectOnly: true, keys: ['prediction_error_asc', 'submitted_asc'] };
    case 'quangnam':
      return { keys: ['score_desc', 'prediction_error_asc', 'duration_asc', 'started_asc', 'perfect_attempts_desc'] };
    case 'binhtan':
      return { keys: ['score_desc', 'duration_asc', 'started_asc'] };
  }
}

/** presetOf names the preset a rule equals, or 'custom'. */
export function presetOf(rule: RankRule): PresetName | 'custom' {
  for (const name of PRESETS) {
    const p = presetRule(name);
    if (!!p.allCorrectOnly === !!rule.allCorrectOnly && p.keys.join() === rule.keys.join()) return name;
  }
  return 'custom';
}

/** usesPrediction tells whether the rule needs the round's prediction question. */
export function usesPrediction(rule: RankRule): boolean {
  return rule.keys.includes('prediction_error_asc');
}

/** moveKey returns keys with the one at i moved by delta places (clamped). */
export function moveKey(keys: readonly RankKey[], i: number, delta: number): RankKey[] {
  const out = [...keys];
  const j = Math.min(out.length - 1, Math.max(0, i + delta));
  if (i < 0 || i >= out.length || i === j) return out;
  const [k] = out.splice(i, 1);
  out.splice(j, 0, k);
  return out;
}

/** unusedKeys are the keys not yet in the rule, for the "add a key" chooser. */
export function unusedKeys(keys: readonly RankKey[]): RankKey[] {
  return RANK_KEYS.filter((k) => !keys.includes(k));
}
