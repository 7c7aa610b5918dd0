// The React bindings in a real headless Chromium (Debian's /usr/bin/chromium through playwright-core)
// against the running Janua: sign-up, errors shown, profile update, organization, sessions, reload
// (session kept in localStorage), sign-out through the UserButton, and sign-in with a TOTP second factor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { JanuaClient } from '@janua/typescript-sdk';
import { totp } from '../../typescript/test/helpers.mjs';

const JANUA = new URL(process.env.JANUA_TEST_BASE_URL ?? 'http://127.0.0.1:8000');
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'out');
const PASSWORD = 'correct horse battery staple';
let server, origin, context, page, email;
const consoleErrors = [];

before(async () => {
  mkdirSync(out, { recursive: true });
  await build({ entryPoints: [join(here, 'app.tsx')], bundle: true, format: 'esm', outfile: join(out, 'app.js'),
    jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' });
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Janua React test</title></head>'
    + '<body style="margin:0"><div id="root"></div><script type="module" src="/app.js"></script></body></html>';
  const js = readFileSync(join(out, 'app.js'));
  server = createServer((req, res) => {
    if (req.url === '/' ) return res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
    if (req.url === '/app.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
    // everything else is Janua's: proxied, so the app and the API share one origin
    const upstream = request({ host: JANUA.hostname, port: JANUA.port, path: req.url, method: req.method,
      headers: { ...req.headers, host: JANUA.host } }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'janua-react-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 760 }, locale: 'en-US',
  });
  context.profile = profile;
  page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

after(async () => {
  await context?.close();
  if (context?.profile) rmSync(context.profile, { recursive: true, force: true });
  server?.close();
});

const text = (id) => page.getByTestId(id).textContent();
async function until(id, predicate) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await text(id).catch(() => null);
    if (value !== null && predicate(value)) return value;
    if (Date.now() > deadline) throw new Error(`${id} never matched; last value ${value}`);
    await page.waitForTimeout(50);
  }
}

test('SignUp, hooks and UserButton against the running server; the session survives a reload', async () => {
  email = `react-${Date.now()}@example.com`;
  await page.goto(origin);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.screenshot({ path: join(out, 'react-sign-in.png') });
  await page.getByRole('button', { name: 'Create your account' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();

  // the server's refusal is shown (a common password)
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('alert').waitFor();
  assert.ok((await page.getByRole('alert').textContent()).length > 5);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await until('user-name', (v) => v === 'Ada');
  assert.match(await text('user-id'), /^usr_/);
  await until('session-id', (v) => v.startsWith('sess_'));
  await until('session-count', (v) => v === '1');

  await page.getByRole('button', { name: 'Rename' }).click();
  await until('user-name', (v) => v === 'Renamed');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await until('org-name', (v) => v === 'Browser Org');
  await until('member-count', (v) => v === '1');
  await until('org-role', (v) => v === 'owner');

  // the session is in localStorage: a reload stays signed in
  assert.match(await page.evaluate(() => localStorage.getItem('janua.session')), /accessToken/);
  await page.reload();
  await until('user-name', (v) => v === 'Renamed');

  // UserButton: menu with the email, then sign-out
  await page.getByRole('button', { name: /^Account:/ }).click();
  assert.equal(await page.locator('.janua-user-email').textContent(), email);
  await page.screenshot({ path: join(out, 'react-user-button.png') });
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('janua.session')), null);
});

test('SignIn with a TOTP second factor (code computed in the test)', async () => {
  // enrol MFA for the account from Node, with the TypeScript SDK
  const node = new JanuaClient({ baseURL: JANUA.origin });
  await node.auth.signIn({ email, password: PASSWORD });
  const setup = await node.mfa.setupTotp();
  await node.mfa.verifyTotp(totp(setup.secret));

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
  await page.screenshot({ path: join(out, 'react-mfa.png') });
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByLabel('Authentication code').fill(totp(setup.secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Verify' }).click();
  await until('user-name', (v) => v === 'Renamed');
  await until('session-count', (v) => v === '2');
  await page.getByRole('button', { name: 'Sign out other devices' }).click();
  await until('session-count', (v) => v === '1');
  await assert.rejects(node.auth.getCurrentUser(), (e) => e.code === 'SESSION_EXPIRED');
  assert.deepEqual(consoleErrors, []);
});
