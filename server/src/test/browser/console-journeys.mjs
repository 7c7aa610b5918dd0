// Drives headless Chromium (Debian's package) through the admin console as its admins would:
// a platform admin finds a user and suspends them, registers an application, filters the audit
// log and verifies the chain, redelivers a failed webhook; an organization admin invites someone
// (who accepts in another browser), creates a custom role and assigns it, creates an API key;
// a member is refused. Every page is screenshotted into docs/screenshots/console-*.png.
// Started by ConsoleBrowserIntegrationTest with one JSON argument; prints one JSON line with the result.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const cfg = JSON.parse(process.argv[2]);
const shots = cfg.screenshotsDir;
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: cfg.chromium || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],  // a fresh temporary profile per launch
});
const result = { steps: [], consoleErrors: [] };
const T = 15000;

async function newPage(viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(T);
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  return page;
}
const shot = async (page, name) => {
  await page.screenshot({ path: join(shots, 'console-' + name + '.png'), fullPage: true });
  result.steps.push(name);
};
async function signIn(page, email, password) {
  await page.goto(cfg.base + '/console');
  await page.waitForSelector('form[action="/hosted/sign-in"]');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/console')), page.keyboard.press('Enter')]);
}
const status = (page) => page.locator('[role="status"]').first().textContent();

