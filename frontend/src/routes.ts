// The app's pages. Citizen pages are in the main bundle; organizer pages are
// loaded on demand so phones never download them.
import type { Component } from 'svelte';
import type { Route } from './lib/router';
import Home from './pages/Home.svelte';
import ContestPage from './pages/ContestPage.svelte';
import Register from './pages/Register.svelte';
import Login from './pages/Login.svelte';
import Me from './pages/Me.svelte';

export type PageName = 'home' | 'contest' | 'register' | 'login' | 'me' | 'orgUnits';

export const routes: readonly Route<PageName>[] = [
  { name: 'home', pattern: '/' },
  { name: 'contest', pattern: '/c/:slug' },
  { name: 'register', pattern: '/register' },
  { name: 'login', pattern: '/login' },
  { name: 'me', pattern: '/me', auth: true },
  { name: 'orgUnits', pattern: '/org/units', auth: true },
];

// Pages receive their route parameters as a `params` prop; pages without
// parameters ignore it, hence the loose prop type.
export type PageComponent = Component<any>;

const eager = (c: PageComponent) => () => Promise.resolve(c);

export const pages: Record<PageName, () => Promise<PageComponent>> = {
  home: eager(Home),
  contest: eager(ContestPage),
  register: eager(Register),
  login: eager(Login),
  me: eager(Me),
  orgUnits: () => import('./pages/org/OrgUnits.svelte').then((m) => m.default),
};
