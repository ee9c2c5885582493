import { describe, expect, it } from 'vitest';
import { fromVietnamInput, toVietnamInput, vietnamInputAt } from './vnTime';

describe('datetime-local in Vietnam time', () => {
  it.each([
    ['morning', '2025-06-02T03:00:00Z', '2025-06-02T10:00'],
    ['crosses midnight', '2025-06-01T18:30:00Z', '2025-06-02T01:30'],
    ['new year', '2024-12-31T17:00:00Z', '2025-01-01T00:00'],
    ['with an offset', '2025-06-02T10:00:00+07:00', '2025-06-02T10:00'],
  ])('shows %s in Vietnam', (_, iso, want) => {
    expect(toVietnamInput(iso)).toBe(want);
  });

  it.each([undefined, null, '', '0001-01-01T00:00:00Z', 'soon'])('leaves %s empty', (iso) => {
    expect(toVietnamInput(iso)).toBe('');
  });

  it.each([
    ['2025-06-02T10:00', '2025-06-02T10:00:00+07:00'],
    ['2025-06-02T10:00:30', '2025-06-02T10:00:30+07:00'],
    [' 2024-02-29T23:59 ', '2024-02-29T23:59:00+07:00'],
  ])('sends %s as +07:00', (value, want) => {
    expect(fromVietnamInput(value)).toBe(want);
    expect(Date.parse(want)).toBe(Date.parse(fromVietnamInput(value)!));
  });

  it.each(['', '2025-02-31T10:00', '2025-06-02 10:00', '2025-06-02T24:00', '2025-13-01T10:00', '2023-02-29T10:00'])(
    'refuses %j',
    (value) => {
      expect(fromVietnamInput(value)).toBeNull();
    },
  );

  it('round-trips to the same instant', () => {
    const iso = '2025-11-23T17:45:00Z';
    expect(Date.parse(fromVietnamInput(toVietnamInput(iso))!)).toBe(Date.parse(iso));
    expect(vietnamInputAt(Date.parse(iso))).toBe('2025-11-24T00:45');
  });
});
