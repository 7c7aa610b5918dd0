import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthorizationError, NotFoundError } from '../dist/esm/index.js';
import { PASSWORD, admin, client, signedUp, uniqueEmail } from './helpers.mjs';

test('platform admin: users list/search/create/suspend/unsuspend/delete, audit log, health', async () => {
  const janua = await admin();
  const { email, user } = await signedUp('managed');

  const found = await janua.users.list({ search: email, limit: 10 });
  assert.equal(found.data.length, 1);
  assert.equal(found.data[0].id, user.id);
  assert.equal((await janua.users.getByEmail(email)).id, user.id);
  assert.equal((await janua.users.get(user.id)).email, email);

  const created = await janua.users.create({ email: uniqueEmail('created'), password: PASSWORD, firstName: 'Made', emailVerified: true });
  assert.match(created.id, /^usr_/);
  const updated = await janua.users.update(created.id, { lastName: 'ByAdmin' });
  assert.equal(updated.lastName, 'ByAdmin');

  const suspended = await janua.users.suspend(user.id, { reason: 'Suspicious activity detected' });
  assert.equal(suspended.status, 'suspended');
  const refused = await client().auth.signIn({ email, password: PASSWORD }).catch((e) => e);
  assert.ok(refused instanceof AuthorizationError);
  assert.equal(refused.code, 'ACCOUNT_SUSPENDED');
  assert.equal((await janua.users.unsuspend(user.id)).status, 'active');
  await client().auth.signIn({ email, password: PASSWORD });
  assert.ok((await janua.users.unlock(user.id)).id);

  await janua.users.delete(created.id);
  await assert.rejects(janua.users.get(created.id), (e) => e instanceof NotFoundError && e.code === 'USER_NOT_FOUND');

  const logs = await janua.auditLogs.listAll({ userId: user.id, limit: 5 });
  assert.ok(logs.data.length > 0);
  assert.equal((await janua.auditLogs.verify()).valid, true);
  const health = await janua.admin.getHealth();
  assert.ok(health.status);
  assert.ok((await janua.admin.listOrganizations({ limit: 1 })).data);

  // a platform API key works for admin calls
  const key = await janua.apiKeys.create({ name: 'platform', scope: 'platform', permissions: ['users:read'] });
  const backend = client({ apiKey: key.key });
  assert.equal((await backend.users.getByEmail(email)).id, user.id);

  // not an admin
  const { janua: plain } = await signedUp('plain');
  await assert.rejects(plain.users.list(), (e) => e instanceof AuthorizationError);
});
