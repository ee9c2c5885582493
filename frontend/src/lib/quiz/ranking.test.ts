import { describe, expect, it } from 'vitest';
import { moveKey, presetOf, presetRule, unusedKeys, usesPrediction, RANK_KEYS } from './ranking';

describe('ranking presets', () => {
  it('turns each preset into the keys of its rules', () => {
    expect(presetRule('vcnet')).toEqual({ allCorrectOnly: true, keys: ['prediction_error_asc', 'submitted_asc'] });
    expect(presetRule('quangnam')).toEqual({
      keys: ['score_desc', 'prediction_error_asc', 'duration_asc', 'started_asc', 'perfect_attempts_desc'],
    });
    expect(presetRule('binhtan')).toEqual({ keys: ['score_desc', 'duration_asc', 'started_asc'] });
  });

  it('recognizes a preset and calls anything else custom', () => {
    expect(presetOf(presetRule('quangnam'))).toBe('quangnam');
    expect(presetOf({ keys: ['prediction_error_asc', 'submitted_asc'], allCorrectOnly: true })).toBe('vcnet');
    // Same keys without "all correct only" is not VCNET's rule.
    expect(presetOf({ keys: ['prediction_error_asc', 'submitted_asc'] })).toBe('custom');
    expect(presetOf({ keys: ['score_desc', 'started_asc', 'duration_asc'] })).toBe('custom');
  });

  it('returns fresh copies', () => {
    const a = presetRule('binhtan');
    a.keys.push('correct_desc');
    expect(presetRule('binhtan').keys).toHaveLength(3);
  });

  it('tells which rules need the prediction question', () => {
    expect(usesPrediction(presetRule('vcnet'))).toBe(true);
    expect(usesPrediction(presetRule('binhtan'))).toBe(false);
  });

  it('moves keys up and down within bounds', () => {
    const keys = presetRule('binhtan').keys;
    expect(moveKey(keys, 2, -1)).toEqual(['score_desc', 'started_asc', 'duration_asc']);
    expect(moveKey(keys, 0, 1)).toEqual(['duration_asc', 'score_desc', 'started_asc']);
    expect(moveKey(keys, 0, -1)).toEqual(keys);
    expect(moveKey(keys, 2, 5)).toEqual(keys);
    expect(keys).toEqual(['score_desc', 'duration_asc', 'started_asc']);
  });

  it('offers the keys not used yet', () => {
    expect(unusedKeys(presetRule('quangnam').keys)).toEqual(['correct_desc', 'submitted_asc']);
    expect(unusedKeys([])).toEqual(RANK_KEYS);
  });
});
