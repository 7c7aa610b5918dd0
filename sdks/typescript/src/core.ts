import { AuthenticationError, JanuaError, NetworkError, RateLimitError, TimeoutError, errorFromResponse, parseRetryAfter } from './errors.js';
import { MemoryStorage, type TokenStorage } from './storage.js';
import { ROUTES, type Credential, type RouteName } from './routes.js';
import type { Tokens } from './models.gen.js';

export const VERSION = '0.1.0';

export interface JanuaClientOptions {
  /** The Janua server (`JANUA_BASE_URL`; default `http://localhost:8000`). `/api/v1` is appended unless present. */
  baseURL?: string;
  /** A server-side API key `sk_…` (`JANUA_API_KEY`). Never put one in browser code. */
  apiKey?: string;
  /** Informational (`JANUA_ENVIRONMENT`); `production` refuses plain http to hosts other than loopback. */
  environment?: string;
  /** Per attempt, milliseconds (default 30 000). */
  timeout?: number;
  /** Retries after the first attempt (default 3; 0 turns them off). */
  maxRetries?: number;
  /** Longest `Retry-After` (seconds) the client waits by itself (default 10); longer ones throw at once. */
  maxRetryAfter?: number;
  /** Log method, URL, status, request id and duration — never bodies, tokens or keys. */
  debug?: boolean | ((line: string) => void);
  /** Sent with every request (an `X-Request-ID` here is used instead of a generated one). */
  customHeaders?: Record<string, string>;
  /** Where the session is kept (default: memory). */
  storage?: TokenStorage;
  /** The storage key (default `janua.session`). */
  storageKey?: string;
  /** Told about every new session (sign-in, refresh) and about sign-out (`null`). */
  onTokens?: (session: StoredSession | null) => void;
  /** Sent as `X-Organization-ID`: the active organization of routes without one in the path. */
  organizationId?: string;
  /** Sent as `Accept-Language`: error messages and emails in en, es, fr, de. */
  locale?: string;
  /** A SCIM bearer token for the `scim` namespace. */
  scimToken?: string;
  /** Refresh automatically (default true). */
  autoRefresh?: boolean;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
}

/** The session the client keeps: what it needs to call and to refresh. */
export interface StoredSession {
  accessToken: string;
  refreshToken?: string;
  /** epoch milliseconds */
  expiresAt?: number;
  sessionId?: string;
}

export interface CallOptions {
  params?: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
  /** `text`: return the body as a string (exports). */
  responseType?: 'json' | 'text';
  signal?: AbortSignal;
}

/** Per-call options every SDK method accepts as its last argument. */
export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** `X-Organization-ID` for this call. */
  organizationId?: string;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const NOT_REFRESHABLE = new Set(['INVALID_REFRESH_TOKEN', 'REFRESH_TOKEN_REUSED', 'SESSION_EXPIRED']);

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];

/**
 * The HTTP core every namespace shares: base URL, credentials per route, retries with backoff and
 * `Retry-After`, one request id per call (the same on each retry), typed errors, and the session with
 * automatic refresh — one refresh in flight at a time, shared by every concurrent caller.
 */
export class Core {
  readonly apiBase: string;
  readonly rootBase: string;
  readonly options: Required<Pick<JanuaClientOptions, 'timeout' | 'maxRetries' | 'maxRetryAfter' | 'storageKey' | 'autoRefresh'>> & JanuaClientOptions;
  apiKey?: string;
  organizationId?: string;
  private readonly storage: TokenStorage;
  private readonly fetchImpl: typeof fetch;
  private refreshing: Promise<StoredSession> | null = null;

  constructor(options: JanuaClientOptions = {}) {
    const baseURL = (options.baseURL ?? env('JANUA_BASE_URL') ?? 'http://localhost:8000').replace(/\/+$/, '');
    const suffix = baseURL.match(/\/(api\/v1|v1)$/);
    this.rootBase = suffix ? baseURL.slice(0, -suffix[0].length) : baseURL;
    this.apiBase = suffix ? baseURL : `${baseURL}/api/v1`;
    this.apiKey = options.apiKey ?? env('JANUA_API_KEY');
    const environment = options.environment ?? env('JANUA_ENVIRONMENT') ?? 'production';
    const url = new URL(this.rootBase);
    const loopback = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(url.hostname);
    if (environment === 'production' && url.protocol === 'http:' && !loopback) {
      throw new TypeError(`JanuaClient: refusing plain http to ${url.host} in production (use https, or environment: 'development')`);
    }
    this.options = {
      timeout: 30_000, maxRetries: 3, maxRetryAfter: 10, storageKey: 'janua.session', autoRefresh: true,
      ...options, environment,
      debug: options.debug ?? (env('JANUA_DEBUG') ? true : undefined),
    };
    this.organizationId = options.organizationId;
    this.storage = options.storage ?? new MemoryStorage();
    const f = options.fetch ?? globalThis.fetch;
    if (!f) throw new TypeError('JanuaClient: no fetch in this environment (Node 18+ or a browser), pass options.fetch');
    this.fetchImpl = f.bind(globalThis);
  }

