import { describe, expect, it } from 'vitest';
import { criteriaSum, judgeIds, toRoundInput, type RoundFormState } from './roundInput';

const form: RoundFormState = {
  no: 1,
  name: ' Sơ khảo ',
  kind: 'preliminary',
  scale: 100,
  step: 0.5,
  criteria: [
    { name: 'Nội dung', max: 90 },
    { name: 'Hình thức', max: 10 },
  ],
  judgesPerWork: 2,
  policy: 'third_judge_stands',
  threshold: 20,
  advanceMode: 'top_n',
  topN: 1,
  minScore: 50,
  panels: { newspaper_online: ['u1', 'u2', 'u3', 'u1'], magazine: [] },
};

describe('round form', () => {
  it('keeps each picked judge once, in order', () => {
    expect(judgeIds(['a', 'b', '', 'c', 'a'])).toEqual(['a', 'b', 'c']);
    expect(judgeIds([])).toEqual([]);
  });
  it('adds the criteria maxima without float noise', () => {
    expect(criteriaSum([{ name: '', max: 0.1 }, { name: '', max: 0.2 }])).toBe(0.3);
    expect(criteriaSum(form.criteria)).toBe(100);
  });
  it('builds the request', () => {
    expect(toRoundInput(form)).toEqual({
      no: 1,
      name: 'Sơ khảo',
      kind: 'preliminary',
      rubric: {
        scale: 100,
        step: 0.5,
        criteria: [
          { key: 'c1', name: 'Nội dung', max: 90 },
          { key: 'c2', name: 'Hình thức', max: 10 },
        ],
      },
      judgesPerWork: 2,
      policy: 'third_judge_stands',
      threshold: 20,
      advance: { mode: 'top_n', topN: 1 },
      panels: [{ category: 'newspaper_online', judgeIds: ['u1', 'u2', 'u3'] }],
    });
  });
  it('sends only the limits the advancement mode uses', () => {
    expect(toRoundInput({ ...form, advanceMode: 'min_score' }).advance).toEqual({ mode: 'min_score', minScore: 50 });
    expect(toRoundInput({ ...form, advanceMode: 'both' }).advance).toEqual({ mode: 'both', topN: 1, minScore: 50 });
  });
});
