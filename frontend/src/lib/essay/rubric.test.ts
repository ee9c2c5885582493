import { describe, expect, it } from 'vitest';
import { complete, criterionProblem, onStep, rubricTotal, snapToStep, type Rubric } from './rubric';

const rubric: Rubric = {
  scale: 100,
  step: 0.5,
  criteria: [
    { key: 'content', name: 'Nội dung', max: 90 },
    { key: 'form', name: 'Hình thức', max: 10 },
  ],
};

describe('snapToStep', () => {
  it.each([
    [7.3, 0.5, 10, 7.5],
    [7.2, 0.5, 10, 7],
    [11, 0.5, 10, 10],
    [-1, 0.5, 10, 0],
    [2.6, 0.25, 10, 2.5],
    [0.30000000000000004, 0.1, 1, 0.3],
  ])('%f on step %f (max %f) → %f', (v, s, max, want) => {
    expect(snapToStep(v, s, max)).toBe(want);
  });
  it('keeps NaN so an empty box stays empty', () => {
    expect(snapToStep(NaN, 0.5, 10)).toBeNaN();
  });
});

describe('onStep and criterionProblem', () => {
  it('accepts 0.1 steps despite floating point', () => {
    expect(onStep(0.7, 0.1)).toBe(true);
    expect(onStep(0.75, 0.1)).toBe(false);
  });
  it.each([
    [undefined, 'missing'],
    [NaN, 'missing'],
    [91, 'range'],
    [-0.5, 'range'],
    [45.3, 'step'],
    [45.5, null],
    [90, null],
  ])('%s → %s', (v, want) => {
    expect(criterionProblem(v as number | undefined, rubric.criteria[0], 0.5)).toBe(want);
  });
});

describe('rubricTotal', () => {
  it('adds criteria, missing ones as 0', () => {
    expect(rubricTotal(rubric, { content: 80.5, form: 9.5 })).toBe(90);
    expect(rubricTotal(rubric, { content: 60 })).toBe(60);
  });
  it('applies weights', () => {
    const weighted: Rubric = { scale: 10, step: 0.25, criteria: [{ key: 'a', name: 'A', max: 2.5, weight: 2 }, { key: 'b', name: 'B', max: 5 }] };
    expect(rubricTotal(weighted, { a: 2.25, b: 4.75 })).toBe(9.25);
  });
  it('does not show floating point noise', () => {
    const tenths: Rubric = { scale: 10, step: 0.1, criteria: [{ key: 'a', name: 'A', max: 5 }, { key: 'b', name: 'B', max: 5 }] };
    expect(rubricTotal(tenths, { a: 0.1, b: 0.2 })).toBe(0.3);
  });
  it('complete needs every criterion valid', () => {
    expect(complete(rubric, { content: 80 })).toBe(false);
    expect(complete(rubric, { content: 80, form: 10.5 })).toBe(false);
    expect(complete(rubric, { content: 80, form: 10 })).toBe(true);
  });
});
