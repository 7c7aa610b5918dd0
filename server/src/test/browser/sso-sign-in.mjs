// Drives headless Chromium through an enterprise SAML sign-in, as a person would: the hosted sign-in
// page -> work email without a password (home-realm discovery) -> the test IdP's page -> the signed
// response posted to Janua's ACS -> the account page. Started by SsoBrowserIntegrationTest with one
// JSON argument; prints one JSON line with the result.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';

const cfg = JSON.parse(process.argv[2]);
const shots = cfg.screenshotsDir;
mkdirSync(shots, { recursive: true });
const { context, close } = await launch(cfg);
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
  await close();
}
console.log(JSON.stringify(result));
