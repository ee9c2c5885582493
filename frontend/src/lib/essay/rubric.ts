// The judge's score sheet arithmetic, mirroring contests/essay/rubric.go:
// each criterion is 0..max on the rubric's step, the total is Σ weight×points.
// Floating point: 0.1-style steps do not add exactly, so values are compared
// and rounded in whole steps, and totals to 1/1000.
import type { Schema } from '../api/wire';

/** A criterion: 0..max points on the rubric's step, weighted (1 when absent). */
export type Criterion = Schema<'EssayCriterion'>;

export type Rubric = Schema<'EssayRubric'>;

/** snapToStep rounds a typed value to the nearest step inside 0..max; NaN stays NaN. */
export function snapToStep(value: number, step: number, max: number): number {
  if (!Number.isFinite(value)) return NaN;
  const steps = Math.round(value / step);
  const snapped = Math.min(Math.max(steps * step, 0), max);
  return round3(snapped);
}

/** onStep tells whether a value is a whole number of steps (within rounding noise). */
export function onStep(value: number, step: number): boolean {
  const n = value / step;
  return Math.abs(n - Math.round(n)) < 1e-9;
}

export type CriterionProblem = 'missing' | 'range' | 'step';

/** criterionProblem says what is wrong with one criterion's value, or null. */
export function criterionProblem(value: number | undefined, c: Criterion, step: number): CriterionProblem | null {
  if (value === undefined || !Number.isFinite(value)) return 'missing';
  if (value < 0 || value > c.max) return 'range';
  if (!onStep(value, step)) return 'step';
  return null;
}

/** rubricTotal adds the given criteria (weight 0 or absent reads as 1); missing ones count 0. */
export function rubricTotal(rubric: Rubric, values: Record<string, number | undefined>): number {
  let sum = 0;
  for (const c of rubric.criteria) {
    const v = values[c.key];
    if (v !== undefined && Number.isFinite(v)) sum += (c.weight || 1) * v;
  }
  return round3(sum);
}

/** complete tells whether every criterion has a valid value (what "Nộp điểm" needs). */
export function complete(rubric: Rubric, values: Record<string, number | undefined>): boolean {
  return rubric.criteria.every((c) => criterionProblem(values[c.key], c, rubric.step) === null);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
