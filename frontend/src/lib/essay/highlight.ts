// Cutting a text into plain and highlighted pieces from the server's common
// passages. The server gives UTF-16 offsets, the unit of JavaScript string
// indexes, so slicing needs no conversion (a Vietnamese letter is one unit,
// an emoji two).
import type { Schema } from '../api/wire';

/** A passage's span in one text (docs/openapi.yaml Span): only its UTF-16 offsets are used here. */
export type Span = Pick<Schema<'Span'>, 'UTF16Start' | 'UTF16End'>;

export interface Piece {
  text: string;
  /** Index of the passage this piece belongs to, or -1 for plain text. */
  passage: number;
}

/**
 * pieces splits text at the spans (clamped to the text, overlapping ones
 * merged into the earlier), keeping every character exactly once.
 */
export function pieces(text: string, spans: readonly Span[]): Piece[] {
  const order = spans
    .map((s, i) => ({ start: clamp(s.UTF16Start, text.length), end: clamp(s.UTF16End, text.length), i }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const s of order) {
    const start = Math.max(s.start, at);
    if (s.end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), passage: -1 });
    out.push({ text: text.slice(start, s.end), passage: s.i });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), passage: -1 });
  return out;
}

function clamp(n: number, len: number): number {
  return Math.min(Math.max(Math.trunc(n) || 0, 0), len);
}
