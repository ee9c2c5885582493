// The browser side of the router: the current location as reactive state,
// navigate() on the History API, and same-site link clicks turned into
// navigation without a page load.

export const here = $state({ path: location.pathname, search: location.search });

function sync(): void {
  here.path = location.pathname;
  here.search = location.search;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  sync();
  window.scrollTo(0, 0);
}

export function queryParam(name: string): string | null {
  return new URLSearchParams(here.search).get(name);
}

function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  // API links and files are the server's, not pages of the app.
  if (a.pathname.startsWith('/api/')) return;
  // A jump within this page ("#section") is the browser's to scroll.
  if (a.hash && a.pathname === location.pathname && a.search === location.search) return;
  event.preventDefault();
  navigate(a.pathname + a.search);
}

/** startNavigation installs the listeners once, at startup. */
export function startNavigation(): void {
  window.addEventListener('popstate', sync);
  document.addEventListener('click', onClick);
}
