import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AuthenticationError, ConflictError, JanuaError, NotFoundError, ValidationError, RateLimitError,
} from '../dist/esm/index.js';
import { PASSWORD, client, mail, signedUp, tokenIn, uniqueEmail } from './helpers.mjs';

test('sign-up signs in, keeps the session, and the profile can be read and changed', async () => {
  const { janua, email, result } = await signedUp('signup');
  assert.match(result.user.id, /^usr_/);
  assert.equal(result.tokens.tokenType, 'Bearer');
  assert.match(result.session.id, /^sess_/);
  assert.equal(result.requiresEmailVerification, true);
  const session = await janua.getSession();
  assert.equal(session.sessionId, result.session.id);
  assert.ok(session.expiresAt > Date.now());

  const me = await janua.auth.getCurrentUser();
  assert.equal(me.email, email);
  const updated = await janua.auth.updateProfile({ firstName: 'Grace', timezone: 'Europe/Paris' });
  assert.equal(updated.firstName, 'Grace');
  assert.equal(updated.timezone, 'Europe/Paris');
  assert.equal((await janua.auth.getCurrentUser()).lastName, 'Lovelace', 'absent fields unchanged');
});

test('email verification with the mailed token', async () => {
  const { janua, email } = await signedUp('verify');
  const token = tokenIn(await mail(janua, email, /verify/i), 'evt_');
  const user = await janua.auth.verifyEmail({ token });
  assert.equal(user.emailVerified, true);
  await assert.rejects(janua.auth.sendVerificationEmail(), (e) => e instanceof ConflictError && e.code === 'EMAIL_ALREADY_VERIFIED');
});

test('password change, then password reset with the mailed token', async () => {
  const { janua, email } = await signedUp('password');
  const changed = await janua.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase 7' });
  assert.equal(changed.success, true);
  await janua.auth.signOut();
  await janua.auth.signIn({ email, password: 'a brand new passphrase 7' });

  const anonymous = client();
  await anonymous.auth.requestPasswordReset({ email });
  const token = tokenIn(await mail(anonymous, email, /reset/i), 'prt_');
  await anonymous.auth.resetPassword({ token, newPassword: 'the third passphrase 9' });
  const again = await anonymous.auth.signIn({ email, password: 'the third passphrase 9' });
  assert.equal(again.user.email, email);
  // the reset ended every earlier session
  await assert.rejects(janua.auth.getCurrentUser(), (e) => e instanceof AuthenticationError);
});

test('sign-out ends the session on the server and here', async () => {
  const { janua } = await signedUp('signout');
  const stolen = await janua.getSession();
  await janua.auth.signOut();
  assert.equal(await janua.getSession(), null);
  assert.equal(await janua.auth.isAuthenticated(), false);
  await assert.rejects(janua.auth.getCurrentUser(), (e) => e instanceof AuthenticationError && e.code === 'NOT_AUTHENTICATED');
  // the old access token is dead on the server at once
  const other = client();
  await other.setSession({ ...stolen, refreshToken: undefined });
  await assert.rejects(other.auth.getCurrentUser(), (e) => e instanceof AuthenticationError && e.code === 'SESSION_EXPIRED');
});

test('errors are typed and carry code, message, details and request id', async () => {
  const janua = client({ locale: 'fr' });
  const email = uniqueEmail('errors');
  await janua.auth.signUp({ email, password: PASSWORD });

  const wrong = await janua.auth.signIn({ email, password: 'not the password' }).catch((e) => e);
  assert.ok(wrong instanceof AuthenticationError);
  assert.ok(wrong instanceof JanuaError);
  assert.equal(wrong.code, 'INVALID_CREDENTIALS');
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.requestId, /^req_/);
  assert.equal(typeof wrong.details.attempts_remaining, 'number');
  assert.ok(wrong.timestamp);
  assert.notEqual(wrong.message, 'Invalid email or password', 'localised by Accept-Language');

  const weak = await client().auth.signUp({ email: uniqueEmail('weak'), password: 'password' }).catch((e) => e);
  assert.ok(weak instanceof ValidationError);
  assert.equal(weak.code, 'WEAK_PASSWORD');
  assert.ok(weak.details.reason);

  const duplicate = await client().auth.signUp({ email, password: PASSWORD }).catch((e) => e);
  assert.ok(duplicate instanceof ConflictError);
  assert.equal(duplicate.code, 'EMAIL_ALREADY_EXISTS');

  const missing = await janua.organizations.get('org_doesnotexist').catch((e) => e);
  assert.ok(missing instanceof NotFoundError);
  assert.equal(missing.code, 'ORGANIZATION_NOT_FOUND');

  // a request id given by the caller is the one the server reports
  const mine = await janua.organizations.get('org_doesnotexist', { headers: { 'X-Request-ID': 'req_sdktest0123456789abcdef' } }).catch((e) => e);
  assert.equal(mine.requestId, 'req_sdktest0123456789abcdef');
});

test('429: a short Retry-After is waited for and the call retried; a long one (or no retries) surfaces RateLimitError', async () => {
  const email = uniqueEmail('limited');
  // The suite's server allows 2 reset requests per email per 4 s (scripts/sdk-test-env.sh).
  const noRetry = client({ maxRetries: 0 });
  await noRetry.auth.requestPasswordReset({ email });
  await noRetry.auth.requestPasswordReset({ email });
  const limited = await noRetry.auth.requestPasswordReset({ email }).catch((e) => e);
  assert.ok(limited instanceof RateLimitError, String(limited));
  assert.equal(limited.code, 'RATE_LIMITED');
  assert.equal(limited.statusCode, 429);
  assert.ok(limited.retryAfter > 0 && limited.retryAfter <= 4, `retryAfter ${limited.retryAfter}`);
  assert.equal(limited.limit, 2);
  assert.match(limited.requestId, /^req_/);

  const impatient = client({ maxRetryAfter: 0 });
  const started = Date.now();
  await assert.rejects(impatient.auth.requestPasswordReset({ email }), (e) => e instanceof RateLimitError);
  assert.ok(Date.now() - started < 1000, 'not waited for');

  const patient = client();
  const ok = await patient.auth.requestPasswordReset({ email });
  assert.equal(ok.success, true, 'retried after Retry-After');
});

test('calls about "me" without a session fail before any request', async () => {
  await assert.rejects(client().mfa.getStatus(), (e) => e instanceof AuthenticationError && e.code === 'NOT_AUTHENTICATED');
});
