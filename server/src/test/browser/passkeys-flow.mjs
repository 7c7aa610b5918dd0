// Passkeys in a real browser: headless Chromium (Debian's package) with the DevTools virtual
// authenticator (CTAP2, internal transport, resident keys, user verification). A person signs in
// with a password, adds a passkey on the account page, then signs in with it on the hosted sign-in
// page (button: usernameless), and the same passkey signs in at every seed API path, with and
// without an email. Started by PasskeyBrowserIntegrationTest with one JSON argument; prints one
// JSON line with the result.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cfg = JSON.parse(process.argv[2]);
const shots = cfg.screenshotsDir;
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'janua-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: cfg.chromium || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // "localhost" (a valid rp id, unlike an IP address) over IPv4: the suite's rate limits exempt 127.0.0.1 only
    '--host-resolver-rules=MAP localhost 127.0.0.1'],
  viewport: { width: 1000, height: 900 },
  locale: 'en-US',
});
const result = { steps: [], consoleErrors: [], routes: [] };
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  const shot = async (name) => { await page.screenshot({ path: join(shots, name + '.png'), fullPage: true }); result.steps.push(name); };

  // lets step 3 switch autofill off in this tab (the flag lives in sessionStorage, set by the test only)
  await page.addInitScript(() => {
    if (!window.PublicKeyCredential || !sessionStorage.getItem('noAutofill')) return;
    const real = PublicKeyCredential.isConditionalMediationAvailable.bind(PublicKeyCredential);
    real().then((v) => { window.conditionalReallyAvailable = v; });
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true },
  });

  // 1. password sign-in, then add a passkey on the account page
  await page.goto(cfg.base + '/hosted/sign-in');
  await page.fill('#email', cfg.email);
  await page.fill('#password', cfg.password);
  await Promise.all([page.waitForURL('**/hosted/account'), page.click('form[action="/hosted/sign-in"] button[type="submit"]')]);
  await page.fill('#passkey-add-name', 'Chromium passkey');
  await Promise.all([page.waitForURL('**/hosted/account?done=passkey_added'), page.click('#passkey-add-button')]);
  result.accountNames = await page.locator('.passkey-name').allTextContents();
  result.notice = await page.locator('[role="status"]').textContent();
  await shot('passkeys-account');
  const creds = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  result.residentCredentials = creds.credentials.filter((c) => c.isResidentCredential).length;

  // 2. signed out, autofill: the sign-in page starts a conditional request as it loads; the virtual
  //    authenticator (automatic presence) answers it with the discoverable passkey, so no email is typed
  await context.clearCookies();
  await page.goto(cfg.base + '/hosted/sign-in');
  await page.waitForURL('**/hosted/account', { timeout: 15000 });
  result.autofillSignIn = page.url();

  // 3. signed out again, the button (autofill switched off for this tab, so only the button's request runs)
  await context.clearCookies();
  await page.evaluate(() => sessionStorage.setItem('noAutofill', '1'));
  await page.goto(cfg.base + '/hosted/sign-in');
  result.conditionalAvailable = await page.evaluate(() => window.conditionalReallyAvailable);
  result.autocomplete = await page.getAttribute('#email', 'autocomplete');
  await shot('passkeys-sign-in');
  await Promise.all([page.waitForURL('**/hosted/account'), page.click('#passkey-button')]);
  result.buttonSignIn = page.url();
  result.signedInAs = await page.locator('dd span').first().textContent();

  // 4. the same passkey at every seed API path, with and without an email (from a page that runs no ceremony of its own)
  for (const route of cfg.routes) {
    for (const email of [cfg.email, null]) {
      const outcome = await page.evaluate(async ({ route, email }) => {
        const url = route.method === 'GET'
          ? route.options + (email ? '?email=' + encodeURIComponent(email) : '')
          : route.options;
        const init = route.method === 'GET' ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(email ? { email } : {}) };
        const json = await (await fetch(url, init)).json();
        const cred = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
        const res = await fetch(route.verify, { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(cred.toJSON()) });
        const body = await res.json();
        return { status: res.status, userId: body.user && body.user.id, amr: body.amr, requiresMfa: body.requiresMfa };
      }, { route, email });
      result.routes.push({ ...route, email: !!email, ...outcome });
    }
  }

} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
