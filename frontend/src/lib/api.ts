// Typed functions for every endpoint the app calls. Shapes follow the Go
// server's DTOs under /api/v1; see docs/openapi.yaml.
import { createHttp, type Http, type HttpOptions } from './http';
import { tokensFromGrant, type TokenGrant } from './tokens';

export type Gender = 'male' | 'female';
export type Occupation =
  | 'party_member'
  | 'youth_union'
  | 'student'
  | 'civil_servant'
  | 'armed_forces'
  | 'citizen';
/** Display order of the occupation groups (contests.Occupations). */
export const OCCUPATIONS: readonly Occupation[] = [
  'party_member',
  'youth_union',
  'student',
  'civil_servant',
  'armed_forces',
  'citizen',
];
export type Role = 'citizen' | 'judge' | 'secretary' | 'organizer' | 'admin';
export type ContestStatus = 'draft' | 'published' | 'closed';

export interface ContestSummary {
  slug: string;
  title: string;
  kind: 'quiz' | 'essay';
  description?: string;
  startsAt?: string;
  endsAt?: string;
  ownerUnitName?: string;
  status: ContestStatus;
}

export interface UnitOption {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId?: string;
  pathName?: string;
  headcount?: number;
}

export interface UserSummary {
  id: string;
  fullName: string;
}

export interface RoleGrant {
  role: Role;
  unitId: string;
  unitName?: string;
}

export interface Profile {
  id: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  phone: string;
  email?: string;
  address?: string;
  occupation: Occupation;
  cccdMasked: string;
  unit: { id: string; name: string; pathName?: string };
  roles: RoleGrant[];
}

export interface Registration {
  fullName: string;
  birthDate: string;
  gender: Gender;
  phone: string;
  cccd: string;
  unitId: string;
  occupation: Occupation;
  email: string;
  address: string;
  password: string;
}

export interface AuthResult extends TokenGrant {
  user: UserSummary;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentId?: string;
  headcount: number;
}

export interface ImportResult {
  created: number;
  updated: number;
}

export type UnitSheet = 'export' | 'template';

/** canOrganize tells whether a profile may open the organizer pages. */
export function canOrganize(roles: readonly RoleGrant[] | undefined): boolean {
  return !!roles?.some((r) => r.role === 'organizer' || r.role === 'admin');
}

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
      const res = await http.request<{ contests?: ContestSummary[] } | ContestSummary[]>(
        'GET',
        '/api/v1/contests',
      );
      return Array.isArray(res) ? res : (res?.contests ?? []);
    },

    async contest(slug: string): Promise<ContestSummary> {
      const res = await http.request<{ contest: ContestSummary }>(
        'GET',
        `/api/v1/contests/${encodeURIComponent(slug)}`,
      );
      return res.contest;
    },

    /** Search works without diacritics: the server folds both sides. */
    async searchUnits(q: string, signal?: AbortSignal, limit = 20): Promise<UnitOption[]> {
      const query = new URLSearchParams({ q, limit: String(limit) });
      const res = await http.request<{ units: UnitOption[] }>('GET', `/api/v1/units?${query}`, {
        signal,
      });
      return res.units ?? [];
    },

    async register(input: Registration): Promise<AuthResult> {
      return keep(await http.request<AuthResult>('POST', '/api/v1/auth/register', { body: input }));
    },

    async login(login: string, password: string): Promise<AuthResult> {
      return keep(
        await http.request<AuthResult>('POST', '/api/v1/auth/login', { body: { login, password } }),
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
      const res = await http.request<{ user: Profile }>('GET', '/api/v1/me', { auth: true });
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
      const res = await http.request<{ units: UnitOption[] }>('GET', '/api/v1/org/units', {
        auth: true,
      });
      return res.units ?? [];
    },

    createUnit(unit: NewUnit): Promise<{ unit: UnitOption }> {
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
  };
}

export type Api = ReturnType<typeof createApi>;
