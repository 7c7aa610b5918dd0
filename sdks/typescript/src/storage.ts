/**
 * Where the client keeps the signed-in session (access token, refresh token, expiry). Pluggable:
 * memory (the default; server-side code, tests), `localStorage` (single-page apps that want the
 * session to survive a reload), cookies (apps whose server also reads the session), or anything with
 * these three methods (a Redis- or database-backed store; they may return promises).
 */
export interface TokenStorage {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** Kept in this process only; lost when it ends. */
export class MemoryStorage implements TokenStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

/**
 * The browser's `localStorage` (or any Web Storage object passed in). Readable by every script of the
 * origin: keep a strict Content-Security-Policy, as with any token kept in the page.
 */
export class LocalStorage implements TokenStorage {
  private readonly store: Storage;
  constructor(store?: Storage) {
    const s = store ?? (globalThis as { localStorage?: Storage }).localStorage;
    if (!s) throw new TypeError('LocalStorage: no localStorage in this environment (pass one, or use MemoryStorage)');
    this.store = s;
  }
  getItem(key: string) { return this.store.getItem(key); }
  setItem(key: string, value: string) { this.store.setItem(key, value); }
  removeItem(key: string) { this.store.removeItem(key); }
}

export interface CookieOptions {
  path?: string;
  domain?: string;
  /** seconds; default 30 days (the longest session, "remember me") */
  maxAge?: number;
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** default: true on https pages */
  secure?: boolean;
  /** a `document`-like object; default the page's */
  document?: { cookie: string };
}

/**
 * `document.cookie`. A cookie written by script cannot be HttpOnly, so it is no safer from XSS than
 * localStorage; choose it when your own server must read the session on page loads.
 */
export class CookieStorage implements TokenStorage {
  constructor(private readonly options: CookieOptions = {}) {}

  private get doc(): { cookie: string } {
    const d = this.options.document ?? (globalThis as { document?: { cookie: string } }).document;
    if (!d) throw new TypeError('CookieStorage: no document in this environment');
    return d;
  }

  getItem(key: string) {
    const name = encodeURIComponent(key) + '=';
    for (const part of this.doc.cookie.split(';')) {
      const c = part.trim();
      if (c.startsWith(name)) return decodeURIComponent(c.slice(name.length));
    }
    return null;
  }

  setItem(key: string, value: string) { this.write(key, encodeURIComponent(value), this.options.maxAge ?? 30 * 24 * 3600); }
  removeItem(key: string) { this.write(key, '', 0); }

  private write(key: string, value: string, maxAge: number) {
    const o = this.options;
    const secure = o.secure ?? (globalThis as { location?: { protocol?: string } }).location?.protocol === 'https:';
    let cookie = `${encodeURIComponent(key)}=${value}; Path=${o.path ?? '/'}; Max-Age=${maxAge}; SameSite=${o.sameSite ?? 'Lax'}`;
    if (o.domain) cookie += `; Domain=${o.domain}`;
    if (secure) cookie += '; Secure';
    this.doc.cookie = cookie;
  }
}
