// Keyboard moves between tabs (the WAI-ARIA tabs pattern): the arrow keys
// go to the next or previous tab, wrapping at either end; other keys leave
// the choice alone.

/** tabAfterKey is the tab an arrow key on tabs[i] moves to, or undefined for any other key. */
export function tabAfterKey<T>(tabs: readonly T[], i: number, key: string): T | undefined {
  const d = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (!d || !tabs.length) return undefined;
  return tabs[(i + d + tabs.length) % tabs.length];
}
