// Typed functions for the citizen's endpoints under /api/v1; their types
// are docs/openapi.yaml's (./api/wire.ts).
import { createHttp, type Http, type HttpOptions } from './http';
import { tokensFromGrant, type TokenGrant } from './tokens';
import { installId } from './installId';
import type { Reply, Schema } from './api/wire';

// Wire types come from docs/openapi.yaml through the generated
// ./api/schema.d.ts (npm run api:types): a field the server does not send,
// or sends with another type, fails svelte-check, and the Go tests validate
// the server's real answers against the same spec.
export type Gender = Schema<'Registration'>['gender'];
export type Occupation = Schema<'Registration'>['occupation'];
/** Display order of the occupation groups (contests.Occupations). */
export const OCCUPATIONS: readonly Occupation[] = [
  'party_member',
  'youth_union',
  'student',
  'civil_servant',
  'armed_forces',
  'citizen',
];
/** A role: one granted on a unit (User.roles), or citizen, which every account is. */
export type Role = Schema<'User'>['roles'][number]['role'] | 'citizen';
export type ContestStatus = Schema<'Contest'>['status'];

export type ContestSummary = Schema<'Contest'>;
export type UnitOption = Schema<'Unit'>;
export type Profile = Schema<'User'>;
export type RoleGrant = Profile['roles'][number];
export type Registration = Schema<'Registration'>;
export type AuthResult = Schema<'Tokens'>;

/** A unit to create: code, name, kind and headcount required; target 0 for none. */
export type NewUnit = Required<Pick<Schema<'UnitInput'>, 'code' | 'name' | 'kind' | 'headcount'>> &
  Pick<Schema<'UnitInput'>, 'parentId' | 'target'>;

export type ImportResult = Reply<'/api/v1/org/units/import', 'post'>;

export type UnitSheet = 'export' | 'template';

// Quiz, as a participant sees it. No type here has a field for a correct
// answer: the server sends none before the results are published.
export type RoundPhase = Schema<'RoundPhase'>;
export type AttemptStatus = Schema<'AttemptStatus'>;
export type AttemptResult = Schema<'AttemptResult'>;
export type RoundPublic = Schema<'RoundPublic'>;
/** An open round on the citizen's home, with the contest it belongs to. */
export type MyOpenRound = Reply<'/api/v1/me/rounds', 'get'>['rounds'][number];
export type PaperQuestion = Schema<'PaperQuestion'>;
export type SavedAnswer = Schema<'SavedAnswer'>;
export type Attempt = Schema<'Attempt'>;
export type Standing = Schema<'Standing'>;
export type MyRound = Schema<'MyRound'>;
export type StandingsPage = Schema<'StandingsPage'>;
export type Review = Schema<'Review'>;
export type ReviewQuestion = Review['questions'][number];

/** canOrganize tells whether a profile may open the organizer pages. */
export function canOrganize(roles: readonly RoleGrant[] | undefined): boolean {
  return !!roles?.some((r) => r.role === 'organizer' || r.role === 'admin');
}

const roundPath = (id: string) => `/api/v1/rounds/${encodeURIComponent(id)}`;

