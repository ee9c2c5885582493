import { describe, expect, it } from 'vitest';
import { accessClaims, storageTokenStore, tokensFromGrant, type KeyValueStorage } from './tokens';
import { memoryStorage } from './memoryStorage';

describe('storageTokenStore', () => {
  it('round-trips tokens and clears them', () => {
    const storage = memoryStorage();
    const store = storageTokenStore(storage);
    const tokens = tokensFromGrant({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 }, 1000);
    store.set(tokens);
    expect(storageTokenStore(storage).get()).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: 901_000 });
    store.clear();
    expect(store.get()).toBeNull();
  });

  it('treats corrupt or partial data as logged out', () => {
    const storage = memoryStorage();
    const store = storageTokenStore(storage);
    storage.data.set('hoithi.auth', '{not json');
    expect(store.get()).toBeNull();
    storage.data.set('hoithi.auth', JSON.stringify({ accessToken: 'a' }));
    expect(store.get()).toBeNull();
  });

  it('survives a storage that throws (private mode)', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const store = storageTokenStore(broken);
    expect(() => store.set({ accessToken: 'a', refreshToken: 'r', expiresAt: 0 })).not.toThrow();
    expect(store.get()).toBeNull();
  });
});

describe('accessClaims', () => {
  const b64url = (o: unknown) => {
    const bytes = new TextEncoder().encode(JSON.stringify(o));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const jwt = (payload: unknown) => `${b64url({ alg: 'HS256' })}.${b64url(payload)}.sig`;

  it('reads the subject and grants, Vietnamese names included', () => {
    const token = jwt({
      sub: 'u42',
      name: 'Trần Thị Tổ Chức',
      grants: [{ role: 'organizer', unitId: 'ag', unitPath: '/ag/' }],
    });
    expect(accessClaims(token)).toEqual({ sub: 'u42', grants: [{ role: 'organizer', unitId: 'ag', unitPath: '/ag/' }] });
  });

  it('treats missing grants as none', () => {
    expect(accessClaims(jwt({ sub: 'u1' }))).toEqual({ sub: 'u1', grants: [] });
  });

  it.each([undefined, '', 'abc', 'a.!!!.c', jwt({ name: 'no subject' })])('refuses %j', (token) => {
    expect(accessClaims(token)).toBeNull();
  });
});
