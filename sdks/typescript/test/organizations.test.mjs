import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError, AuthorizationError, ConflictError, GoneError, NotFoundError } from '../dist/esm/index.js';
import { PASSWORD, client, mail, signedUp, tokenIn, uniqueEmail } from './helpers.mjs';

test('organizations, invitations (token from the dev mailbox), members, roles and permission checks', async () => {
  const { janua: owner, user: ownerUser } = await signedUp('owner');
  const org = await owner.organizations.create({ name: 'Acme', description: 'Anvils', settings: { defaultRole: 'member' } });
  assert.match(org.id, /^org_/);
  assert.equal((await owner.organizations.get(org.id)).name, 'Acme');
  const renamed = await owner.organizations.update(org.id, { description: 'Anvils and rockets' });
  assert.equal(renamed.description, 'Anvils and rockets');
  const mine = await owner.organizations.list();
  assert.ok(mine.data.some((o) => o.id === org.id));

  // a custom role of this organization
  owner.setOrganization(org.id);
  const editor = await owner.roles.create({ name: 'Content Editor', permissions: ['content:read', 'content:write', 'members:read'] });
  assert.equal(editor.key, 'content-editor');
  const roles = await owner.roles.list();
  assert.ok(roles.data.some((r) => r.key === 'owner') && roles.data.some((r) => r.id === editor.id));
  const catalogue = await owner.permissions.list();
  assert.ok(catalogue.data.some((p) => p.id === 'members:invite'));

  // invite someone without an account: they sign up through the invitation
  const inviteeEmail = uniqueEmail('invitee');
  const invitation = await owner.organizations.createInvite(org.id, { email: inviteeEmail, role: 'content-editor', message: 'Welcome!' });
  assert.match(invitation.id, /^inv_/);
  assert.equal(invitation.status, 'pending');
  const token = tokenIn(await mail(owner, inviteeEmail, /invit/i), 'inv_');
  const invitee = client();
  const preview = await invitee.organizations.previewInvite(token);
  assert.equal(preview.organizationId, org.id);
  assert.equal(preview.email, inviteeEmail);
  const accepted = await invitee.organizations.acceptInvite({ token, password: PASSWORD, firstName: 'Bob' });
  assert.equal(accepted.invitation.organization.id, org.id);
  assert.equal((await invitee.auth.getCurrentUser()).email, inviteeEmail, 'signed in through the invitation');
  await assert.rejects(invitee.organizations.acceptInvite({ token }), (e) => e instanceof ConflictError || e instanceof NotFoundError || e instanceof GoneError);
  const inviteeId = (await invitee.auth.getCurrentUser()).id;

  // members, paged
  const members = await owner.organizations.listMembers(org.id, { limit: 1 });
  assert.equal(members.data.length, 1);
  assert.equal(members.hasMore, true);
  const next = await members.nextPage();
  assert.equal(next.data.length, 1);
  const everyone = [];
  for await (const m of owner.organizations.listMembers(org.id, { limit: 1 })) everyone.push(m.userId);
  assert.deepEqual(new Set(everyone), new Set([ownerUser.id, inviteeId]));
  assert.equal((await owner.organizations.getMember(org.id, inviteeId)).role, 'content-editor');

  // permission checks follow the role
  const check = await owner.users.checkPermissions(inviteeId, { permissions: ['content:write', 'members:remove'], context: { organizationId: org.id } });
  assert.equal(check.granted, false);
  assert.deepEqual(check.results.map((r) => r.granted), [true, false]);
  const roles2 = await invitee.users.getRoles('me');
  assert.equal(roles2.roles.find((r) => r.organizationId === org.id).role, 'content-editor');
  const forbidden = await invitee.organizations.removeMember(org.id, ownerUser.id).catch((e) => e);
  assert.ok(forbidden instanceof AuthorizationError);
  assert.equal(forbidden.code, 'INSUFFICIENT_PERMISSIONS');

  // promote, then the check passes
  const promoted = await owner.organizations.updateMemberRole(org.id, inviteeId, { role: 'admin' });
  assert.equal(promoted.role, 'admin');
  const check2 = await owner.users.checkPermissions(inviteeId, { permissions: ['members:remove'], context: { organizationId: org.id } });
  assert.equal(check2.granted, true);

  // invitations: list, resend, revoke
  const second = await owner.organizations.createInvite(org.id, { email: uniqueEmail('second') });
  assert.ok((await owner.organizations.listInvites(org.id, { status: 'pending' })).data.some((i) => i.id === second.id));
  assert.equal((await owner.organizations.resendInvite(org.id, second.id)).sentCount, 2);
  assert.equal((await owner.organizations.revokeInvite(org.id, second.id)).status, 'revoked');

  // the last owner cannot leave; the member can be removed
  await assert.rejects(owner.organizations.removeMember(org.id, ownerUser.id), (e) => e instanceof ConflictError && e.code === 'LAST_OWNER');
  await owner.organizations.removeMember(org.id, inviteeId);
  await assert.rejects(invitee.organizations.get(org.id), (e) => e instanceof NotFoundError);
  await owner.roles.delete(editor.id);
});

test('API keys: create, call with X-API-Key, list, revoke', async () => {
  const { janua: owner } = await signedUp('keys');
  const org = await owner.organizations.create({ name: 'Keyed' });
  const created = await owner.apiKeys.create({ name: 'backend', organizationId: org.id, permissions: ['members:read', 'organization:read'] });
  assert.match(created.key, /^sk_/);

  const server = client({ apiKey: created.key });
  const members = await server.organizations.listMembers(org.id);
  assert.equal(members.data.length, 1);
  assert.equal((await server.organizations.get(org.id)).id, org.id);
  const denied = await server.organizations.update(org.id, { name: 'x' }).catch((e) => e);
  assert.ok(denied instanceof AuthorizationError, String(denied));

  const keys = await owner.apiKeys.list({ organizationId: org.id });
  assert.ok(keys.data.some((k) => k.id === created.id && k.key === undefined), 'the secret is shown once');
  assert.equal((await owner.apiKeys.get(created.id, { organizationId: org.id })).name, 'backend');
  await owner.apiKeys.revoke(created.id, { organizationId: org.id });
  const revoked = await server.organizations.listMembers(org.id).catch((e) => e);
  assert.ok(revoked instanceof AuthenticationError);
  assert.equal(revoked.code, 'INVALID_API_KEY');
});
