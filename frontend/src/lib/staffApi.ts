// The staff screen's endpoints (server/api/staff.go, users.go): staff list,
// account creation with a generated first password, finding a person and
// replacing their roles. Loaded with the lazy staff page only.
import type { Http } from './http';
import type { Role } from './api';

export interface StaffRole {
  role: Role;
  unitId: string;
  unitName: string;
}

export interface StaffMember {
  id: string;
  fullName: string;
  phone: string;
  cccdMasked?: string;
  unit: { id: string; name: string; pathName: string };
  roles: StaffRole[];
}

export interface NewStaff {
  fullName: string;
  phone: string;
  unitId: string;
  role: Role;
  roleUnitId?: string;
}

export interface JudgeCandidate {
  id: string;
  fullName: string;
  unitName: string;
}

export function createStaffApi(http: Http) {
  const get = <T>(path: string) => http.request<T>('GET', path, { auth: true });
  return {
    async list(q = ''): Promise<StaffMember[]> {
      const qs = new URLSearchParams({ limit: '500' });
      if (q.trim()) qs.set('q', q.trim());
      return (await get<{ staff: StaffMember[] | null }>(`/api/v1/org/staff?${qs}`)).staff ?? [];
    },
    create: (body: NewStaff) =>
      http.request<{ user: StaffMember; password: string }>('POST', '/api/v1/org/staff', { auth: true, body }),
    async findPeople(q: string): Promise<StaffMember[]> {
      const qs = new URLSearchParams({ q: q.trim(), limit: '20' });
      return (await get<{ users: StaffMember[] | null }>(`/api/v1/org/users?${qs}`)).users ?? [];
    },
    async setRoles(userId: string, roles: { role: Role; unitId: string }[]): Promise<StaffMember> {
      const res = await http.request<{ user: StaffMember }>('PUT', `/api/v1/org/users/${encodeURIComponent(userId)}/grants`, {
        auth: true,
        body: { grants: roles.map((r) => ({ role: r.role, unitId: r.unitId })) },
      });
      return res.user;
    },
    resetPassword: (userId: string) =>
      http.request<{ temporaryPassword: string }>('POST', `/api/v1/org/users/${encodeURIComponent(userId)}/reset-password`, {
        auth: true,
        body: {},
      }),
    async judges(contestId: string, q = ''): Promise<JudgeCandidate[]> {
      const qs = new URLSearchParams({ q: q.trim() });
      return (await get<{ judges: JudgeCandidate[] | null }>(`/api/v1/org/essay/${encodeURIComponent(contestId)}/judges?${qs}`)).judges ?? [];
    },
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;

/** withRole adds a role (if not held already) to a person's roles. */
export function withRole(roles: readonly StaffRole[], role: Role, unitId: string): { role: Role; unitId: string }[] {
  const out = roles.map((r) => ({ role: r.role, unitId: r.unitId }));
  if (!out.some((r) => r.role === role && r.unitId === unitId)) out.push({ role, unitId });
  return out;
}

/** withoutRole removes one role grant. */
export function withoutRole(roles: readonly StaffRole[], drop: { role: Role; unitId: string }): { role: Role; unitId: string }[] {
  return roles.filter((r) => !(r.role === drop.role && r.unitId === drop.unitId)).map((r) => ({ role: r.role, unitId: r.unitId }));
}