  // ---- session -------------------------------------------------------------------------------

  async getSession(): Promise<StoredSession | null> {
    const raw = await this.storage.getItem(this.options.storageKey);
    if (!raw) return null;
    try { return JSON.parse(raw) as StoredSession; } catch { return null; }
  }

  async setSession(session: StoredSession | null): Promise<void> {
    if (session) await this.storage.setItem(this.options.storageKey, JSON.stringify(session));
    else await this.storage.removeItem(this.options.storageKey);
    this.options.onTokens?.(session);
  }

  /** Keeps the tokens of a sign-in-like answer (`{tokens, session}`) or a refresh answer (`Tokens`). */
  async storeTokens(tokens: Tokens | undefined, sessionId?: string): Promise<void> {
    if (!tokens?.accessToken) return;
    const previous = await this.getSession();
    await this.setSession({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? previous?.refreshToken,
      expiresAt: tokens.expiresAt ? Date.parse(tokens.expiresAt)
        : tokens.expiresIn !== undefined ? Date.now() + tokens.expiresIn * 1000 : undefined,
      sessionId: sessionId ?? previous?.sessionId ?? claim(tokens.accessToken, 'sid'),
    });
  }

  /**
   * New tokens from the refresh token. Concurrent callers share one request: the first starts it,
   * the others await the same promise (refresh tokens are single use; a second refresh of the same
   * token from this client would be wasted at best).
   */
  refresh(): Promise<StoredSession> {
    this.refreshing ??= this.doRefresh().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  private async doRefresh(): Promise<StoredSession> {
    const session = await this.getSession();
    if (!session?.refreshToken) throw notSignedIn('No refresh token: sign in first');
    try {
      const tokens = await this.call<Tokens>('auth.refreshToken', { body: { refreshToken: session.refreshToken } }, false);
      await this.storeTokens(tokens, session.sessionId);
    } catch (e) {
      if (e instanceof JanuaError && NOT_REFRESHABLE.has(e.code)) await this.setSession(null);
      throw e;
    }
    return (await this.getSession())!;
  }

  private async userToken(): Promise<string | null> {
    let session = await this.getSession();
    if (!session) return null;
    if (this.options.autoRefresh && session.refreshToken && session.expiresAt !== undefined && session.expiresAt - Date.now() < 30_000) {
      session = await this.refresh();
    }
    return session.accessToken;
  }

  // ---- requests ------------------------------------------------------------------------------

  /** Calls a route of the table. `allowRefresh` is false only for the refresh call itself. */
  async call<T>(name: RouteName, opts: CallOptions = {}, allowRefresh = true): Promise<T> {
    const [method, template, credential, root] = ROUTES[name] as readonly [string, string, Credential, string?];
    const path = template.replace(/\{(\w+)}/g, (_, p: string) => {
      const v = opts.params?.[p];
      if (v === undefined || v === '') throw new TypeError(`${name}: ${p} is required`);
      return encodeURIComponent(v);
    });
    let url = (root ? this.rootBase : this.apiBase) + path;
    const qs = query(opts.query);
    if (qs) url += `?${qs}`;

    const requestId = opts.headers?.['X-Request-ID'] ?? this.options.customHeaders?.['X-Request-ID'] ?? newRequestId();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': `janua-typescript/${VERSION} (${this.options.environment})`,
      ...this.options.customHeaders,
      'X-Request-ID': requestId,
    };
    if (this.options.locale) headers['Accept-Language'] = this.options.locale;
    if (this.organizationId) headers['X-Organization-ID'] = this.organizationId;
    Object.assign(headers, opts.headers);
    if (opts.body !== undefined) headers['Content-Type'] = credential === 'scim' ? 'application/scim+json' : 'application/json';
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);

    let usedToken: string | null = null;
    const authorize = async () => {
      delete headers.Authorization; delete headers['X-API-Key'];
      usedToken = null;
      if (credential === 'scim') {
        if (!this.options.scimToken) throw new TypeError('scim: pass scimToken in the client options');
        headers.Authorization = `Bearer ${this.options.scimToken}`;
        return;
      }
      if (credential === 'none') return;
      const wantsKey = credential === 'admin' && this.apiKey;
      const token = wantsKey ? null : await this.userToken();
      if (token) { headers.Authorization = `Bearer ${token}`; usedToken = token; return; }
      if (credential === 'user') throw notSignedIn('Not signed in: this call needs a user session');
      if (this.apiKey) headers['X-API-Key'] = this.apiKey;
    };

