import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './tabs';

const TABS = ['info', 'bank', 'rounds'] as const;

describe('tabAfterKey', () => {
  it('moves right and left, wrapping at either end', () => {
    expect(tabAfterKey(TABS, 0, 'ArrowRight')).toBe('bank');
    expect(tabAfterKey(TABS, 2, 'ArrowRight')).toBe('info');
    expect(tabAfterKey(TABS, 1, 'ArrowLeft')).toBe('info');
    expect(tabAfterKey(TABS, 0, 'ArrowLeft')).toBe('rounds');
  });

  it('leaves the choice alone on other keys and with one tab stays put', () => {
    expect(tabAfterKey(TABS, 1, 'Enter')).toBeUndefined();
    expect(tabAfterKey(TABS, 1, 'ArrowDown')).toBeUndefined();
    expect(tabAfterKey(['stats'], 0, 'ArrowRight')).toBe('stats');
  });
});
