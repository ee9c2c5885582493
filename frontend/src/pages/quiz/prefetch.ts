// The attempt page is a chunk of its own. The contest page starts loading it
// while the person reads the rounds, so "Vào thi" opens at once on 3G.
export const loadAttemptPage = () => import('./AttemptPage.svelte').then((m) => m.default);

/** prefetchAttemptPage loads the chunk in the background; a failure is retried on navigation. */
export function prefetchAttemptPage(): void {
  loadAttemptPage().catch(() => undefined);
}
