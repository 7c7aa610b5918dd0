// Debian's Chromium, headless, in a throw-away profile: what every browser test script starts with.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Launches Chromium for `cfg` (cfg.chromium overrides the binary); `close()` ends it and deletes the profile. */
export async function launch(cfg) {
  const profile = mkdtempSync(join(tmpdir(), 'janua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: cfg.chromium || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 760 },
    locale: 'en-US',
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}
