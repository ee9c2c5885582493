import { describe, expect, it } from 'vitest';
import { storageTokenStore, tokensFromGrant, type KeyValueStorage } from './tokens';

function mapStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('storageTokenStore', () => {
  it('round-trips tokens and clears them', () => {
    const storage = mapStorage();
    const store = storageTokenStore(storage);
    const tokens = tokensFromGrant({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 }, 1000);
    store.set(tokens);
    expect(storageTokenStore(storage).get()).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: 901_000 });
    store.clear();
    expect(store.get()).toBeNull();
  });

  it('treats corrupt or partial data as logged out', () => {
    const storage = mapStorage();
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
