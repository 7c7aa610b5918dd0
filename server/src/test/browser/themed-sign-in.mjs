// Opens hosted pages one after another in headless Chromium — the sign-in of two differently themed
// applications, the self-service pages — screenshots each, and reports the colours the browser actually
// applied (so a test can tell a theme passed the Content-Security-Policy). Logos are served by the test
// through request interception: the pages ask for an https URL, nothing leaves the machine.
// Started by HostedThemeBrowserIntegrationTest with one JSON argument; prints one JSON line.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';

const cfg = JSON.parse(process.argv[2]);
mkdirSync(cfg.screenshotsDir, { recursive: true });
const { context, close } = await launch(cfg);
const result = { pages: [], consoleErrors: [] };
try {
  for (const [url, svg] of Object.entries(cfg.logos || {})) {
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
  }
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  for (const step of cfg.steps) {
    if (step.clearCookies) await context.clearCookies(); // a new visitor: signed out
    if (step.url) await page.goto(step.url);
    if (step.signIn) {
      await page.getByLabel('Email').fill(step.signIn.email);
      await page.getByLabel('Password').fill(step.signIn.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    }
    await page.waitForSelector(step.waitFor);
    // the selector can match while the page's stylesheet is still loading (computed styles then read the
    // browser's defaults, e.g. a grey button): read colours only once the page, stylesheets and logo included, has loaded
    await page.waitForLoadState('load');
    const seen = await page.evaluate(() => {
      const button = document.querySelector('button.primary');
      const logo = document.querySelector('img.brand-logo');
      return {
        url: location.href,
        buttonBackground: button ? getComputedStyle(button).backgroundColor : null,
        pageBackground: getComputedStyle(document.documentElement).backgroundColor,
        radius: button ? getComputedStyle(document.querySelector('.card')).borderTopLeftRadius : null,
        logoLoaded: logo ? logo.complete && logo.naturalWidth > 0 : false,
        brandName: (document.querySelector('.brand-name') || {}).textContent,
      };
    });
    await page.screenshot({ path: join(cfg.screenshotsDir, step.shot + '.png'), fullPage: true });
    result.pages.push({ shot: step.shot, ...seen });
  }
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await close();
}
console.log(JSON.stringify(result));
