import { describe, expect, it } from 'vitest';
import { essayDeskEn } from '../messages/essayDesk.en';
import { essayDeskVi } from '../messages/essayDesk.vi';
import { USUAL_POLICIES, finalAfterThird } from './policies';

// The same cases as contests/essay/aggregate_test.go: the label a person
// reads and the number the server computes must agree.
describe('discrepancy rules', () => {
  it.each([
    ['third_judge_stands', 80, 50, 76, 76],
    ['two_closest_average', 80, 50, 76, 78],
    ['two_closest_average', 80, 50, 55, 52.5],
    ['two_closest_average', 80, 50, 65, 72.5],
    ['average_all', 80, 50, 71, 67],
    ['head_judge', 9, 7, 7.5, 7.5],
  ] as const)('%s(%d, %d, third %d) = %d', (policy, a, b, c, want) => {
    expect(finalAfterThird(policy, a, b, c)).toBe(want);
  });
  it('offers the four usual rules, each labelled in both languages', () => {
    expect(USUAL_POLICIES).toHaveLength(4);
    for (const p of USUAL_POLICIES) {
      expect(essayDeskVi[`epolicy.${p}`]).toBeTruthy();
      expect(essayDeskEn[`epolicy.${p}`]).toBeTruthy();
    }
  });
});
