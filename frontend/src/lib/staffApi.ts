// The staff screen's endpoints (server/api/staff.go, users.go): staff list,
// account creation with a generated first password, finding a person and
// replacing their roles. Loaded with the lazy staff page only.
import type { Body, Reply, Schema } from './api/wire';
import type { Http } from './http';
import type { Role } from './api';

/** A staff member is a user with their role grants (docs/openapi.yaml User). */
export type StaffMember = Schema<'User'>;
export type StaffRole = StaffMember['roles'][number];
/** A role that can be granted: every role but citizen. */
export type GrantRole = StaffRole['role'];

/** A staff account to create, with its role on roleUnitId (default unitId). */
export type NewStaff = Body<'/api/v1/org/staff', 'post'>;

export type JudgeCandidate = Reply<'/api/v1/org/essay/{cid}/judges', 'get'>['judges'][number];

export function createStaffApi(http: Http) {
  const get = <T>(path: string) => http.request<T>('GET', path, { auth: true });
  return {
    async list(q = ''): Promise<StaffMember[]> {
      const qs = new URLSearchParams({ limit: '500' });
      if (q.trim()) qs.set('q', q.trim());
      return (await get<Reply<'/api/v1/org/staff', 'get'>>(`/api/v1/org/staff?${qs}`)).staff;
    },
    create: (body: NewStaff) =>
      http.request<Reply<'/api/v1/org/staff', 'post'>>('POST', '/api/v1/org/staff', { auth: true, body }),
    async findPeople(q: string): Promise<StaffMember[]> {
      const qs = new URLSearchParams({ q: q.trim(), limit: '20' });
      return (await get<Reply<'/api/v1/org/users', 'get'>>(`/api/v1/org/users?${qs}`)).users;
    },
    async setRoles(userId: string, roles: { role: Role; unitId: string }[]): Promise<StaffMember> {
      const res = await http.request<Reply<'/api/v1/org/users/{id}/grants', 'put'>>('PUT', `/api/v1/org/users/${encodeURIComponent(userId)}/grants`, {
        auth: true,
        body: { grants: roles.map((r) => ({ role: r.role, unitId: r.unitId })) },
      });
      return res.user;
    },
    resetPassword: (userId: string) =>
      http.request<Reply<'/api/v1/org/users/{id}/reset-password', 'post'>>('POST', `/api/v1/org/users/${encodeURIComponent(userId)}/reset-password`, {
        auth: true,
        body: {},
      }),
    async judges(contestId: string, q = ''): Promise<JudgeCandidate[]> {
      const qs = new URLSearchParams({ q: q.trim() });
      return (await get<Reply<'/api/v1/org/essay/{cid}/judges', 'get'>>(`/api/v1/org/essay/${encodeURIComponent(contestId)}/judges?${qs}`)).judges;
    },
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;

/** withRole adds a role (if not held already) to a person's roles. */
export function withRole(roles: readonly StaffRole[], role: GrantRole, unitId: string): { role: GrantRole; unitId: string }[] {
  const out = roles.map((r) => ({ role: r.role, unitId: r.unitId }));
  if (!out.some((r) => r.role === role && r.unitId === unitId)) out.push({ role, unitId });
  return out;
}

/** withoutRole removes one role grant. */
export function withoutRole(roles: readonly StaffRole[], drop: { role: Role; unitId: string }): { role: Role; unitId: string }[] {
  return roles.filter((r) => !(r.role === drop.role && r.unitId === drop.unitId)).map((r) => ({ role: r.role, unitId: r.unitId }));
}
