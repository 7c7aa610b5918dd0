import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError, NotFoundError } from '../dist/esm/index.js';
import { PASSWORD, client, signedUp } from './helpers.mjs';

test('sessions: list, current, revoke one, revoke the others', async () => {
  const { janua, email } = await signedUp('sessions');
  const laptop = client({ customHeaders: { 'User-Agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15' } });
  await laptop.auth.signIn({ email, password: PASSWORD });
  const phone = client();
  await phone.auth.signIn({ email, password: PASSWORD });

  const page = await janua.sessions.list({ limit: 2 });
  assert.equal(page.data.length, 2);
  assert.equal(page.hasMore, true);
  const all = await janua.sessions.list({ limit: 2 }).toArray();
  assert.equal(all.length, 3, 'for await walks every page');
  const current = await janua.sessions.getCurrent();
  assert.equal(all.filter((s) => s.isCurrent).length, 1);
  assert.equal(all.find((s) => s.isCurrent).id, current.id);

  const laptopSession = await laptop.sessions.getCurrent();
  assert.equal(laptopSession.deviceInfo.browser, 'Safari');
  await janua.sessions.revoke(laptopSession.id);
  await assert.rejects(laptop.auth.getCurrentUser(), (e) => e instanceof AuthenticationError);
  assert.equal((await janua.sessions.get(laptopSession.id)).isActive, false);

  const revoked = await janua.sessions.revokeOther();
  assert.equal(revoked.revokedCount, 1);
  await assert.rejects(phone.auth.getCurrentUser(), (e) => e instanceof AuthenticationError);
  assert.ok((await janua.auth.getCurrentUser()).id, 'the current session stays');
  await assert.rejects(janua.sessions.get('sess_unknown'), (e) => e instanceof NotFoundError && e.code === 'SESSION_NOT_FOUND');
});
