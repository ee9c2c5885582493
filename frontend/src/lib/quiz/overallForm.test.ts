import { describe, expect, it } from 'vitest';
import { formToOverall, overallToForm, sameOverall, DEFAULT_OVERALL_RULE } from './overallForm';

describe('overall ranking form', () => {
  it('starts off, with the usual whole-contest prizes ready', () => {
    const f = overallToForm(null);
    expect(f.enabled).toBe(false);
    expect(f.tiers.map((t) => t.count)).toEqual(['1', '5', '10', '20']);
    expect(f.rule.keys).toEqual(DEFAULT_OVERALL_RULE.keys);
    f.rule.keys.pop();
    expect(DEFAULT_OVERALL_RULE.keys).toHaveLength(3); // the default is not shared with the form
    expect(formToOverall(f)).toEqual({ overall: null, errors: {} });
  });

  it('round-trips saved settings, keeping what the form does not edit', () => {
    const saved = {
      rule: { keys: ['score_desc' as const], allCorrectOnly: true },
      tiers: [{ key: 'nhat', name: 'Giải Nhất', count: 1 }],
      tiePolicy: 'share' as const,
      onlyHighest: true,
    };
    const f = overallToForm(saved);
    expect(f.enabled).toBe(true);
    expect(formToOverall(f, saved).overall).toEqual(saved);
  });

  it('names each bad field the way the server does', () => {
    const f = overallToForm(null);
    f.enabled = true;
    f.rule = { keys: [] };
    f.tiers = [
      { key: '', name: ' ', count: '2' },
      { key: '', name: 'Giải Ba', count: 'hai' },
    ];
    expect(formToOverall(f).errors).toEqual({
      'rule.keys': 'round.error.keys',
      'tiers[0].name': 'validation.required',
      'tiers[1].count': 'round.error.count',
    });
    f.tiers = [];
    expect(formToOverall(f).errors.tiers).toBe('round.error.tiers');
  });

  it('derives a key for a tier only named', () => {
    const f = overallToForm(null);
    f.enabled = true;
    f.tiers = [{ key: '', name: 'Giải đặc biệt', count: '1' }];
    expect(formToOverall(f).overall?.tiers).toEqual([{ key: 'tier1', name: 'Giải đặc biệt', count: 1 }]);
  });
});

describe('sameOverall', () => {
  const a = { rule: { keys: ['score_desc' as const] }, tiers: [{ key: 'nhat', name: 'Giải Nhất', count: 1 }], onlyHighest: false };
  it('sees a saved form as unchanged, whatever the absent defaults', () => {
    expect(sameOverall(a, { ...a, rule: { keys: ['score_desc'], allCorrectOnly: false }, tiePolicy: 'strict' })).toBe(true);
    expect(sameOverall(null, undefined)).toBe(true);
  });
  it('sees each change', () => {
    expect(sameOverall(a, null)).toBe(false);
    expect(sameOverall(a, { ...a, onlyHighest: true })).toBe(false);
    expect(sameOverall(a, { ...a, tiers: [{ key: 'nhat', name: 'Giải Nhất', count: 2 }] })).toBe(false);
    expect(sameOverall(a, { ...a, rule: { keys: ['score_desc', 'duration_asc'] } })).toBe(false);
  });
});
