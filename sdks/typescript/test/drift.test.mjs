// Drift between the SDK and the server it talks to (sdks/README.md §2): every route of the SDK's table
// is an operation of the running server's /openapi.json (at its canonical path or one of the aliases
// the document names), and every type of src/models.gen.ts still matches the server's schema — no
// schema or field the SDK relies on was removed or changed type. New server fields only print a note
// (regenerate with `npm run generate:models -- <server URL>`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROUTES } from '../dist/esm/index.js';
import { generateModels } from '../scripts/generate-models.mjs';
import { BASE_URL } from './helpers.mjs';

const openApi = await (await fetch(`${BASE_URL}/openapi.json`)).json();
const normalise = (p) => p.replace(/\{[^}]+}/g, '{}');

function operations() {
  const ops = new Set();
  for (const [path, item] of Object.entries(openApi.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.add(`${method.toUpperCase()} ${normalise(path)}`);
      const aliases = (op.description ?? '').match(/Also answers at (.*) \(aliases/);
      for (const alias of aliases ? aliases[1].match(/`[^`]+`/g) : []) ops.add(`${method.toUpperCase()} ${normalise(alias.slice(1, -1))}`);
    }
  }
  return ops;
}

test('every route of the SDK is an operation of the server', () => {
  const ops = operations();
  const missing = [];
  for (const [name, [method, path, , root]] of Object.entries(ROUTES)) {
    const full = root ? path : `/api/v1${path}`;
    if (!ops.has(`${method} ${normalise(full)}`)) missing.push(`${name}: ${method} ${full}`);
  }
  assert.deepEqual(missing, []);
});

// The API areas this SDK version covers. An operation of a new area (another branch's module) is
// reported as a note until the SDK grows a namespace for it; one missing from these areas fails.
const COVERED_TAGS = new Set(['Authentication', 'Account', 'Profile', 'MFA', 'Magic links', 'Sessions', 'Organizations',
  'Organization members', 'Invitations', 'RBAC', 'API keys', 'Webhooks', 'Audit log', 'Admin', 'Analytics', 'Keys',
  'Applications', 'SCIM', 'SCIM administration', 'Development', 'Operations']);

test('the SDK covers every operation of the server', () => {
  const covered = new Set(Object.values(ROUTES).map(([m, p, , root]) => `${m} ${normalise(root ? p : `/api/v1${p}`)}`));
  const aliasesOf = new Map();
  const notCovered = [];
  for (const [path, item] of Object.entries(openApi.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const aliases = (op.description ?? '').match(/Also answers at (.*) \(aliases/);
      if (!COVERED_TAGS.has(op.tags?.[0])) { notCovered.push(`${method.toUpperCase()} ${path} (${op.tags?.[0]})`); continue; }
      aliasesOf.set(`${method.toUpperCase()} ${normalise(path)}`, aliases ? aliases[1].match(/`[^`]+`/g).map((a) => `${method.toUpperCase()} ${normalise(a.slice(1, -1))}`) : []);
    }
  }
  // Operations the SDK deliberately reaches through another one of the same meaning.
  const sameAs = new Set([
    'PUT /api/v1/users/me', 'PUT /api/v1/users/me/password', 'PUT /api/v1/organizations/{}', 'PUT /api/v1/roles/{}',
    'POST /api/v1/organizations/{}/members/{}/role', 'POST /api/v1/organizations/{}/invitations/{}/revoke',
    'POST /api/v1/api-keys/{}/revoke', 'POST /api/v1/sessions/revoke-all', 'POST /api/v1/admin/audit-logs/verify',
    'GET /api/v1/auth/magic-link/verify', 'GET /api/v1/auth/verify-email', 'POST /api/v1/auth/mfa/verify',
    'GET /api/v1/scim/v2/Schemas/{}', 'GET /api/v1/scim/v2/ResourceTypes/{}',
  ]);
  const uncovered = [];
  for (const [op, aliases] of aliasesOf) {
    if (!/^(GET|POST|PUT|PATCH|DELETE) /.test(op) || sameAs.has(op)) continue;
    if (!covered.has(op) && !aliases.some((a) => covered.has(a))) uncovered.push(op);
  }
  if (notCovered.length) console.log(`# operations of areas this SDK has no namespace for yet: ${notCovered.join(', ')}`);
  assert.deepEqual(uncovered, []);
});

/** `{Interface: {field: type}}` of a generated models file. */
function parse(source) {
  const types = {};
  let current = null;
  for (const line of source.split('\n')) {
    const open = line.match(/^export (?:interface|type) (\w+)/);
    if (open) { current = types[open[1]] = {}; if (line.includes('=')) current['='] = line.split('=')[1].trim(); continue; }
    const field = line.match(/^ {2}("?[\w$-]+"?)\??: (.*);$/);
    if (field && current) current[field[1]] = field[2];
  }
  return types;
}

test('the generated models still match the server schemas', () => {
  const committed = parse(readFileSync(new URL('../src/models.gen.ts', import.meta.url), 'utf8'));
  const live = parse(generateModels(openApi));
  const broken = [];
  const added = [];
  for (const [type, fields] of Object.entries(committed)) {
    if (!live[type]) { broken.push(`${type}: no longer in the server's schemas`); continue; }
    for (const [field, t] of Object.entries(fields)) {
      if (!(field in live[type])) broken.push(`${type}.${field}: removed`);
      else if (live[type][field] !== t) broken.push(`${type}.${field}: ${t} -> ${live[type][field]}`);
    }
    for (const field of Object.keys(live[type])) if (!(field in fields)) added.push(`${type}.${field}`);
  }
  for (const type of Object.keys(live)) if (!committed[type]) added.push(type);
  if (added.length) console.log(`# the server has ${added.length} schema(s)/field(s) the SDK types do not name yet: ${added.slice(0, 20).join(', ')}`);
  assert.deepEqual(broken, []);
});
