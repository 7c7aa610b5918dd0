// Drives headless Chromium through an enterprise SAML sign-in, as a person would: the hosted sign-in
// page -> work email without a password (home-realm discovery) -> the test IdP's page -> the signed
// response posted to Janua's ACS -> the account page. Started by SsoBrowserIntegrationTest with one
// JSON argument; prints one JSON line with the result.
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
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1000, height: 760 },
  locale: 'en-US',
});
const result = { consoleErrors: [] };
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  const shot = async (name) => { await page.screenshot({ path: join(shots, name + '.png'), fullPage: true }); };

  await page.goto(cfg.base + '/hosted/sso');
  await page.waitForSelector('form[action="/hosted/sso"]');
  await shot('sso-discovery');

  await page.goto(cfg.base + '/hosted/sign-in');
  await page.waitForSelector('form[action="/hosted/sign-in"]');
  await page.keyboard.type(cfg.email);
  await shot('sso-sign-in');
  await Promise.all([page.waitForSelector('form#idp'), page.keyboard.press('Enter')]);
  result.idpUrl = page.url();
  await shot('sso-idp');
  await Promise.all([
    page.waitForURL((u) => u.toString().startsWith(cfg.base + '/hosted/account')),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  result.finalUrl = page.url();
  result.accountText = await page.evaluate(() => document.body.innerText);
  await shot('sso-account');
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
