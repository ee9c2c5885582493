import { describe, expect, it } from 'vitest';
import { createApi } from './api';
import { ApiError } from './errors';
import type { HttpOptions } from './http';
import { memoryTokenStore, type Tokens } from './tokens';

interface Call {
  method: string;
  path: string;
  auth?: string;
  lang?: string;
  body?: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const NOW = 1_750_000_000_000;

/** fakeServer records every request and answers through handler. */
function fakeServer(handler: Handler, tokens: Tokens | null, lang = 'vi', extra: Partial<HttpOptions> = {}) {
  const calls: Call[] = [];
  let authLost = 0;
  const store = memoryTokenStore(tokens);
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = {
      method: init?.method ?? 'GET',
      path: String(input),
      auth: headers.Authorization,
      lang: headers['Accept-Language'],
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
    };
    calls.push(call);
    return handler(call);
  };
  const api = createApi({
    fetch: fetch as typeof globalThis.fetch,
    tokens: store,
    lang: () => lang,
    onAuthLost: () => authLost++,
    now: () => NOW,
    ...extra,
  });
  return { api, calls, store, authLost: () => authLost };
}

const fresh: Tokens = { accessToken: 'old-access', refreshToken: 'old-refresh', expiresAt: NOW + 600_000 };
const profile = { id: 'u1', fullName: 'Nguyễn Văn An' };

