// Headless Chromium through a social sign-in on the hosted pages: sign-in page -> "Continue with Google"
// -> the provider (mock-oauth2-server, which answers at once) -> Janua's callback -> signed in (account page).
// Started by SocialBrowserIntegrationTest with one JSON argument; prints one JSON line with the result.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';

const cfg = JSON.parse(process.argv[2]);
mkdirSync(cfg.screenshotsDir, { recursive: true });
const { context, close } = await launch(cfg);
const result = { consoleErrors: [], visited: [] };
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('request', (r) => { if (r.isNavigationRequest() && r.frame() === page.mainFrame()) result.visited.push(r.url()); });
  await page.goto(cfg.base + '/hosted/sign-in');
  await page.waitForSelector('#social-' + cfg.provider);
  result.buttonText = (await page.textContent('#social-' + cfg.provider)).trim();
  await page.screenshot({ path: join(cfg.screenshotsDir, 'sign-in-social.png'), fullPage: true });
  await page.click('#social-' + cfg.provider);
  await page.waitForURL((u) => u.pathname.startsWith('/hosted/account'), { timeout: 30000 });
  result.finalUrl = page.url();
  result.accountText = await page.textContent('main');
  result.cookies = (await context.cookies()).map((c) => c.name);
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await close();
}
console.log(JSON.stringify(result));
