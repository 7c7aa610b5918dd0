import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError } from '../dist/esm/index.js';
import { PASSWORD, client, signedUp, totp } from './helpers.mjs';

test('TOTP: enrol with a computed code, then sign in with the second factor', async () => {
  const { janua, email } = await signedUp('mfa');
  const setup = await janua.mfa.setupTotp();
  assert.match(setup.otpauthUri, /^otpauth:\/\/totp\//);
  assert.match(setup.qrCodeUrl, /^data:image\/png;base64,/);
  assert.equal(setup.backupCodes.length, 10);
  const verified = await janua.mfa.verifyTotp(totp(setup.secret));
  assert.equal(verified.mfaEnabled, true);
  const status = await janua.mfa.getStatus();
  assert.equal(status.enabled, true);
  assert.equal(status.backupCodes.remaining, 10);

  const fresh = client();
  const first = await fresh.auth.signIn({ email, password: PASSWORD });
  assert.equal(first.requiresMfa, true);
  assert.match(first.mfaToken, /^tmp_/);
  assert.ok(first.methods.includes('totp'));
  assert.equal(first.tokens, undefined);
  assert.equal(await fresh.getSession(), null, 'no session before the second factor');

  const wrong = await fresh.mfa.verifyChallenge({ mfaToken: first.mfaToken, code: '000000', method: 'totp' }).catch((e) => e);
  assert.ok(wrong instanceof AuthenticationError);
  assert.equal(wrong.code, 'INVALID_MFA_CODE');

  // the enrolment spent this 30 s step; the next one is within the accepted ±1 step
  const done = await fresh.mfa.verifyChallenge({ mfaToken: first.mfaToken, code: totp(setup.secret, Date.now() + 30_000), method: 'totp' });
  assert.equal(done.requiresMfa, false);
  assert.equal((await fresh.auth.getCurrentUser()).email, email);

  // a backup code works once
  const again = await client().auth.signIn({ email, password: PASSWORD });
  const viaBackup = client();
  await viaBackup.mfa.verifyChallenge({ mfaToken: again.mfaToken, code: setup.backupCodes[0], method: 'backup_code' });
  assert.equal((await viaBackup.mfa.getBackupCodesStatus()).remaining, 9);

  await fresh.mfa.disable({ password: PASSWORD });
  assert.equal((await fresh.mfa.getStatus()).enabled, false);
  const plain = await client().auth.signIn({ email, password: PASSWORD });
  assert.equal(plain.requiresMfa, false);
});
