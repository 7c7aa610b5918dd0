// Shared by the suites: the server under test (started by scripts/test-sdk-typescript.sh), fresh
// identities, the dev mailbox, and TOTP codes computed here from the enrolment secret (RFC 6238).
import { createHmac, randomBytes } from 'node:crypto';
import { JanuaClient } from '../dist/esm/index.js';

export const BASE_URL = process.env.JANUA_TEST_BASE_URL ?? 'http://127.0.0.1:8000';
export const ADMIN_EMAIL = process.env.JANUA_ADMIN_EMAIL ?? 'sdk-admin@janua.test';
export const ADMIN_PASSWORD = process.env.JANUA_ADMIN_PASSWORD ?? 'sdk admin passphrase 42';
export const PASSWORD = 'correct horse battery staple';

export const uniqueEmail = (tag = 'user') => `${tag}-${Date.now()}-${randomBytes(4).toString('hex')}@example.com`;

export function client(options = {}) {
  return new JanuaClient({ baseURL: BASE_URL, ...options });
}

/** A new account, signed in on a fresh client. */
export async function signedUp(tag = 'user', options = {}) {
  const janua = client(options);
  const email = uniqueEmail(tag);
  const result = await janua.auth.signUp({ email, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
  return { janua, email, user: result.user, result };
}

export async function admin(options = {}) {
  const janua = client(options);
  await janua.auth.signIn({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  return janua;
}

/** The newest dev-mailbox message to `email` whose subject matches, polled briefly (the outbox is asynchronous). */
export async function mail(janua, email, subject = /./) {
  for (let i = 0; i < 50; i++) {
    const { data = [] } = await janua.dev.mailbox(email);
    const m = data.find((x) => subject.test(x.subject ?? ''));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${email} matching ${subject}`);
}

/** The first token with `prefix` in a message body (`inv_…`, `prt_…`, `evt_…`). */
export const tokenIn = (message, prefix) => {
  const m = message.body.match(new RegExp(`\\b${prefix}[A-Za-z0-9_-]+`));
  if (!m) throw new Error(`no ${prefix} token in: ${message.body}`);
  return m[0];
};

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret at `time` (ms). */
export function totp(secret, time = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const h = createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

/** fetch that counts requests per path, to observe what the SDK sends (the real fetch does the work). */
export function countingFetch() {
  const counts = new Map();
  const f = (url, init) => {
    const path = new URL(url).pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    return fetch(url, init);
  };
  return { fetch: f, count: (path) => counts.get(path) ?? 0 };
}