export function createApi(opts: HttpOptions) {
  const http: Http = createHttp(opts);
  const now = opts.now ?? Date.now;
  const keep = (res: AuthResult) => {
    opts.tokens.set(tokensFromGrant(res, now()));
    return res;
  };

  return {
    http,

    async contests(): Promise<ContestSummary[]> {
      const res = await http.request<Reply<'/api/v1/contests', 'get'>>('GET', '/api/v1/contests');
      return res.contests;
    },

    async contest(slug: string): Promise<ContestSummary> {
      const res = await http.request<Reply<'/api/v1/contests/{slug}', 'get'>>(
        'GET',
        `/api/v1/contests/${encodeURIComponent(slug)}`,
      );
      return res.contest;
    },

    /** Search works without diacritics: the server folds both sides. */
    async searchUnits(q: string, signal?: AbortSignal, limit = 20): Promise<UnitOption[]> {
      const query = new URLSearchParams({ q, limit: String(limit) });
      const res = await http.request<Reply<'/api/v1/units', 'get'>>('GET', `/api/v1/units?${query}`, {
        signal,
      });
      return res.units ?? [];
    },

    async register(input: Registration): Promise<AuthResult> {
      return keep(
        await http.request<AuthResult>('POST', '/api/v1/auth/register', {
          body: input,
          retryBusy: true,
        }),
      );
    },

    async login(login: string, password: string): Promise<AuthResult> {
      return keep(
        await http.request<AuthResult>('POST', '/api/v1/auth/login', {
          body: { login, password },
          retryBusy: true,
        }),
      );
    },

    /** logout revokes the refresh token; the local session ends even offline. */
    async logout(): Promise<void> {
      const tokens = opts.tokens.get();
      opts.tokens.clear();
      if (!tokens) return;
      await http
        .request<void>('POST', '/api/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } })
        .catch(() => undefined);
    },

    async me(): Promise<Profile> {
      const res = await http.request<Reply<'/api/v1/me', 'get'>>('GET', '/api/v1/me', { auth: true });
      return res.user;
    },

    /**
     * The server revokes every refresh token on a password change and answers
     * with fresh tokens for this device (or 204): keep them, or the next
     * refresh would log this device out too.
     */
    async changePassword(oldPassword: string, newPassword: string): Promise<void> {
      const res = await http.request<TokenGrant | undefined>('POST', '/api/v1/me/password', {
        auth: true,
        body: { oldPassword, newPassword },
      });
      if (res?.accessToken && res.refreshToken) opts.tokens.set(tokensFromGrant(res, now()));
    },

    async orgUnits(): Promise<UnitOption[]> {
      const res = await http.request<Reply<'/api/v1/org/units', 'get'>>('GET', '/api/v1/org/units', {
        auth: true,
      });
      return res.units ?? [];
    },

    createUnit(unit: NewUnit): Promise<Reply<'/api/v1/org/units', 'post'>> {
      return http.request('POST', '/api/v1/org/units', { auth: true, body: unit });
    },

    importUnits(file: File): Promise<ImportResult> {
      const form = new FormData();
      form.append('file', file);
      return http.request<ImportResult>('POST', '/api/v1/org/units/import', {
        auth: true,
        body: form,
      });
    },

    /** The xlsx needs the bearer header, so it is fetched as a blob, not linked. */
    unitSheet(which: UnitSheet): Promise<Blob> {
      return http.request<Blob>('GET', `/api/v1/org/units/${which}`, { auth: true, blob: true });
    },

    /** With a token the server adds the caller's attempts and best result. */
    async contestRounds(slug: string, withMine: boolean): Promise<RoundPublic[]> {
      const res = await http.request<Reply<'/api/v1/contests/{slug}/rounds', 'get'>>(
        'GET',
        `/api/v1/contests/${encodeURIComponent(slug)}/rounds`,
        { auth: withMine },
      );
      return res.rounds ?? [];
    },

    /** The citizen's home: the rounds open now that they may enter, soonest closing first. */
    async myRounds(): Promise<MyOpenRound[]> {
      const res = await http.request<Reply<'/api/v1/me/rounds', 'get'>>('GET', '/api/v1/me/rounds', { auth: true });
      return res.rounds ?? [];
    },

    myRound(roundId: string): Promise<MyRound> {
      return http.request<MyRound>('GET', `${roundPath(roundId)}/me`, { auth: true });
    },

    /** The attempt in progress with its saved answers (404 when there is none). */
    currentAttempt(roundId: string): Promise<Attempt> {
      return http.request<Attempt>('GET', `${roundPath(roundId)}/attempts/current`, { auth: true });
    },

    /** Starts the next attempt, or resumes the one in progress (a reload, another phone). */
    startAttempt(roundId: string): Promise<Attempt> {
      return http.request<Attempt>('POST', `${roundPath(roundId)}/attempts`, { auth: true, headers: { 'X-Install-Id': installId() } });
    },

    /** Answers with what the server holds afterwards (maybe a newer save from another phone). */
    saveAnswer(roundId: string, no: number, questionId: string, options: string[], seq: number) {
      return http.request<Schema<'AnswerSaved'>>(
        'PUT',
        `${roundPath(roundId)}/attempts/${no}/answers/${encodeURIComponent(questionId)}`,
        { auth: true, body: { options, seq } satisfies Schema<'AnswerInput'> },
      );
    },

    savePrediction(roundId: string, no: number, value: number, seq: number) {
      return http.request<Schema<'PredictionSaved'>>(
        'PUT',
        `${roundPath(roundId)}/attempts/${no}/prediction`,
        { auth: true, body: { value, seq } satisfies Schema<'PredictionInput'> },
      );
    },

    /** Idempotent: submitting twice returns the same result. */
    submitAttempt(roundId: string, no: number): Promise<AttemptResult> {
      return http.request<AttemptResult>('POST', `${roundPath(roundId)}/attempts/${no}/submit`, { auth: true });
    },

    /** withAuth: people logged in may see full names (the contest decides). */
    async standings(roundId: string, offset: number, limit: number, withAuth = false): Promise<StandingsPage> {
      const q = new URLSearchParams({ offset: String(offset), limit: String(limit) });
      const res = await http.request<StandingsPage>('GET', `${roundPath(roundId)}/standings?${q}`, { auth: withAuth });
      return res;
    },

    /** The contest's overall standings across its rounds (none until the organizers compute them). */
    overallStandings(slug: string, offset: number, limit: number, withAuth = false): Promise<StandingsPage> {
      const q = new URLSearchParams({ offset: String(offset), limit: String(limit) });
      return http.request<StandingsPage>('GET', `/api/v1/contests/${encodeURIComponent(slug)}/overall?${q}`, { auth: withAuth });
    },

    review(roundId: string, no: number): Promise<Review> {
      return http.request<Review>('GET', `${roundPath(roundId)}/review/${no}`, { auth: true });
    },
  };
}

export type Api = ReturnType<typeof createApi>;