/** A server that accepts only "new-access" and rotates "old-refresh". */
function rotatingServer(refreshStatus = 200): Handler {
  return (call) => {
    if (call.path === '/api/v1/auth/refresh') {
      if (refreshStatus !== 200 || (call.body as { refreshToken: string }).refreshToken !== 'old-refresh') {
        return json(401, { error: { code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn.' } });
      }
      return json(200, { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900 });
    }
    if (call.auth !== 'Bearer new-access') return json(401, { error: { code: 'unauthorized', message: 'x' } });
    return json(200, { user: profile });
  };
}

describe('refresh on 401', () => {
  it('refreshes once, stores the rotated tokens and retries', async () => {
    const s = fakeServer(rotatingServer(), fresh);
    await expect(s.api.me()).resolves.toEqual(profile);
    expect(s.calls.map((c) => `${c.path} ${c.auth ?? '-'}`)).toEqual([
      '/api/v1/me Bearer old-access',
      '/api/v1/auth/refresh -',
      '/api/v1/me Bearer new-access',
    ]);
    expect(s.calls[1].body).toEqual({ refreshToken: 'old-refresh' });
    expect(s.store.get()).toEqual({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresAt: NOW + 900_000 });
    expect(s.authLost()).toBe(0);
  });

  it('ends the session when the refresh is refused', async () => {
    const s = fakeServer(rotatingServer(401), fresh);
    const err = await s.api.me().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('unauthorized');
    expect(s.store.get()).toBeNull();
    expect(s.authLost()).toBe(1);
    // No endless loop: one try, one refresh, no second retry.
    expect(s.calls.map((c) => c.path)).toEqual(['/api/v1/me', '/api/v1/auth/refresh']);
  });

  it('gives up after one retry even if the new token is also refused', async () => {
    const s = fakeServer(
      (call) =>
        call.path === '/api/v1/auth/refresh'
          ? json(200, { accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 })
          : json(401, { error: { code: 'unauthorized', message: '' } }),
      fresh,
    );
    await expect(s.api.me()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(s.calls.map((c) => c.path)).toEqual(['/api/v1/me', '/api/v1/auth/refresh', '/api/v1/me']);
    expect(s.authLost()).toBe(1);
  });

  it('shares one refresh between parallel requests', async () => {
    const s = fakeServer(rotatingServer(), fresh);
    await Promise.all([s.api.me(), s.api.me(), s.api.orgUnits().catch(() => null)]);
    expect(s.calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('refreshes before sending when the access token has expired', async () => {
    const s = fakeServer(rotatingServer(), { ...fresh, expiresAt: NOW - 1 });
    await s.api.me();
    expect(s.calls.map((c) => c.path)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
  });

  it('sends to /login at once when there is no session', async () => {
    const s = fakeServer(rotatingServer(), null);
    await expect(s.api.me()).rejects.toMatchObject({ status: 401 });
    expect(s.calls).toHaveLength(0);
    expect(s.authLost()).toBe(1);
  });
});

describe('requests', () => {
  it('sends the language and parses field errors', async () => {
    const s = fakeServer(
      () =>
        json(400, {
          error: {
            code: 'invalid',
            message: 'Thông tin chưa hợp lệ.',
            fields: [{ field: 'phone', message: 'Số điện thoại đã được dùng.' }],
          },
        }),
      null,
      'en',
    );
    const err = await s.api.login('0912345678', 'x').catch((e) => e);
    expect(s.calls[0].lang).toBe('en');
    expect(s.calls[0].body).toEqual({ login: '0912345678', password: 'x' });
    expect(err).toMatchObject({ status: 400, code: 'invalid', message: 'Thông tin chưa hợp lệ.' });
    expect(err.fields).toEqual([{ field: 'phone', message: 'Số điện thoại đã được dùng.' }]);
  });

  it('stores tokens on login and drops them on logout', async () => {
    const s = fakeServer(
      (call) =>
        call.path === '/api/v1/auth/login'
          ? json(200, { user: profile, accessToken: 'a', refreshToken: 'r', expiresIn: 900 })
          : new Response(null, { status: 204 }),
      null,
    );
    await s.api.login('0912345678', 'matkhau123');
    expect(s.store.get()?.refreshToken).toBe('r');
    await s.api.logout();
    expect(s.store.get()).toBeNull();
    expect(s.calls[1]).toMatchObject({ path: '/api/v1/auth/logout', body: { refreshToken: 'r' } });
  });

  it('reports a network failure as code "network"', async () => {
    const s = fakeServer(() => Promise.reject(new TypeError('Failed to fetch')), null);
    await expect(s.api.contests()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('guesses a code from the status when the body is not JSON', async () => {
    const s = fakeServer(() => new Response('<html>Bad gateway</html>', { status: 502 }), null);
    await expect(s.api.contests()).rejects.toMatchObject({ status: 502, code: 'internal', message: '' });
  });

  it('builds the unit search query', async () => {
    const s = fakeServer(() => json(200, { units: [] }), null);
    await s.api.searchUnits('phuong an bien');
    expect(s.calls[0].path).toBe('/api/v1/units?q=phuong+an+bien&limit=20');
  });
});

describe('changePassword', () => {
  it('keeps the fresh tokens the server sends back', async () => {
    const s = fakeServer(
      () => json(200, { accessToken: 'after-change', refreshToken: 'r-after', expiresIn: 900 }),
      fresh,
    );
    await s.api.changePassword('matkhau-cu', 'matkhau-moi');
    expect(s.calls[0]).toMatchObject({
      path: '/api/v1/me/password',
      auth: 'Bearer old-access',
      body: { oldPassword: 'matkhau-cu', newPassword: 'matkhau-moi' },
    });
    expect(s.store.get()?.refreshToken).toBe('r-after');
  });

  it('keeps the current tokens on a bare 204', async () => {
    const s = fakeServer(() => new Response(null, { status: 204 }), fresh);
    await s.api.changePassword('a', 'b');
    expect(s.store.get()).toEqual(fresh);
  });
});

describe('a busy server (login storm)', () => {
  const busy = () =>
    new Response(JSON.stringify({ error: { code: 'busy', message: 'Nhiều người đang đăng nhập cùng lúc' } }), {
      status: 503,
      headers: { 'Retry-After': '2' },
    });

  it('retries a login after Retry-After with jitter, then succeeds', async () => {
    const waits: number[] = [];
    let tries = 0;
    const s = fakeServer(
      () => (++tries < 3 ? busy() : json(200, { user: profile, accessToken: 'a', refreshToken: 'r', expiresIn: 900 })),
      null,
      'vi',
      { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    );
    await s.api.login('0912345678', 'matkhau123');
    expect(s.calls.map((c) => c.path)).toEqual(Array(3).fill('/api/v1/auth/login'));
    expect(waits).toEqual([2500, 2500]);
    expect(s.store.get()?.accessToken).toBe('a');
  });

  it('gives up after a few tries and shows the server message', async () => {
    const s = fakeServer(busy, null, 'vi', { sleep: async () => {} });
    await expect(s.api.login('0912345678', 'x')).rejects.toMatchObject({ status: 503, code: 'busy' });
    expect(s.calls).toHaveLength(5);
  });

  it('does not retry requests that did not ask for it', async () => {
    const s = fakeServer(busy, null, 'vi', { sleep: async () => {} });
    await expect(s.api.contests()).rejects.toMatchObject({ status: 503 });
    expect(s.calls).toHaveLength(1);
  });

  it('keeps the session when a refresh meets a busy server', async () => {
    const t = fakeServer((c) => (c.path === '/api/v1/auth/refresh' ? busy() : json(200, { user: profile })), {
      ...fresh,
      expiresAt: NOW - 1,
    });
    await t.api.me();
    expect(t.calls.map((c) => c.path)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
    expect(t.store.get()?.refreshToken).toBe('old-refresh');
    expect(t.authLost()).toBe(0);
  });
});

describe('refresh across tabs', () => {
  it('does not rotate a token another tab already rotated', async () => {
    // The other tab rotates while this one waits for the lock.
    let store: ReturnType<typeof fakeServer>['store'] | null = null;
    const s = fakeServer(rotatingServer(), { ...fresh, expiresAt: NOW - 1 }, 'vi', {
      exclusive: async (fn) => {
        store!.set({ accessToken: 'new-access', refreshToken: 'other-tab-refresh', expiresAt: NOW + 900_000 });
        return fn();
      },
    });
    store = s.store;
    await expect(s.api.me()).resolves.toEqual(profile);
    expect(s.calls.map((c) => c.path)).toEqual(['/api/v1/me']);
    expect(s.store.get()?.refreshToken).toBe('other-tab-refresh');
  });

  it('runs every refresh inside the lock', async () => {
    let locked = 0;
    const s = fakeServer(rotatingServer(), { ...fresh, expiresAt: NOW - 1 }, 'vi', {
      exclusive: async (fn) => {
        locked++;
        return fn();
      },
    });
    await s.api.me();
    expect(locked).toBe(1);
    expect(s.calls.map((c) => c.path)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
  });
});
