import { describe, expect, it } from 'vitest';
import { pieces } from './highlight';

const span = (UTF16Start: number, UTF16End: number) => ({ UTF16Start, UTF16End });

describe('pieces', () => {
  it('cuts Vietnamese text at UTF-16 offsets', () => {
    const text = 'Bảo vệ nền tảng tư tưởng';
    const start = text.indexOf('nền');
    const out = pieces(text, [span(start, start + 'nền tảng'.length)]);
    expect(out).toEqual([
      { text: 'Bảo vệ ', passage: -1 },
      { text: 'nền tảng', passage: 0 },
      { text: ' tư tưởng', passage: -1 },
    ]);
  });
  it('counts an emoji as two units, as the server does', () => {
    const text = '😀 chép y nguyên';
    // '😀 ' is 3 UTF-16 units.
    expect(pieces(text, [span(3, 7)])[1]).toEqual({ text: 'chép', passage: 0 });
  });
  it('sorts, merges overlaps and clamps, never losing a character', () => {
    const text = 'abcdefghij';
    const out = pieces(text, [span(6, 20), span(1, 3), span(2, 5)]);
    expect(out.map((p) => p.text).join('')).toBe(text);
    expect(out).toEqual([
      { text: 'a', passage: -1 },
      { text: 'bc', passage: 1 },
      { text: 'de', passage: 2 },
      { text: 'f', passage: -1 },
      { text: 'ghij', passage: 0 },
    ]);
  });
  it('ignores empty and reversed spans', () => {
    expect(pieces('abc', [span(2, 2), span(3, 1)])).toEqual([{ text: 'abc', passage: -1 }]);
  });
});
