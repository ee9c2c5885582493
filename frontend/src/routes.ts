// The app's pages. Citizen pages are in the main bundle, except the quiz
// pages, each a small chunk of its own; organizer pages are loaded on demand
// so phones never download them.
import type { Component } from 'svelte';
import type { Route } from './lib/router';
import Home from './pages/Home.svelte';
import ContestPage from './pages/ContestPage.svelte';
import Register from './pages/Register.svelte';
import Login from './pages/Login.svelte';
import Me from './pages/Me.svelte';
import { loadAttemptPage } from './pages/quiz/prefetch';

export type PageName =
  | 'home'
  | 'contest'
  | 'register'
  | 'login'
  | 'me'
  | 'quizAttempt'
  | 'quizResults'
  | 'quizOverall'
  | 'quizReview'
  | 'orgUnits'
  | 'orgContests'
  | 'orgContest'
  | 'orgEssay'
  | 'orgStaff'
  | 'orgSecurity'
  | 'judgeRounds'
  | 'judgeRound';

export const routes: readonly Route<PageName>[] = [
  { name: 'home', pattern: '/' },
  { name: 'contest', pattern: '/c/:slug' },
  { name: 'register', pattern: '/register' },
  { name: 'login', pattern: '/login' },
  { name: 'me', pattern: '/me', auth: true },
  { name: 'quizAttempt', pattern: '/c/:slug/r/:roundId', auth: true },
  { name: 'quizResults', pattern: '/c/:slug/r/:roundId/results' },
  { name: 'quizOverall', pattern: '/c/:slug/overall' },
  { name: 'quizReview', pattern: '/c/:slug/r/:roundId/review/:no', auth: true },
  { name: 'orgUnits', pattern: '/org/units', auth: true },
  { name: 'orgContests', pattern: '/org/contests', auth: true },
  { name: 'orgContest', pattern: '/org/contests/:id', auth: true },
  { name: 'orgEssay', pattern: '/org/essay/:contestId', auth: true },
  { name: 'orgStaff', pattern: '/org/staff', auth: true },
  { name: 'orgSecurity', pattern: '/org/security', auth: true },
  { name: 'judgeRounds', pattern: '/judge', auth: true },
  { name: 'judgeRound', pattern: '/judge/:roundId', auth: true },
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
  quizAttempt: loadAttemptPage,
  quizResults: () => import('./pages/quiz/RoundResults.svelte').then((m) => m.default),
  quizOverall: () => import('./pages/quiz/OverallResults.svelte').then((m) => m.default),
  quizReview: () => import('./pages/quiz/ReviewPage.svelte').then((m) => m.default),
  orgUnits: () => import('./pages/org/OrgUnits.svelte').then((m) => m.default),
  orgContests: () => import('./pages/org/OrgContests.svelte').then((m) => m.default),
  orgContest: () => import('./pages/org/OrgContest.svelte').then((m) => m.default),
  orgEssay: () => import('./pages/org/essay/EssayAdmin.svelte').then((m) => m.default),
  orgStaff: () => import('./pages/org/staff/OrgStaff.svelte').then((m) => m.default),
  orgSecurity: () => import('./pages/org/security/FailedLogins.svelte').then((m) => m.default),
  judgeRounds: () => import('./pages/judge/JudgeRounds.svelte').then((m) => m.default),
  judgeRound: () => import('./pages/judge/JudgePage.svelte').then((m) => m.default),
};

