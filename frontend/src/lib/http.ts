// The transport under api.ts: JSON in and out, the language header, the
// bearer token, and one refresh-then-retry when the access token expired.
import { ApiError, codeForStatus, errorFromBody } from './errors';
import { tokensFromGrant, type TokenGrant, type TokenStore } from './tokens';

export interface HttpOptions {
  fetch: typeof fetch;
  tokens: TokenStore;
  /** Current UI language, sent as Accept-Language so errors come localized. */
  lang: () => string;
  /** Called once the session is gone (refresh refused): go to /login. */
  onAuthLost: () => void;
  now?: () => number;
  base?: string;
  /**
   * Runs a refresh alone across the browser's tabs (navigator.locks in the
   * app): refresh tokens rotate, and a token presented twice ends the whole
   * session, so two tabs must never both rotate the same one.
   */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Waits before retrying a busy server (tests pass an instant one). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface RequestOptions {
  body?: unknown;
  /** Send the bearer token and refresh it on 401. */
  auth?: boolean;
  /** Return the body as a Blob (downloads). */
  blob?: boolean;
  signal?: AbortSignal;
  /**
   * Retry a 503 that carries Retry-After (a login storm: the server's
   * password-hashing queue is full), waiting what it asks plus a little
   * jitter, at most BUSY_RETRIES times. For requests safe to repeat.
   */
  retryBusy?: boolean;
  /** Extra request headers (the quiz start sends the app's install ID). */
  headers?: Record<string, string>;
}

export const REFRESH_PATH = '/api/v1/auth/refresh';
/** Refresh a little before expiry so a slow request does not race the clock. */
const EXPIRY_MARGIN_MS = 10_000;
/** How often a busy answer is retried, and the longest wait accepted. */
const BUSY_RETRIES = 4;
const BUSY_MAX_WAIT_MS = 30_000;

export interface Http {
  request<T>(method: string, path: string, opts?: RequestOptions): Promise<T>;
  /** Rotates the tokens; resolves false when the server refused. */
  refresh(): Promise<boolean>;
}

export function createHttp(o: HttpOptions): Http {
  const now = o.now ?? Date.now;
  const base = o.base ?? '';
  const exclusive = o.exclusive ?? (<T>(fn: () => Promise<T>) => fn());
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = o.random ?? Math.random;
  // Refresh tokens rotate: two parallel refreshes with the same token would
  // make the second fail, so concurrent 401s share one refresh.
  let refreshing: Promise<boolean> | null = null;

  async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {
      ...opts.headers,
      Accept: opts.blob ? '*/*' : 'application/json',
      'Accept-Language': o.lang(),
    };
    let body: BodyInit | undefined;
    if (opts.body instanceof FormData) {
      body = opts.body; // the browser sets the multipart boundary
    } else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const tokens = opts.auth ? o.tokens.get() : null;
    if (tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
    try {
      return await o.fetch(base + path, { method, headers, body, signal: opts.signal });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new ApiError(0, 'network', '');
    }
  }

  async function doRefresh(): Promise<boolean> {
    const seen = o.tokens.get()?.refreshToken;
    return exclusive(() => rotate(seen));
  }

  /** rotate refreshes unless another tab already rotated `seen` meanwhile. */
  async function rotate(seen: string | undefined): Promise<boolean> {
    const tokens = o.tokens.get();
    if (!tokens?.refreshToken) return false;
    if (seen && tokens.refreshToken !== seen) return true; // another tab did it
    const res = await send('POST', REFRESH_PATH, { body: { refreshToken: tokens.refreshToken } });
    if (!res.ok) {
      // A network failure threw above and keeps the tokens; a refusal ends the session.
      if (res.status === 401 || res.status === 400 || res.status === 403) o.tokens.clear();
      return false;
    }
    o.tokens.set(tokensFromGrant((await res.json()) as TokenGrant, now()));
    return true;
  }

  function refresh(): Promise<boolean> {
    refreshing ??= doRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function parse<T>(res: Response, opts: RequestOptions): Promise<T> {
    if (res.status === 204) return undefined as T;
    if (opts.blob) return (await res.blob()) as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function failure(res: Response): Promise<ApiError> {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      return new ApiError(res.status, codeForStatus(res.status), '');
    }
    return errorFromBody(res.status, body);
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    if (opts.auth) {
      const tokens = o.tokens.get();
      if (!tokens) {
        o.onAuthLost();
        throw new ApiError(401, 'unauthorized', '');
      }
      if (tokens.expiresAt - EXPIRY_MARGIN_MS < now()) await refresh().catch(() => false);
    }
    let res = await send(method, path, opts);
    for (let i = 0; opts.retryBusy && res.status === 503 && i < BUSY_RETRIES; i++) {
      const wait = Number(res.headers.get('Retry-After')) * 1000;
      if (!(wait > 0) || wait > BUSY_MAX_WAIT_MS) break;
      await sleep(wait + random() * 1000);
      res = await send(method, path, opts);
    }
    if (res.status === 401 && opts.auth) {
      if (await refresh()) {
        res = await send(method, path, opts);
      }
      if (res.status === 401) {
        o.tokens.clear();
        o.onAuthLost();
      }
    }
    if (!res.ok) throw await failure(res);
    return parse<T>(res, opts);
  }

  return { request, refresh };
}
