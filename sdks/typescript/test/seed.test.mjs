// Seed 000's TypeScript snippet, as written (base URL pointed at the server under test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, client, uniqueEmail } from './helpers.mjs';

test('the seed 000 TypeScript snippet runs as written', async () => {
  const email = uniqueEmail('seed');
  await client().auth.signUp({ email, password: PASSWORD });

  // --- seed 000 (import from the built package; baseURL is this test's server) ---
  const { JanuaClient } = await import('../dist/esm/index.js');
  const janua = new JanuaClient({
    baseURL: BASE_URL,
    apiKey: 'your-api-key'
  });

  // Authenticate user
  const result = await janua.auth.signIn({
    email: email,
    password: PASSWORD
  });

  // Get current user
  const user = await janua.auth.getCurrentUser();

  // Create organization
  const org = await janua.organizations.create({
    name: 'My Company',
    slug: `my-company-${Date.now()}`
  });
  // --- end of the seed ---

  assert.equal(result.requiresMfa, false);
  assert.match(result.tokens.accessToken, /^ey/);
  assert.equal(user.email, email);
  assert.match(org.id, /^org_/);
  assert.equal(org.name, 'My Company');
  assert.equal(org.userRole, 'owner');
});

test('the package also loads as CommonJS', async () => {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const cjs = require('../dist/cjs/index.js');
  assert.equal(typeof cjs.JanuaClient, 'function');
  const health = await new cjs.JanuaClient({ baseURL: BASE_URL }).healthCheck();
  assert.equal(health.status, 'healthy');
});
