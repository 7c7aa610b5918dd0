// A person whose organization requires MFA, without a factor, signs in through an authorization
// request in headless Chromium: the enrolment page (QR code, key, backup codes), a TOTP code computed
// here from the key shown on the page (RFC 6238, HMAC-SHA1, 30 s, 6 digits), then back to the application.
// Started by HostedMfaEnrolmentBrowserIntegrationTest with one JSON argument; prints one JSON line.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';

function base32(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP at `ms` (the server's clock: the test passes its offset from this machine's). */
function totp(secret, ms) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 1000 / 30)));
  const h = createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

const cfg = JSON.parse(process.argv[2]);
mkdirSync(cfg.screenshotsDir, { recursive: true });
const { context, close } = await launch(cfg);
const result = { consoleErrors: [] };
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  const shot = (name) => page.screenshot({ path: join(cfg.screenshotsDir, name + '.png'), fullPage: true });
  await page.goto(cfg.authorizeUrl);
  await page.getByLabel('Email').fill(cfg.email);
  await page.getByLabel('Password').fill(cfg.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForSelector('form[action="/hosted/sign-in/mfa/enroll"]');
  await shot('mfa-enroll-required');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await page.waitForSelector('#totp-secret');
  result.qrShown = await page.evaluate(() => { const i = document.querySelector('img.qr'); return !!i && i.complete && i.naturalWidth > 0; });
  result.backupCodes = await page.locator('#backup-codes li').count();
  const secret = (await page.textContent('#totp-secret')).trim();
  await shot('mfa-enroll');
  await page.getByLabel('Authentication code').fill(totp(secret, Date.now() + cfg.clockOffsetMs));
  await Promise.all([
    page.waitForURL((u) => u.toString().startsWith(cfg.callbackPrefix)),
    page.getByRole('button', { name: 'Turn on and continue' }).click(),
  ]);
  result.callbackUrl = page.url();
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await close();
}
console.log(JSON.stringify(result));
