// Drives headless Chromium (Debian's package) through Janua's hosted pages, as a person would:
// authorization request -> sign-in (by keyboard) -> TOTP step -> consent -> back to the application.
// Started by OidcBrowserIntegrationTest with one JSON argument; prints one JSON line with the result.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';

const cfg = JSON.parse(process.argv[2]);
const shots = cfg.screenshotsDir;
mkdirSync(shots, { recursive: true });
const { context, close } = await launch(cfg);
const result = { steps: [], consoleErrors: [] };
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  const shot = async (name) => { await page.screenshot({ path: join(shots, name + '.png'), fullPage: true }); result.steps.push(name); };

  await page.goto(cfg.authorizeUrl);
  await page.waitForSelector('form[action="/hosted/sign-in"]');
  result.signInUrl = page.url();
  await shot('sign-in');
  // keyboard only: the email field has focus, Tab moves to the password, Enter submits
  result.focusedAtStart = await page.evaluate(() => document.activeElement && document.activeElement.id);
  await page.keyboard.type(cfg.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(cfg.password);
  await page.keyboard.press('Enter');

  await page.waitForSelector('form[action="/hosted/sign-in/mfa"]');
  result.mfaUrl = page.url();
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).first().click();
  await page.waitForSelector('[role="alert"]');
  await shot('mfa-wrong-code');
  await page.getByLabel('Authentication code').fill(cfg.totp);
  await shot('mfa');
  await page.getByRole('button', { name: 'Verify' }).first().click();

  await page.waitForSelector('form[action="/oauth2/authorize"]');
  await shot('consent');
  await Promise.all([
    page.waitForURL((u) => u.toString().startsWith(cfg.callbackPrefix)),
    page.getByRole('button', { name: 'Allow' }).click(),
  ]);
  result.callbackUrl = page.url();
  await shot('application-callback');

  await page.goto(cfg.base + '/hosted/account');
  await shot('account');
  await page.goto(cfg.base + '/hosted/sign-out');
  await shot('sign-out');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForSelector('[role="status"]');
  await shot('signed-out');
  await page.goto(cfg.base + '/hosted/sign-in?lang=fr');
  await shot('sign-in-fr');
  await page.goto(cfg.base + '/hosted/sign-in?lang=de');
  await page.goto(cfg.base + '/hosted/sign-in?lang=en');
  await page.goto(cfg.errorUrl);
  await shot('error');
  result.errorStatus = (await page.evaluate(() => document.title));
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await close();
}
console.log(JSON.stringify(result));
