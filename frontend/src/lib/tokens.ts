// Where the access and refresh tokens live between page loads.
import type { Schema } from './api/wire';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is stale. */
  expiresAt: number;
}

export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  clear(): void;
}

/** What the server returns on login, registration and refresh (docs/openapi.yaml Tokens; expiresIn in seconds). */
export type TokenGrant = Pick<Schema<'Tokens'>, 'accessToken' | 'refreshToken' | 'expiresIn'>;

export function tokensFromGrant(grant: TokenGrant, now: number): Tokens {
  return {
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    expiresAt: now + Math.max(0, grant.expiresIn) * 1000,
  };
}

/** A storage shaped like window.localStorage (tests pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'hoithi.auth';

/**
 * storageTokenStore keeps tokens in localStorage so a reload or a new tab
 * stays logged in; storage failures (private mode, quota) only mean the
 * person logs in again, never a crash.
 */
export function storageTokenStore(storage: KeyValueStorage): TokenStore {
  return {
    get() {
      try {
        const raw = storage.getItem(KEY);
        if (!raw) return null;
        const t = JSON.parse(raw) as Partial<Tokens>;
        if (typeof t.accessToken !== 'string' || typeof t.refreshToken !== 'string') return null;
        return { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: Number(t.expiresAt) || 0 };
      } catch {
        return null;
      }
    },
    set(tokens) {
      try {
        storage.setItem(KEY, JSON.stringify(tokens));
      } catch {
        /* see above */
      }
    },
    clear() {
      try {
        storage.removeItem(KEY);
      } catch {
        /* see above */
      }
    },
  };
}

/** memoryTokenStore is for tests and for browsers without storage. */
export function memoryTokenStore(initial: Tokens | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (t) => {
      tokens = t;
    },
    clear: () => {
      tokens = null;
    },
  };
}

/** What the app reads from an access token: who, and which roles where. */
export interface AccessClaims {
  sub: string;
  grants: { role: string; unitId: string; unitPath?: string }[];
}

/**
 * accessClaims reads a JWT's payload without checking its signature: only
 * the server trusts tokens; the app uses the claims to key local data by
 * user and to decide which links to show. Null when unreadable.
 */
export function accessClaims(token: string | undefined): AccessClaims | null {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Partial<AccessClaims>;
    if (typeof claims.sub !== 'string') return null;
    return { sub: claims.sub, grants: Array.isArray(claims.grants) ? claims.grants : [] };
  } catch {
    return null;
  }
}
