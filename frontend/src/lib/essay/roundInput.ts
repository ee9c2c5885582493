// The secretariat's round form ↔ the round's JSON (server/api/essay_rounds.go).
// Judges are picked by name (JudgePicker.svelte); only their account IDs travel.
import type { AdvanceMode, EssayPolicy, EssayRound, EssayRoundInput } from '../essayStaffApi';

export interface CriterionRow {
  name: string;
  max: number;
  description?: string;
}

export interface RoundFormState {
  no: number;
  name: string;
  kind: 'preliminary' | 'final';
  scale: 10 | 100;
  step: number;
  criteria: CriterionRow[];
  judgesPerWork: number;
  policy: EssayPolicy;
  threshold: number;
  advanceMode: AdvanceMode;
  topN: number;
  minScore: number;
  /** Per category key, the account IDs of the judges picked by name. */
  panels: Record<string, string[]>;
}

/** judgeIds drops blanks and repeats, keeping the order picked. */
export function judgeIds(picked: readonly string[]): string[] {
  return [...new Set(picked.filter(Boolean))];
}

/** criteriaSum is what the rubric's maxima add up to (must equal the scale). */
export function criteriaSum(rows: readonly CriterionRow[]): number {
  return Math.round(rows.reduce((s, r) => s + (Number(r.max) || 0), 0) * 1000) / 1000;
}

/**
 * toRoundInput builds the request. Criterion keys are c1, c2… (stable and
 * ASCII, as the server requires); categories without judges get no panel.
 */
export function toRoundInput(f: RoundFormState): EssayRoundInput {
  const advance: EssayRoundInput['advance'] = { mode: f.advanceMode };
  if (f.advanceMode !== 'min_score') advance.topN = Number(f.topN);
  if (f.advanceMode !== 'top_n') advance.minScore = Number(f.minScore);
  return {
    no: Number(f.no),
    name: f.name.trim(),
    kind: f.kind,
    rubric: {
      scale: Number(f.scale),
      step: Number(f.step),
      criteria: f.criteria.map((c, i) => ({
        key: `c${i + 1}`,
        name: c.name.trim(),
        max: Number(c.max),
        ...(c.description?.trim() ? { description: c.description.trim() } : {}),
      })),
    },
    judgesPerWork: Number(f.judgesPerWork),
    policy: f.policy,
    threshold: Number(f.threshold),
    advance,
    panels: Object.entries(f.panels)
      .map(([category, typed]) => ({ category, judgeIds: judgeIds(typed) }))
      .filter((p) => p.judgeIds.length > 0),
  };
}

/** fromRound fills the form with a stored round, for an edit. */
export function fromRound(r: EssayRound): RoundFormState {
  return {
    no: r.no,
    name: r.name,
    kind: r.kind,
    scale: r.rubric.scale === 10 ? 10 : 100,
    step: r.rubric.step,
    criteria: r.rubric.criteria.map((c) => ({ name: c.name, max: c.max, description: c.description ?? '' })),
    judgesPerWork: r.judgesPerWork,
    policy: r.policy,
    threshold: r.threshold,
    advanceMode: r.advance.mode,
    topN: r.advance.topN ?? 10,
    minScore: r.advance.minScore ?? 0,
    panels: Object.fromEntries((r.panels ?? []).map((p) => [p.category, [...p.judgeIds]])),
  };
}
