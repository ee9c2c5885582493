import { describe, expect, it } from 'vitest';
import { displayPhone, fold, whereIs } from './text';

describe('fold', () => {
  it.each([
    ['Phường  An Biên', 'phuong an bien'],
    ['ĐỒNG THÁP', 'dong thap'],
    ['Đảng bộ xã Định Mỹ', 'dang bo xa dinh my'],
    // Decomposed input (pasted from a Mac) folds the same.
    ['Phu\u031Bo\u031B\u0300ng', 'phuong'],
    ['  ', ''],
  ])('%j → %j', (input, want) => {
    expect(fold(input)).toBe(want);
  });
});

describe('displayPhone', () => {
  it.each([
    ['+84912345678', '0912 345 678'],
    ['+842963123456', '0296 312 3456'],
    ['0912345678', '0912345678'], // not canonical: shown as stored
    ['', ''],
  ])('%j → %j', (input, want) => {
    expect(displayPhone(input)).toBe(want);
  });
});

describe('whereIs', () => {
  it.each([
    ['Phường An Biên', 'Phường An Biên, Tỉnh An Giang', 'Tỉnh An Giang'],
    ['Tỉnh An Giang', 'Tỉnh An Giang', ''],
    ['Khu phố 1', undefined, ''],
    // A path not led by the name (another format) is shown whole.
    ['Khu phố 1', 'Tỉnh An Giang / Phường An Biên', 'Tỉnh An Giang / Phường An Biên'],
  ])('%j in %j → %j', (name, path, want) => {
    expect(whereIs(name, path)).toBe(want);
  });
});