    await authorize();
    let refreshed = false;
    for (;;) {
      try {
        return await this.send<T>(method, url, headers, body, opts);
      } catch (e) {
        // An access token refused as invalid (expired, key rotated): refresh once and call again.
        if (allowRefresh && !refreshed && usedToken && this.options.autoRefresh
            && e instanceof AuthenticationError && e.code === 'INVALID_TOKEN') {
          refreshed = true;
          const current = await this.getSession();
          // Someone else may have refreshed while this call was in flight: use their token.
          if (!current || current.accessToken === usedToken) await this.refresh();
          await authorize();
          continue;
        }
        throw e;
      }
    }
  }

  /** One call with its retries (sdks/README.md §6). */
  private async send<T>(method: string, url: string, headers: Record<string, string>, body: string | undefined, opts: CallOptions): Promise<T> {
    const idempotent = IDEMPOTENT.has(method);
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new TimeoutError({ message: `No answer within ${this.options.timeout} ms`, code: 'TIMEOUT' })), this.options.timeout);
      const onAbort = () => controller.abort(opts.signal?.reason);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      let response: Response;
      try {
        response = await this.fetchImpl(url, { method, headers, body, signal: controller.signal, redirect: 'manual' });
      } catch (e) {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (opts.signal?.aborted) throw e;
        const timedOut = controller.signal.aborted;
        const refused = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(String((e as { cause?: { code?: string } })?.cause?.code ?? ''));
        const error = timedOut
          ? new TimeoutError({ message: `No answer from ${method} ${url} within ${this.options.timeout} ms`, code: 'TIMEOUT', requestId: headers['X-Request-ID'], cause: e })
          : new NetworkError({ message: `Could not reach ${url}: ${(e as Error).message}`, code: 'NETWORK_ERROR', requestId: headers['X-Request-ID'], cause: e });
        this.log(`${method} ${url} -> ${error.code} (${Date.now() - started} ms) ${headers['X-Request-ID']}`);
        if (attempt < this.options.maxRetries && (idempotent || refused)) { await sleep(backoff(attempt + 1)); continue; }
        throw error;
      }
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((v, k) => { responseHeaders[k.toLowerCase()] = v; });
      this.log(`${method} ${url} -> ${response.status} (${Date.now() - started} ms) ${responseHeaders['x-request-id'] ?? headers['X-Request-ID']}`);
      const text = await response.text();
      if (response.ok) {
        if (opts.responseType === 'text') return text as T;
        return (text ? JSON.parse(text) : {}) as T;
      }
      let parsed: unknown;
      try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
      const error = errorFromResponse(response.status, parsed, responseHeaders);
      const status = response.status;
      const retryable = status === 429 || (idempotent && (status === 502 || status === 503 || status === 504));
      if (!retryable || attempt >= this.options.maxRetries) throw error;
      const retryAfter = (status === 429 || status === 503)
        ? parseRetryAfter(responseHeaders['retry-after']) ?? (error instanceof RateLimitError ? error.retryAfter : undefined)
        : undefined;
      if (retryAfter !== undefined && retryAfter > this.options.maxRetryAfter) throw error;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoff(attempt + 1));
    }
  }

  private log(line: string) {
    const d = this.options.debug;
    if (!d) return;
    (typeof d === 'function' ? d : (l: string) => console.debug(`[janua] ${l}`))(line);
  }
}

function notSignedIn(message: string): AuthenticationError {
  return new AuthenticationError({ message, code: 'NOT_AUTHENTICATED', statusCode: 0 });
}

/** Full-jitter exponential backoff: up to min(8 s, 0.5 s × 2^(n-1)). */
function backoff(n: number): number {
  return Math.random() * Math.min(8000, 500 * 2 ** (n - 1));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function query(q: Record<string, unknown> | undefined): string {
  if (!q) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null) continue;
    const values = Array.isArray(v) ? v : [v];
    for (const x of values) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(x instanceof Date ? x.toISOString() : String(x))}`);
  }
  return parts.join('&');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `req_` + 24 random characters (the server accepts a well-formed id from the caller). */
export function newRequestId(): string {
  const bytes = new Uint8Array(24);
  // Web Crypto is global in browsers and Node 19+; Node 18 without it falls back to Math.random
  // (a request id is a correlation id, not a secret).
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let id = 'req_';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

/** A claim of a JWT's payload, unverified (only to remember the session id). */
export function claim(jwt: string, name: string): string | undefined {
  try {
    const part = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = typeof atob === 'function' ? atob(part) : '';
    const value = JSON.parse(json)[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