try {
  // ---- platform admin ----
  const admin = await newPage();
  await signIn(admin, cfg.adminEmail, cfg.password);
  await admin.waitForSelector('body[data-charts="ready"]');
  result.chartsDrawn = await admin.locator('.chart canvas').count();
  await shot(admin, 'overview');

  await admin.getByRole('link', { name: 'Users', exact: true }).click();
  await admin.getByLabel('Search').fill(cfg.targetEmail);
  await admin.getByRole('button', { name: 'Filter' }).click();
  await admin.waitForURL(/q=/);
  await shot(admin, 'users');
  await admin.getByRole('link', { name: cfg.targetEmail }).click();
  await admin.locator('summary', { hasText: 'Suspend' }).click();
  await admin.getByLabel('Reason').fill('Chargeback fraud');
  await admin.getByLabel('Duration').selectOption('7d');
  await Promise.all([admin.waitForURL(/done=suspended/), admin.locator('form[action$="/suspend"] button[type=submit]').click()]);
  result.suspendedNotice = await status(admin);
  await shot(admin, 'user');
  // the user's passkeys and linked identities: remove a passkey (confirmed)
  result.passkeysListed = await admin.locator('#user-passkeys li').count();
  result.identitiesListed = await admin.locator('#user-identities li').count();
  await admin.locator('#user-passkeys summary', { hasText: 'Remove the passkey' }).click();
  await admin.locator('#user-passkeys input[name=confirm]').check();
  await Promise.all([admin.waitForURL(/done=passkey_removed/),
    admin.locator('#user-passkeys form button[type=submit]').click()]);
  result.passkeysAfter = await admin.locator('#user-passkeys li').count();

  await admin.goto(cfg.base + '/console/applications');
  await admin.getByLabel('Name').fill('Acme Portal');
  await admin.getByLabel('Type').selectOption('confidential');
  await admin.getByLabel('Redirect URIs (one per line)').fill('https://acme.example/callback');
  await admin.getByRole('button', { name: 'Register an application' }).click();
  await admin.waitForSelector('#new-secret');
  result.applicationSecret = (await admin.locator('#new-secret').textContent()).trim();
  result.applicationClientId = (await admin.locator('#client-id').textContent()).trim();
  result.brandingName = (await admin.locator('#preview-consent .preview-title').textContent()).trim();
  await shot(admin, 'application');
  await admin.locator('#branding-title').scrollIntoViewIfNeeded();
  await admin.locator('section', { has: admin.locator('#branding-title') }).screenshot({ path: join(shots, 'console-application-branding.png') });
  result.steps.push('application-branding');
  await admin.goto(cfg.base + '/console/applications');
  await shot(admin, 'applications');

  await admin.goto(cfg.base + '/console/audit');
  await admin.getByLabel('Action').selectOption('user.suspended');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await admin.waitForURL(/type=user.suspended/);
  result.auditRows = await admin.locator('#audit-rows tbody tr').count();
  await admin.getByRole('button', { name: 'Verify the chain' }).click();
  await admin.waitForSelector('#verification');
  result.verification = (await admin.locator('#verification').textContent()).replace(/\s+/g, ' ').trim();
  await shot(admin, 'audit');
  await admin.locator('#audit-rows tbody tr a').first().click();
  await admin.waitForSelector('#chain-position');
  await shot(admin, 'audit-entry');
  // who did it, to whom: the actor and target filters
  await admin.goto(cfg.base + '/console/audit');
  await admin.getByLabel('Actor id').fill(cfg.adminId);
  await admin.getByLabel('Target id').fill(cfg.targetId);
  await Promise.all([admin.waitForURL(/actor=/), admin.getByRole('button', { name: 'Filter' }).click()]);
  result.actorTargetRows = await admin.locator('#audit-rows tbody tr').count();
  await shot(admin, 'audit-actor-target');

  await admin.goto(cfg.base + '/console/webhooks');
  await shot(admin, 'webhooks');
  await admin.goto(cfg.base + '/console/webhooks/' + cfg.webhookId);
  await Promise.all([admin.waitForURL(/done=test_/), admin.getByRole('button', { name: 'Send a test event' }).click()]);
  result.testNotice = await status(admin);
  const failedRow = admin.locator('#deliveries tbody tr', { hasText: 'Failed' }).first();
  await failedRow.waitFor();
  await Promise.all([admin.waitForURL(/done=redelivery_queued/), failedRow.getByRole('button', { name: 'Redeliver' }).click()]);
  for (let i = 0; i < 40; i++) {
    if (await admin.locator('#deliveries tbody tr', { hasText: 'Succeeded' }).count() > 0) break;
    await admin.waitForTimeout(250);
    await admin.reload();
  }
  result.redelivered = await admin.locator('#deliveries tbody tr', { hasText: 'Succeeded' }).count();
  await shot(admin, 'webhook');

  await admin.goto(cfg.base + '/console/sessions');
  await shot(admin, 'sessions');
  await admin.goto(cfg.base + '/console/settings');
  await shot(admin, 'settings');
  await admin.goto(cfg.base + '/console/organizations');
  await shot(admin, 'organizations');
  await admin.goto(cfg.base + '/console/users?lang=de');
  await shot(admin, 'users-de');
  await admin.goto(cfg.base + '/console/users?lang=en');

  const phone = await newPage({ width: 390, height: 844 });
  await signIn(phone, cfg.adminEmail, cfg.password);
  await phone.goto(cfg.base + '/console/users');
  await shot(phone, 'users-mobile');

  // ---- organization admin ----
  const org = await newPage();
  await signIn(org, cfg.orgAdminEmail, cfg.password);
  await org.waitForURL((u) => u.pathname === '/console/organizations/' + cfg.orgId);
  await shot(org, 'organization');
  await org.getByRole('link', { name: 'Invitations', exact: true }).click();
  await org.getByLabel('Email').fill(cfg.inviteeEmail);
  await org.getByLabel('Role', { exact: true }).selectOption('member');
  await Promise.all([org.waitForURL(/done=invitation_sent/), org.getByRole('button', { name: 'Send the invitation' }).click()]);
  const link = await (await fetch(cfg.helper + '/invite-link?email=' + encodeURIComponent(cfg.inviteeEmail))).text();
  const invitee = await newPage();
  await invitee.goto(cfg.base + link);
  await invitee.getByLabel('First name').fill('Ines');
  await invitee.getByLabel('Password').fill(cfg.password);
  await Promise.all([invitee.waitForURL((u) => !u.pathname.startsWith('/hosted/invitation')),
    invitee.getByRole('button', { name: 'Create account and join' }).click()]);
  await org.goto(cfg.base + '/console/organizations/' + cfg.orgId + '/invitations?status=accepted');
  result.acceptedShown = await org.locator('#invitations tbody tr', { hasText: cfg.inviteeEmail }).locator('.invitation-status').textContent();
  await shot(org, 'invitations');

  await org.getByRole('link', { name: 'Roles', exact: true }).click();
  await org.getByLabel('Name', { exact: true }).fill('Support agent');
  await org.getByLabel('Key (optional; made from the name)').fill('support');
  await org.getByLabel('members:read').check();
  await org.getByLabel('roles:read').check();
  await Promise.all([org.waitForURL(/done=role_created/), org.getByRole('button', { name: 'Create a custom role' }).click()]);
  await shot(org, 'roles');
  await org.getByRole('link', { name: 'Members', exact: true }).click();
  await org.getByLabel('Role of ' + cfg.inviteeEmail).selectOption('support');
  const row = org.locator('tr', { has: org.getByLabel('Role of ' + cfg.inviteeEmail) });
  await Promise.all([org.waitForURL(/done=role_changed/), row.getByRole('button', { name: 'Change role' }).click()]);
  result.assignedRole = await org.getByLabel('Role of ' + cfg.inviteeEmail).inputValue();
  await shot(org, 'members');

  await org.getByRole('link', { name: 'Settings', exact: true }).click();
  await shot(org, 'org-settings');
  await org.getByRole('link', { name: 'API keys', exact: true }).click();
  await org.getByLabel('Name', { exact: true }).fill('Deploy bot');
  await org.getByLabel('members:read').check();
  await org.getByRole('button', { name: 'Create an API key' }).click();
  await org.waitForSelector('#new-secret');
  result.apiKeyShown = (await org.locator('#new-secret').textContent()).trim().startsWith('sk_');
  await shot(org, 'api-keys');

  // enterprise sign-in: an OIDC connection, a domain claim, a SCIM token (by keyboard), the organization's audit log
  await org.getByRole('link', { name: 'SSO', exact: true }).click();
  await org.waitForSelector('#sso-form-title');
  await org.getByLabel('Protocol').selectOption('oidc');
  await org.getByLabel('Provider').selectOption('oidc');
  await org.getByLabel('Issuer').fill('https://login.acme.example');
  await org.getByLabel('Client id').fill('janua-console');
  await org.getByLabel('Client secret (blank keeps the current one)').fill('idp-client-secret');
  await Promise.all([org.waitForURL(/done=sso_configured/), org.getByRole('button', { name: 'Save' }).click()]);
  await org.getByLabel('Domain', { exact: true }).fill(cfg.ssoDomain);
  await Promise.all([org.waitForURL(/done=domain_added/), org.getByRole('button', { name: 'Add the domain' }).click()]);
  result.ssoShown = (await org.locator('#sso-connection').textContent()).includes('https://login.acme.example');
  await shot(org, 'sso');
  await org.getByRole('link', { name: 'SCIM', exact: true }).click();
  await org.getByLabel('Name', { exact: true }).focus();
  await org.keyboard.type('Okta provisioning');
  await Promise.all([org.waitForSelector('#new-secret'), org.keyboard.press('Enter')]);
  result.scimShown = (await org.locator('#new-secret').textContent()).trim().startsWith('scim_');
  await shot(org, 'scim');
  await org.getByRole('link', { name: 'Audit log', exact: true }).click();
  await org.waitForSelector('#audit-rows');
  result.orgAuditRows = await org.locator('#audit-rows tbody tr').count();
  await shot(org, 'org-audit');
  result.otherOrgSsoStatus = (await org.goto(cfg.base + '/console/organizations/' + cfg.otherOrgId + '/sso')).status();
  result.otherOrgAuditStatus = (await org.goto(cfg.base + '/console/organizations/' + cfg.otherOrgId + '/audit')).status();

  const users = await org.goto(cfg.base + '/console/users');
  result.orgAdminUsersStatus = users.status();
  await shot(org, 'forbidden');
  const other = await org.goto(cfg.base + '/console/organizations/' + cfg.otherOrgId);
  result.orgAdminOtherOrgStatus = other.status();

  // ---- a member with nothing to administer ----
  const member = await newPage();
  await signIn(member, cfg.memberEmail, cfg.password);
  result.memberStatus = (await member.reload()).status();
  await shot(member, 'denied');
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
