// Discrepancy rules (contests/essay/aggregate.go Policy): the usual
// Vietnamese ones offered by the round form, in the order of
// contests/essay UsualPolicies, and what each computes once a third
// judge has scored — the form's labels (epolicy.*) say exactly this.
import type { EssayPolicy } from '../essayStaffApi';

export const USUAL_POLICIES: readonly EssayPolicy[] = ['third_judge_stands', 'two_closest_average', 'average_all', 'head_judge'];

/**
 * finalAfterThird mirrors the server's rule for two regular scores a, b and
 * the third judge's c (the head judge's score for head_judge), for the
 * form's worked example. Averages are not rounded here.
 */
export function finalAfterThird(policy: EssayPolicy, a: number, b: number, c: number): number {
  switch (policy) {
    case 'third_judge_stands':
    case 'head_judge':
      return c;
    case 'average_all':
      return (a + b + c) / 3;
    case 'two_closest_average': {
      const [x, y, z] = [a, b, c].sort((p, q) => p - q);
      return z - y <= y - x ? (y + z) / 2 : (x + y) / 2;
    }
    case 'majority_or_average':
      if (a === c || b === c) return c;
      if (a === b) return a;
      return (a + b + c) / 3;
    default:
      return (a + b) / 2;
  }
}
