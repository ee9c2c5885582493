import { describe, expect, it } from 'vitest';
import type { OrgRound } from '../orgApi';
import { DEFAULT_TIERS, formToInput, newRoundForm, nextRoundNo, roundToForm } from './roundForm';
import { presetRule } from './ranking';

// 2025-06-02 03:00 UTC = 10:00 in Vietnam.
const NOW = Date.parse('2025-06-02T03:00:00Z');

describe('newRoundForm', () => {
  it('opens now for a week in Vietnam time, with the usual prizes', () => {
    const f = newRoundForm(2, NOW);
    expect(f.title).toBe('Tuần 2');
    expect(f.opensAt).toBe('2025-06-02T10:00');
    expect(f.closesAt).toBe('2025-06-09T10:00');
    expect(f.tiers.map((t) => Number(t.count))).toEqual([1, 2, 3, 5]);
  });
});

describe('formToInput', () => {
  it('builds the request: +07:00 instants, seconds, quotas', () => {
    const f = newRoundForm(1, NOW);
    f.quotas = [
      { topic: ' Lịch sử Đảng ', difficulty: '2', n: '4' },
      { topic: '', difficulty: '0', n: '1' },
    ];
    f.minutes = '15';
    const { input, errors } = formToInput(f);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      no: 1,
      opensAt: '2025-06-02T10:00:00+07:00',
      closesAt: '2025-06-09T10:00:00+07:00',
      timeLimitSec: 900,
      maxAttempts: 3,
      policy: 'best',
      prediction: { enabled: false },
      rule: presetRule('binhtan'),
      tiers: DEFAULT_TIERS,
      blueprint: {
        quotas: [
          { topic: 'Lịch sử Đảng', difficulty: 2, n: 4 },
          { topic: undefined, difficulty: undefined, n: 1 },
        ],
      },
    });
    expect(Date.parse(input!.opensAt)).toBe(NOW);
  });

  it('sends a fixed paper as the chosen question IDs', () => {
    const f = newRoundForm(1, NOW);
    f.mode = 'fixed';
    f.fixed = ['q3', 'q1'];
    f.keepOrder = true;
    expect(formToInput(f).input?.blueprint).toEqual({ fixed: ['q3', 'q1'], keepOrder: true });
  });

  it('names every bad field the way the server does', () => {
    const f = newRoundForm(1, NOW);
    f.no = '0';
    f.title = ' ';
    f.closesAt = '2025-06-01T10:00';
    f.quotas = [{ topic: '', difficulty: '0', n: 'x' }];
    f.minutes = '0';
    f.attempts = '99';
    f.rule = presetRule('vcnet'); // needs the prediction question
    f.tiers = [{ key: '', name: '', count: '-1' }];
    const { input, errors } = formToInput(f);
    expect(input).toBeNull();
    expect(errors).toEqual({
      no: 'round.error.no',
      title: 'validation.required',
      closesAt: 'round.error.closesAt',
      'blueprint.quotas[0].n': 'round.error.quotaN',
      timeLimitSec: 'round.error.minutes',
      maxAttempts: 'round.error.attempts',
      'rule.keys': 'round.error.keysPrediction',
      'tiers[0].name': 'validation.required',
      'tiers[0].count': 'round.error.count',
    });
  });

  it('asks for the prediction text when the prediction is on', () => {
    const f = newRoundForm(1, NOW);
    f.predictionEnabled = true;
    f.rule = presetRule('vcnet');
    expect(formToInput(f).errors).toEqual({ 'prediction.text': 'validation.required' });
    f.predictionText = 'Bao nhiêu người đúng hết?';
    expect(formToInput(f).input?.prediction).toEqual({
      enabled: true,
      text: 'Bao nhiêu người đúng hết?',
      target: 'all_correct_people',
    });
  });

  it('refuses an impossible date and an empty fixed paper', () => {
    const f = newRoundForm(1, NOW);
    f.opensAt = '2025-02-30T10:00';
    f.mode = 'fixed';
    expect(formToInput(f).errors).toMatchObject({ opensAt: 'round.error.date', blueprint: 'round.error.fixed' });
  });

  it('derives a key for a prize row that has only a name', () => {
    const f = newRoundForm(1, NOW);
    f.tiers = [...f.tiers, { key: '', name: 'Giải Lan tỏa', count: '10' }];
    expect(formToInput(f).input?.tiers[4]).toEqual({ key: 'tier5', name: 'Giải Lan tỏa', count: 10 });
  });
});

describe('roundToForm', () => {
  it('round-trips a round through the form', () => {
    const round: OrgRound = {
      id: 'r1',
      contestId: 'c1',
      status: 'published',
      phase: 'open',
      participants: 12,
      no: 3,
      title: 'Tuần 3',
      opensAt: '2025-06-16T03:00:00Z',
      closesAt: '2025-06-23T02:00:00Z',
      blueprint: { quotas: [{ topic: 'Lịch sử', n: 5 }] },
      timeLimitSec: 600,
      maxAttempts: 7,
      policy: 'first',
      prediction: { enabled: true, text: 'Bao nhiêu người?', target: 'participants' },
      rule: presetRule('quangnam'),
      tiers: [{ key: 'nhat', name: 'Giải Nhất', count: 1 }],
      tiePolicy: 'share',
      revealAnswers: false,
      integrity: {},
    };
    const f = roundToForm(round);
    expect(f.opensAt).toBe('2025-06-16T10:00');
    expect(f.closesAt).toBe('2025-06-23T09:00');
    expect(f.minutes).toBe('10');
    const { input } = formToInput(f);
    expect(input).toMatchObject({
      no: 3,
      timeLimitSec: 600,
      maxAttempts: 7,
      policy: 'first',
      tiePolicy: 'share',
      revealAnswers: false,
      prediction: round.prediction,
      blueprint: { quotas: [{ topic: 'Lịch sử', difficulty: undefined, n: 5 }] },
    });
    expect(Date.parse(input!.opensAt)).toBe(Date.parse(round.opensAt));
    expect(Date.parse(input!.closesAt)).toBe(Date.parse(round.closesAt));
  });

  it('sends the stored instants back unless the boxes changed', () => {
    const round = {
      id: 'r1', contestId: 'c1', status: 'published', phase: 'open', participants: 0, no: 1, title: 'Tuần 1',
      opensAt: '2025-06-16T03:00:07.123Z', closesAt: '2025-06-23T02:00:00Z', blueprint: { quotas: [{ n: 5 }] },
      timeLimitSec: 600, maxAttempts: 3, policy: 'best', prediction: { enabled: false }, rule: presetRule('binhtan'),
      tiers: [...DEFAULT_TIERS], tiePolicy: '', revealAnswers: true, integrity: {},
    } satisfies OrgRound;
    const f = roundToForm(round);
    expect(formToInput(f).input?.opensAt).toBe('2025-06-16T03:00:07.123Z');
    f.closesAt = '2025-06-30T09:00';
    const { input } = formToInput(f);
    expect(input?.opensAt).toBe('2025-06-16T03:00:07.123Z');
    expect(input?.closesAt).toBe('2025-06-30T09:00:00+07:00');
  });

  it('proposes the next round number', () => {
    expect(nextRoundNo([])).toBe(1);
    expect(nextRoundNo([{ no: 1 }, { no: 4 }, { no: 2 }])).toBe(5);
  });
});
