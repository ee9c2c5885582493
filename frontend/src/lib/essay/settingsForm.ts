// The essay contest's rules as the organizer edits them (contests/essay
// Settings): categories with their limits, the deadline, the rounding of
// shown totals. Sizes are typed in MB and durations in minutes; category
// keys are made from the names (people never see or type a key).
import type { Category, FileKind } from '../essayApi';
import { fold } from '../text';

export const MB = 1024 * 1024;
export const PRECISIONS = [0.01, 0.1, 0.25, 0.5, 1] as const;
export const WRITTEN_KINDS: readonly FileKind[] = ['docx', 'pdf'];
export const MEDIA_KINDS: readonly FileKind[] = ['mp3', 'mp4'];

export interface EssaySettings {
  categories: Category[];
  deadline?: string;
  precision?: number;
}

export interface CategoryRow {
  key: string;
  name: string;
  written: boolean;
  minWords: number;
  maxWords: number;
  maxCoauthors: number;
  maxWorksPerAuthor: number;
  kinds: FileKind[];
  maxFileMB: number;
  maxMinutes: number;
  maxOverlapPercent: number;
}

/** wardPreset is the default of a new contest (contests/essay WardCategories). */
export function wardPreset(): CategoryRow[] {
  return [
    {
      key: 'chinh_luan', name: 'Bài chính luận', written: true, minWords: 1500, maxWords: 3000, maxCoauthors: 2,
      maxWorksPerAuthor: 2, kinds: ['docx', 'pdf'], maxFileMB: 20, maxMinutes: 0, maxOverlapPercent: 25,
    },
  ];
}

/** keyFrom makes a category key from its name: "Bài chính luận" → "bai_chinh_luan". */
export function keyFrom(name: string, taken: readonly string[] = []): string {
  let base = fold(name).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 36);
  if (!/^[a-z]/.test(base)) base = 'tl_' + base;
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

export function toRows(categories: readonly Category[]): CategoryRow[] {
  return categories.map((c) => ({
    key: c.key,
    name: c.name,
    written: c.written,
    minWords: c.minWords ?? 0,
    maxWords: c.maxWords ?? 0,
    maxCoauthors: c.maxCoauthors,
    maxWorksPerAuthor: c.maxWorksPerAuthor,
    kinds: [...c.allowedFileKinds],
    maxFileMB: Math.round((c.maxFileBytes / MB) * 10) / 10,
    maxMinutes: c.maxMediaSeconds ? c.maxMediaSeconds / 60 : 0,
    maxOverlapPercent: c.maxOverlapPercent ?? 0,
  }));
}

/**
 * toCategories builds what the server validates. A category without a key
 * gets one from its name; the per-kind cap is the per-category cap summed
 * over the categories of that kind (one author may send to each).
 */
export function toCategories(rows: readonly CategoryRow[]): Category[] {
  const keys: string[] = [];
  const withKeys = rows.map((r) => {
    const key = r.key || keyFrom(r.name, keys);
    keys.push(key);
    return { ...r, key };
  });
  const perKind = (written: boolean) =>
    withKeys.filter((r) => r.written === written).reduce((s, r) => s + (Number(r.maxWorksPerAuthor) || 0), 0);
  return withKeys.map((r) => {
    const c: Category = {
      key: r.key,
      name: r.name.trim(),
      written: r.written,
      maxCoauthors: Number(r.maxCoauthors) || 0,
      maxWorksPerAuthor: Number(r.maxWorksPerAuthor) || 0,
      maxWorksOfKindPerAuthor: perKind(r.written),
      allowedFileKinds: r.kinds.filter((k) => (r.written ? WRITTEN_KINDS : MEDIA_KINDS).includes(k)),
      maxFileBytes: Math.round((Number(r.maxFileMB) || 0) * MB),
    };
    if (r.written) {
      if (Number(r.minWords) > 0) c.minWords = Number(r.minWords);
      if (Number(r.maxWords) > 0) c.maxWords = Number(r.maxWords);
    } else if (Number(r.maxMinutes) > 0) {
      c.maxMediaSeconds = Math.round(Number(r.maxMinutes) * 60);
    }
    if (Number(r.maxOverlapPercent) > 0) c.maxOverlapPercent = Number(r.maxOverlapPercent);
    return c;
  });
}

/** deadlineInput turns an ISO instant into a datetime-local value in local time. */
export function deadlineInput(iso: string | undefined): string {
  if (!iso || iso.startsWith('0001-')) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
