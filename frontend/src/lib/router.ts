// Pure route matching for the history-based router. The Go server answers
// every unknown path with index.html (SPA fallback), so the app owns paths
// like /c/demo and /org/units; router.svelte.ts wires this to the browser.

export interface Route<Name extends string = string> {
  name: Name;
  /** "/c/:slug" style: literal segments and ":name" parameters. */
  pattern: string;
  /** Requires a logged-in user; anonymous visitors go to /login. */
  auth?: boolean;
}

export interface Match<Name extends string = string> {
  route: Route<Name>;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** matchPath returns the parameters of path under pattern, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = segments(pattern);
  const got = segments(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(got[i]);
      } catch {
        return null; // a broken %-escape is not a slug
      }
      params[want[i].slice(1)] = value;
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}

/** matchRoute returns the first route whose pattern matches path. */
export function matchRoute<Name extends string>(
  routes: readonly Route<Name>[],
  path: string,
): Match<Name> | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

/**
 * safeNext keeps a ?next= target only when it is a path of this site, so a
 * crafted link cannot send someone to another site after logging in.
 */
export function safeNext(next: string | null | undefined, fallback = '/me'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}

/** loginPath builds the login link that brings the visitor back to `from`. */
export function loginPath(from: string): string {
  return from === '/' ? '/login' : `/login?next=${encodeURIComponent(from)}`;
}
