import { describe, expect, it } from 'vitest';
import { loginPath, matchPath, matchRoute, safeNext, type Route } from './router';

describe('matchPath', () => {
  it.each([
    ['/', '/', {}],
    ['/register', '/register', {}],
    ['/register', '/register/', {}],
    ['/c/:slug', '/c/demo', { slug: 'demo' }],
    ['/c/:slug', '/c/thi%20tim%20hieu', { slug: 'thi tim hieu' }],
    ['/c/:slug', '/c/h%E1%BB%99i-thi', { slug: 'hội-thi' }],
    ['/org/units', '/org/units', {}],
  ])('%s matches %s', (pattern, path, want) => {
    expect(matchPath(pattern, path)).toEqual(want);
  });

  it.each([
    ['/', '/register'],
    ['/c/:slug', '/c'],
    ['/c/:slug', '/c/demo/extra'],
    ['/c/:slug', '/c/%E0%A4%A'], // broken escape
    ['/org/units', '/org/users'],
  ])('%s does not match %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });
});

describe('matchRoute', () => {
  const routes: Route[] = [
    { name: 'home', pattern: '/' },
    { name: 'contest', pattern: '/c/:slug' },
    { name: 'me', pattern: '/me', auth: true },
  ];

  it('returns the route and its parameters', () => {
    const m = matchRoute(routes, '/c/demo');
    expect(m?.route.name).toBe('contest');
    expect(m?.params).toEqual({ slug: 'demo' });
  });

  it('keeps the auth flag', () => {
    expect(matchRoute(routes, '/me')?.route.auth).toBe(true);
  });

  it('returns null for an unknown path', () => {
    expect(matchRoute(routes, '/nope')).toBeNull();
  });
});

describe('safeNext', () => {
  it.each([
    ['/c/demo', '/c/demo'],
    ['/org/units?x=1', '/org/units?x=1'],
    [null, '/me'],
    ['', '/me'],
    ['https://evil.example/', '/me'],
    ['//evil.example/', '/me'],
    ['/\\evil.example', '/me'],
    ['javascript:alert(1)', '/me'],
  ])('%s → %s', (next, want) => {
    expect(safeNext(next)).toBe(want);
  });
});

describe('loginPath', () => {
  it('carries where to come back to', () => {
    expect(loginPath('/me')).toBe('/login?next=%2Fme');
    expect(loginPath('/')).toBe('/login');
  });
});
