import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError, MemoryStorage } from '../dist/esm/index.js';
import { PASSWORD, client, countingFetch, uniqueEmail } from './helpers.mjs';

async function signedIn(extra = {}) {
  const counter = countingFetch();
  const seen = [];
  const janua = client({ fetch: counter.fetch, onTokens: (s) => seen.push(s), ...extra });
  const email = uniqueEmail('refresh');
  await janua.auth.signUp({ email, password: PASSWORD });
  return { janua, counter, seen, email };
}

test('an access token about to expire: two concurrent callers share one refresh', async () => {
  const { janua, counter, seen } = await signedIn();
  const before = await janua.getSession();
  await janua.setSession({ ...before, expiresAt: Date.now() + 5_000 }); // inside the 30 s margin
  const [me, current] = await Promise.all([janua.auth.getCurrentUser(), janua.sessions.getCurrent()]);
  assert.ok(me.id);
  assert.equal(current.id, before.sessionId);
  assert.equal(counter.count('/api/v1/auth/refresh'), 1, 'one refresh for both callers');
  const after = await janua.getSession();
  assert.notEqual(after.refreshToken, before.refreshToken, 'rotated');
  assert.notEqual(after.accessToken, before.accessToken);
  assert.equal(after.sessionId, before.sessionId);
  assert.equal(seen.at(-1).refreshToken, after.refreshToken, 'onTokens told about the new pair');
});

test('an access token the server refuses (INVALID_TOKEN): one refresh, then each call is repeated once', async () => {
  const { janua, counter } = await signedIn();
  const s = await janua.getSession();
  await janua.setSession({ ...s, accessToken: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.broken', expiresAt: Date.now() + 3_600_000 });
  const results = await Promise.all([janua.auth.getCurrentUser(), janua.mfa.getStatus(), janua.sessions.list()]);
  assert.equal(results.length, 3);
  assert.equal(counter.count('/api/v1/auth/refresh'), 1, 'one refresh for three callers');
});

test('refresh tokens rotate; the same client refreshing twice in a row is fine', async () => {
  const { janua } = await signedIn();
  const a = await janua.auth.refreshToken();
  const b = await janua.sessions.refresh();
  assert.notEqual(a.refreshToken, b.refreshToken);
  assert.ok((await janua.auth.getCurrentUser()).id);
});

test('a revoked session cannot refresh: the client forgets it and says so', async () => {
  const { janua, email } = await signedIn();
  const other = client();
  await other.auth.signIn({ email, password: PASSWORD });
  await other.sessions.revokeOther();
  const s = await janua.getSession();
  await janua.setSession({ ...s, expiresAt: Date.now() });
  const e = await janua.auth.getCurrentUser().catch((x) => x);
  assert.ok(e instanceof AuthenticationError, String(e));
  assert.ok(['INVALID_REFRESH_TOKEN', 'SESSION_EXPIRED'].includes(e.code), e.code);
  assert.equal(await janua.getSession(), null);
});

test('a session kept in a shared storage is picked up by a second client (e.g. after a restart)', async () => {
  const storage = new MemoryStorage();
  const { janua } = await signedIn({ storage });
  const restarted = client({ storage });
  assert.equal((await restarted.auth.getCurrentUser()).id, (await janua.auth.getCurrentUser()).id);
});
