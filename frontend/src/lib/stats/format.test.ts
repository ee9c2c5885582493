import { describe, expect, it } from 'vitest';
import { clock, dayLabel, decimal, pct, share, whole, wrapLabel } from './format';

describe('format', () => {
  it('shows the computed instant in Vietnam time', () => {
    expect(clock('2026-12-03T02:05:09Z')).toBe('09:05');
    expect(clock('2026-12-03T17:30:00Z')).toBe('00:30');
    expect(clock('nonsense')).toBe('');
  });

  it('formats figures for the reader', () => {
    expect(whole(1234567, 'vi-VN')).toBe('1.234.567');
    expect(whole(1234567, 'en-GB')).toBe('1,234,567');
    expect(decimal(2.456, 'vi-VN')).toBe('2,5');
    expect(decimal(2, 'vi-VN')).toBe('2');
    expect(pct(12.345, 'en-GB')).toBe('12.3%');
    expect(pct(0.038, 'vi-VN')).toBe('0,04%');
    expect(pct(0, 'vi-VN')).toBe('0%');
  });

  it('computes shares and day labels', () => {
    expect(share(1, 4)).toBe(25);
    expect(share(1, 0)).toBe(0);
    expect(dayLabel('2026-12-03')).toBe('03/12');
    expect(dayLabel('x')).toBe('x');
  });
});

describe('wrapLabel', () => {
  it('keeps short labels and wraps long ones at spaces', () => {
    expect(wrapLabel('Nhân dân', 16)).toBe('Nhân dân');
    expect(wrapLabel('Cán bộ, công chức, viên chức', 16)).toEqual(['Cán bộ, công', 'chức, viên chức']);
    expect(wrapLabel('Siêu-dài-không-có-khoảng-trắng', 5)).toEqual(['Siêu-dài-không-có-khoảng-trắng']);
  });
});
