// Moving through a judge's queue from the keyboard (j/k, arrows, n): a judge
// with 200 works must never need the mouse.

export interface QueueItem {
  code: string;
  /** The judge's own sheet: '' not started, 'draft', 'submitted'. */
  status?: string;
}

/** step moves the selection by delta, staying inside the list (no wrap: the ends are meaningful). */
export function step(index: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return delta >= 0 ? 0 : length - 1;
  return Math.min(Math.max(index + delta, 0), length - 1);
}

/**
 * nextUnscored is the first work after index whose sheet is not submitted,
 * wrapping round to the start; -1 when every work is submitted. Drafts count
 * as unscored: they still need "Nộp điểm".
 */
export function nextUnscored(items: readonly QueueItem[], index: number): number {
  const n = items.length;
  for (let i = 1; i <= n; i++) {
    const j = (((index + i) % n) + n) % n;
    if (items[j].status !== 'submitted') return j;
  }
  return -1;
}

/** progress counts submitted sheets. */
export function progress(items: readonly QueueItem[]): { done: number; total: number } {
  return { done: items.filter((w) => w.status === 'submitted').length, total: items.length };
}

/** queueKey maps a key press to a queue action, or null for keys the page leaves alone. */
export function queueKey(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }):
  | 'down'
  | 'up'
  | 'next'
  | 'save'
  | null {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') return 'save';
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return 'down';
    case 'k':
    case 'ArrowUp':
      return 'up';
    case 'n':
      return 'next';
  }
  return null;
}
