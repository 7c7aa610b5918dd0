import type { Core, RequestOptions, CallOptions } from './core.js';
import { Page, PagePromise } from './pagination.js';
import type { RouteName } from './routes.js';
import type * as M from './models.gen.js';

/** Query of list methods: cursor pages (preferred) or page numbers where the server offers them. */
export interface ListParams { limit?: number; cursor?: string; page?: number }

type Body = Record<string, unknown>;

export abstract class Namespace {
  constructor(protected readonly core: Core) {}

  protected call<T>(name: RouteName, opts: CallOptions, ro?: RequestOptions): Promise<T> {
    const headers = { ...opts.headers, ...ro?.headers };
    if (ro?.organizationId) headers['X-Organization-ID'] = ro.organizationId;
    return this.core.call<T>(name, { ...opts, headers, signal: ro?.signal ?? opts.signal });
  }

  protected paged<T>(name: RouteName, params: Record<string, string | undefined>, query: Body = {}, ro?: RequestOptions): PagePromise<T> {
    const load = (cursor?: string): Promise<Page<T>> => this.call<{ data?: T[]; pagination?: M.Pagination }>(
      name, { params, query: cursor ? { ...query, cursor, page: undefined } : query }, ro,
    ).then((body) => new Page<T>(body, (next) => load(next)));
    return new PagePromise(() => load());
  }
}

/** What sign-in, sign-up, MFA completion and magic links answer; the tokens are also kept by the client. */
export type AuthResult = M.SignInResponse;

export class Auth extends Namespace {
  private async signedIn<T extends { tokens?: M.Tokens; session?: M.SessionRef }>(p: Promise<T>): Promise<T> {
    const result = await p;
    await this.core.storeTokens(result.tokens, result.session?.id);
    return result;
  }

  /** `POST /auth/signup`: creates the account and signs in (`requiresEmailVerification` tells whether to confirm the email). */
  signUp(body: M.SignUpRequest, ro?: RequestOptions): Promise<AuthResult> {
    return this.signedIn(this.call<AuthResult>('auth.signUp', { body }, ro));
  }

  /** `POST /auth/signin`. With MFA on, answers `requiresMfa: true` and an `mfaToken` (no tokens): finish with `mfa.verifyChallenge`. */
  signIn(body: M.SignInRequest, ro?: RequestOptions): Promise<AuthResult> {
    return this.signedIn(this.call<AuthResult>('auth.signIn', { body }, ro));
  }

  /** Ends the session on the server (access token, or refresh token alone) and forgets it here. */
  async signOut(ro?: RequestOptions): Promise<void> {
    const session = await this.core.getSession();
    try {
      if (session) {
        await this.call('auth.signOut', { body: { refreshToken: session.refreshToken }, headers: { Authorization: `Bearer ${session.accessToken}` } }, ro);
      }
    } catch (e) {
      // already ended on the server: the local session goes either way
      if (!(e instanceof Error && 'code' in e && ['SESSION_EXPIRED', 'INVALID_TOKEN', 'INVALID_REFRESH_TOKEN'].includes(String((e as { code: string }).code)))) throw e;
    } finally {
      await this.core.setSession(null);
    }
  }

  /** New tokens now (normally automatic). Concurrent calls share one refresh. */
  async refreshToken(): Promise<M.Tokens> {
    const s = await this.core.refresh();
    return { accessToken: s.accessToken, refreshToken: s.refreshToken, tokenType: 'Bearer',
      expiresAt: s.expiresAt ? new Date(s.expiresAt).toISOString() : undefined };
  }

  getCurrentUser(ro?: RequestOptions): Promise<M.UserView> { return this.call('auth.getCurrentUser', {}, ro); }
  updateProfile(body: M.ProfileUpdate, ro?: RequestOptions): Promise<M.UserView> { return this.call('auth.updateProfile', { body }, ro); }
  /** `{currentPassword, newPassword, logoutOtherSessions}`; other sessions end unless `logoutOtherSessions: false`. */
  changePassword(body: M.ChangePasswordRequest, ro?: RequestOptions): Promise<M.PasswordChanged> { return this.call('auth.changePassword', { body }, ro); }
  /** Always answers the same, whether or not the email has an account. */
  requestPasswordReset(body: M.ForgotPasswordRequest, ro?: RequestOptions): Promise<M.Ack> { return this.call('auth.requestPasswordReset', { body }, ro); }
  resetPassword(body: M.ResetPasswordRequest, ro?: RequestOptions): Promise<M.Ack> { return this.call('auth.resetPassword', { body }, ro); }
  sendVerificationEmail(ro?: RequestOptions): Promise<M.Ack> { return this.call('auth.sendVerificationEmail', {}, ro); }
  verifyEmail(body: M.TokenRequest, ro?: RequestOptions): Promise<M.UserView> { return this.call('auth.verifyEmail', { body }, ro); }
  /** `{password, confirmation: "DELETE"}`; the local session is forgotten. */
  async deleteAccount(body: M.DeleteAccountRequest, ro?: RequestOptions): Promise<M.Ack> {
    const r = await this.call<M.Ack>('auth.deleteAccount', { body }, ro);
    await this.core.setSession(null);
    return r;
  }
  sendPhoneVerification(body: M.PhoneRequest, ro?: RequestOptions): Promise<M.CodeSent> { return this.call('auth.sendPhoneVerification', { body }, ro); }
  confirmPhone(body: M.CodeRequest, ro?: RequestOptions): Promise<M.Ack> { return this.call('auth.confirmPhone', { body }, ro); }

  /** Whether the client holds a session (it may still have been revoked on the server). */
  async isAuthenticated(): Promise<boolean> { return (await this.core.getSession()) !== null; }
}

export interface UserListParams extends ListParams {
  status?: string; search?: string; email?: string; emailVerified?: boolean; organizationId?: string;
  createdAfter?: string | Date; createdBefore?: string | Date; sort?: string; includeTotal?: boolean;
}

/** Platform administration of users (a platform admin's session or a platform API key). */
export class Users extends Namespace {
  list(params: UserListParams = {}, ro?: RequestOptions): PagePromise<M.AdminUserView> { return this.paged('users.list', {}, { ...params }, ro); }
  get(userId: string, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.get', { params: { userId } }, ro); }
  getByEmail(email: string, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.getByEmail', { query: { email } }, ro); }
  create(body: M.UserBody, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.create', { body }, ro); }
  update(userId: string, body: M.UserBody, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.update', { params: { userId }, body }, ro); }
  /** `PUT /users/{id}`: the server treats it like `update` (absent fields unchanged). */
  replace(userId: string, body: M.UserBody, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.replace', { params: { userId }, body }, ro); }
  /** Same as `update` on the server (absent fields unchanged). */
  updateEmail(userId: string, email: string, ro?: RequestOptions): Promise<M.AdminUserView> { return this.update(userId, { email }, ro); }
  delete(userId: string, ro?: RequestOptions): Promise<M.Ack> { return this.call('users.delete', { params: { userId } }, ro); }
  suspend(userId: string, body: M.SuspendRequest = {}, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.suspend', { params: { userId }, body }, ro); }
  unsuspend(userId: string, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.unsuspend', { params: { userId } }, ro); }
  unlock(userId: string, ro?: RequestOptions): Promise<M.AdminUserView> { return this.call('users.unlock', { params: { userId } }, ro); }
  /** Ends every session of the user (as the admin console's "sign out everywhere"). */
  revokeSessions(userId: string, ro?: RequestOptions): Promise<Body> { return this.call('users.revokeSessions', { params: { userId } }, ro); }
  /** Removes the user's MFA factors, backup codes and trusted devices. */
  resetMfa(userId: string, ro?: RequestOptions): Promise<Body> { return this.call('users.resetMfa', { params: { userId } }, ro); }
  /** Emails the user a password-reset link. */
  sendPasswordReset(userId: string, ro?: RequestOptions): Promise<Body> { return this.call('users.sendPasswordReset', { params: { userId } }, ro); }
  /** The user's role and permissions per organization (`me` for yourself). */
  getRoles(userId: string, params: { organizationId?: string } = {}, ro?: RequestOptions): Promise<M.UserRoles> {
    return this.call('users.getRoles', { params: { userId }, query: params }, ro);
  }
  /** `{permissions, context: {organizationId, resourceId}}` → `granted` and a result per permission. */
  checkPermissions(userId: string, body: M.CheckRequest, ro?: RequestOptions): Promise<M.CheckResponse> {
    return this.call('users.checkPermissions', { params: { userId }, body }, ro);
  }
}

export class Organizations extends Namespace {
  create(body: M.OrganizationDraft, ro?: RequestOptions): Promise<M.OrganizationView> { return this.call('organizations.create', { body }, ro); }
  /** The signed-in user's organizations. */
  list(params: ListParams & { role?: string } = {}, ro?: RequestOptions): PagePromise<M.OrganizationView> { return this.paged('organizations.list', {}, { ...params }, ro); }
  get(organizationId: string, ro?: RequestOptions): Promise<M.OrganizationView> { return this.call('organizations.get', { params: { organizationId } }, ro); }
  update(organizationId: string, body: M.OrganizationDraft, ro?: RequestOptions): Promise<M.OrganizationView> { return this.call('organizations.update', { params: { organizationId }, body }, ro); }
  /** `PUT /organizations/{id}`: the server treats it like `update`. */
  replace(organizationId: string, body: M.OrganizationDraft, ro?: RequestOptions): Promise<M.OrganizationView> { return this.call('organizations.replace', { params: { organizationId }, body }, ro); }
  delete(organizationId: string, ro?: RequestOptions): Promise<M.Ack> { return this.call('organizations.delete', { params: { organizationId } }, ro); }
  /** Self-signup into an organization that allows it for your email domain. */
  join(organizationId: string, ro?: RequestOptions): Promise<M.Member> { return this.call('organizations.join', { params: { organizationId } }, ro); }

  listMembers(organizationId: string, params: ListParams & { role?: string; search?: string } = {}, ro?: RequestOptions): PagePromise<M.Member> {
    return this.paged('organizations.listMembers', { organizationId }, { ...params }, ro);
  }
  getMember(organizationId: string, userId: string, ro?: RequestOptions): Promise<M.Member> { return this.call('organizations.getMember', { params: { organizationId, userId } }, ro); }
  /** Direct add: platform admins and platform API keys only (people use invitations). */
  addMember(organizationId: string, body: M.AddMember, ro?: RequestOptions): Promise<M.Member> { return this.call('organizations.addMember', { params: { organizationId }, body }, ro); }
  updateMemberRole(organizationId: string, userId: string, body: M.RoleChange, ro?: RequestOptions): Promise<M.Member> {
    return this.call('organizations.updateMemberRole', { params: { organizationId, userId }, body }, ro);
  }
  removeMember(organizationId: string, userId: string, ro?: RequestOptions): Promise<M.Ack> { return this.call('organizations.removeMember', { params: { organizationId, userId } }, ro); }

  createInvite(organizationId: string, body: M.InvitationDraft, ro?: RequestOptions): Promise<M.InvitationView> { return this.call('organizations.createInvite', { params: { organizationId }, body }, ro); }
  listInvites(organizationId: string, params: ListParams & { status?: string } = {}, ro?: RequestOptions): PagePromise<M.InvitationView> {
    return this.paged('organizations.listInvites', { organizationId }, { ...params }, ro);
  }
  getInvite(organizationId: string, invitationId: string, ro?: RequestOptions): Promise<M.InvitationView> { return this.call('organizations.getInvite', { params: { organizationId, invitationId } }, ro); }
  resendInvite(organizationId: string, invitationId: string, ro?: RequestOptions): Promise<M.InvitationView> { return this.call('organizations.resendInvite', { params: { organizationId, invitationId } }, ro); }
  revokeInvite(organizationId: string, invitationId: string, ro?: RequestOptions): Promise<M.InvitationView> { return this.call('organizations.revokeInvite', { params: { organizationId, invitationId } }, ro); }
  /** What an invitation token is for (public: the token is the proof). */
  previewInvite(token: string, ro?: RequestOptions): Promise<M.Pending> { return this.call('organizations.previewInvite', { query: { token } }, ro); }
  /**
   * Accepts as the signed-in user (`{token}`), or signs up through the invitation
   * (`{token, password, firstName, lastName}`: the new session is kept).
   */
  async acceptInvite(body: M.AcceptRequest, ro?: RequestOptions): Promise<M.AcceptResponse> {
    const r = await this.call<M.AcceptResponse>('organizations.acceptInvite', { body }, ro);
    await this.core.storeTokens(r.tokens, r.session?.id);
    return r;
  }

  listScimTokens(organizationId: string, ro?: RequestOptions): Promise<{ data?: M.TokenView[] }> { return this.call('organizations.listScimTokens', { params: { organizationId } }, ro); }
  createScimToken(organizationId: string, body: M.TokenDraft = {}, ro?: RequestOptions): Promise<M.TokenView> { return this.call('organizations.createScimToken', { params: { organizationId }, body }, ro); }
  revokeScimToken(organizationId: string, tokenId: string, ro?: RequestOptions): Promise<M.TokenView> { return this.call('organizations.revokeScimToken', { params: { organizationId, tokenId } }, ro); }
  listScimGroups(organizationId: string, ro?: RequestOptions): Promise<{ data?: M.GroupView[] }> { return this.call('organizations.listScimGroups', { params: { organizationId } }, ro); }
  mapScimGroupRole(organizationId: string, groupId: string, body: M.RoleMapping, ro?: RequestOptions): Promise<M.GroupView> {
    return this.call('organizations.mapScimGroupRole', { params: { organizationId, groupId }, body }, ro);
  }
}

export class Mfa extends Namespace {
  getStatus(ro?: RequestOptions): Promise<M.StatusResponse> { return this.call('mfa.getStatus', {}, ro); }
  /** Starts authenticator-app enrolment: secret, `otpauthUri`, QR code and backup codes; active after `verifyTotp`. */
  setupTotp(ro?: RequestOptions): Promise<M.SetupResponse> { return this.call('mfa.setupTotp', { body: { type: 'totp' } }, ro); }
  /** Confirms enrolment with a code from the app; when MFA is on, a step-up check (the code is spent). */
  verifyTotp(code: string, ro?: RequestOptions): Promise<M.VerifyResponse> { return this.call('mfa.verifyTotp', { body: { code } }, ro); }
  /** `{password}` or `{code}`. */
  disable(body: M.ReauthRequest, ro?: RequestOptions): Promise<M.Ack> { return this.call('mfa.disable', { body }, ro); }
  setupSms(phoneNumber: string, ro?: RequestOptions): Promise<M.CodeSent> { return this.call('mfa.setupSms', { body: { phoneNumber } }, ro); }
  verifySms(code: string, ro?: RequestOptions): Promise<M.VerifyResponse> { return this.call('mfa.verifySms', { body: { code } }, ro); }
  /** New backup codes (the old set stops working). */
  generateBackupCodes(body: M.ReauthRequest, ro?: RequestOptions): Promise<M.BackupCodesResponse> { return this.call('mfa.generateBackupCodes', { body }, ro); }
  getBackupCodesStatus(ro?: RequestOptions): Promise<M.BackupCodesStatus> { return this.call('mfa.getBackupCodesStatus', {}, ro); }
  /** Texts a sign-in code for the `mfaToken` a sign-in answered. */
  createChallenge(mfaToken: string, ro?: RequestOptions): Promise<M.SmsCodeResponse> { return this.call('mfa.createChallenge', { body: { mfaToken } }, ro); }
  /** Finishes a sign-in that answered `requiresMfa`: `{mfaToken, code, method?, trustDevice?}`; keeps the session. */
  async verifyChallenge(body: M.MfaSignInRequest, ro?: RequestOptions): Promise<AuthResult> {
    const r = await this.call<AuthResult>('mfa.verifyChallenge', { body }, ro);
    await this.core.storeTokens(r.tokens, r.session?.id);
    return r;
  }
  listTrustedDevices(ro?: RequestOptions): Promise<{ data?: M.TrustedDeviceView[] }> { return this.call('mfa.listTrustedDevices', {}, ro); }
  revokeTrustedDevice(deviceId: string, ro?: RequestOptions): Promise<M.Ack> { return this.call('mfa.revokeTrustedDevice', { params: { deviceId } }, ro); }
  revokeAllTrustedDevices(ro?: RequestOptions): Promise<M.Revoked> { return this.call('mfa.revokeAllTrustedDevices', {}, ro); }
}

export class MagicLinks extends Namespace {
  send(body: M.SendRequest, ro?: RequestOptions): Promise<M.SendResponse> { return this.call('magicLinks.send', { body }, ro); }
  /** Signs in with the emailed token; keeps the session. */
  async verify(body: M.VerifyRequest, ro?: RequestOptions): Promise<AuthResult> {
    const r = await this.call<AuthResult>('magicLinks.verify', { body }, ro);
    await this.core.storeTokens(r.tokens, r.session?.id);
    return r;
  }
  /** Signs in with the one-time code the emailed link redirected with; keeps the session. */
  async exchange(body: M.ExchangeRequest, ro?: RequestOptions): Promise<AuthResult> {
    const r = await this.call<AuthResult>('magicLinks.exchange', { body }, ro);
    await this.core.storeTokens(r.tokens, r.session?.id);
    return r;
  }
}

export class Sessions extends Namespace {
  list(params: ListParams = {}, ro?: RequestOptions): PagePromise<M.SessionView> { return this.paged('sessions.list', {}, { ...params }, ro); }
  get(sessionId: string, ro?: RequestOptions): Promise<M.SessionView> { return this.call('sessions.get', { params: { sessionId } }, ro); }
  getCurrent(ro?: RequestOptions): Promise<M.SessionView> { return this.call('sessions.getCurrent', {}, ro); }
  /** Ends one session (the current one too: that signs out everywhere it was used). */
  revoke(sessionId: string, ro?: RequestOptions): Promise<M.Ack> { return this.call('sessions.revoke', { params: { sessionId } }, ro); }
  /** Ends every session except the current one. */
  revokeOther(ro?: RequestOptions): Promise<M.Revoked> { return this.call('sessions.revokeOther', {}, ro); }
  /** New tokens now (normally automatic). */
  refresh(): Promise<M.Tokens> { return new Auth(this.core).refreshToken(); }
}

export class Roles extends Namespace {
  /** The active organization's roles (`organizationId` here, `X-Organization-ID`, or the API key's organization). */
  list(params: { organizationId?: string } = {}, ro?: RequestOptions): Promise<M.RoleList> { return this.call('roles.list', { query: params }, ro); }
  get(roleId: string, ro?: RequestOptions): Promise<M.RoleView> { return this.call('roles.get', { params: { roleId } }, ro); }
  create(body: M.RoleDraftBody, ro?: RequestOptions): Promise<M.RoleView> { return this.call('roles.create', { body }, ro); }
  update(roleId: string, body: M.RoleDraftBody, ro?: RequestOptions): Promise<M.RoleView> { return this.call('roles.update', { params: { roleId }, body }, ro); }
  delete(roleId: string, params: { organizationId?: string } = {}, ro?: RequestOptions): Promise<M.Ack> { return this.call('roles.delete', { params: { roleId }, query: params }, ro); }
}

export class Permissions extends Namespace {
  /** The permission catalogue. */
  list(params: { category?: string } = {}, ro?: RequestOptions): Promise<M.PermissionList> { return this.call('permissions.list', { query: params }, ro); }
}

export class ApiKeys extends Namespace {
  /** The secret `key` is in this answer only. */
  create(body: M.ApiKeyDraft, ro?: RequestOptions): Promise<M.ApiKeyView> { return this.call('apiKeys.create', { body }, ro); }
  list(params: ListParams & { organizationId?: string } = {}, ro?: RequestOptions): PagePromise<M.ApiKeyView> { return this.paged('apiKeys.list', {}, { ...params }, ro); }
  get(keyId: string, ro?: RequestOptions): Promise<M.ApiKeyView> { return this.call('apiKeys.get', { params: { keyId } }, ro); }
  revoke(keyId: string, ro?: RequestOptions): Promise<M.ApiKeyView> { return this.call('apiKeys.revoke', { params: { keyId } }, ro); }
}

export class AuditLogs extends Namespace {
  /** Events of the active organization (or your own). */
  list(params: ListParams & { eventType?: string; userId?: string; organizationId?: string; startDate?: string | Date; endDate?: string | Date } = {}, ro?: RequestOptions): PagePromise<M.AuditEntry> {
    return this.paged('auditLogs.list', {}, { ...params }, ro);
  }
  /** Every event (platform admins). */
  listAll(params: ListParams & { eventType?: string; userId?: string; organizationId?: string; startDate?: string | Date; endDate?: string | Date } = {}, ro?: RequestOptions): PagePromise<M.AuditEntry> {
    return this.paged('auditLogs.listAll', {}, { ...params }, ro);
  }
  query(body: M.AuditQuery, ro?: RequestOptions): Promise<M.PageAuditEntry> { return this.call('auditLogs.query', { body }, ro); }
  /** Checks the hash chain; reports the first record that does not match. */
  verify(ro?: RequestOptions): Promise<M.ChainVerification> { return this.call('auditLogs.verify', {}, ro); }
  /** The log as CSV or JSON lines (`format`: `csv` | `json`). */
  export(params: { format?: string; eventType?: string; userId?: string; organizationId?: string; startDate?: string | Date; endDate?: string | Date } = {}, ro?: RequestOptions): Promise<string> {
    return this.call('auditLogs.export', { query: params, responseType: 'text' }, ro);
  }
}

export class Admin extends Namespace {
  getHealth(ro?: RequestOptions): Promise<Body> { return this.call('admin.getHealth', {}, ro); }
  getDetailedHealth(ro?: RequestOptions): Promise<Body> { return this.call('admin.getDetailedHealth', {}, ro); }
  getMetrics(params: { metric?: string; period?: string; granularity?: string } = {}, ro?: RequestOptions): Promise<Body> { return this.call('admin.getMetrics', { query: params }, ro); }
  getAnalytics(params: { startDate?: string; endDate?: string; granularity?: string } = {}, ro?: RequestOptions): Promise<Body> { return this.call('admin.getAnalytics', { query: params }, ro); }
  getUserAnalytics(userId: string, params: { startDate?: string; endDate?: string; granularity?: string } = {}, ro?: RequestOptions): Promise<Body> {
    return this.call('admin.getUserAnalytics', { params: { userId }, query: params }, ro);
  }
  listOrganizations(params: ListParams & { search?: string } = {}, ro?: RequestOptions): PagePromise<M.OrganizationView> { return this.paged('admin.listOrganizations', {}, { ...params }, ro); }
  rotateSigningKeys(ro?: RequestOptions): Promise<Body> { return this.call('admin.rotateSigningKeys', {}, ro); }
  /** Live sessions across the deployment (platform admins). */
  listSessions(params: ListParams = {}, ro?: RequestOptions): Promise<Body> { return this.call('admin.listSessions', { query: { ...params } }, ro); }
  revokeSession(sessionId: string, ro?: RequestOptions): Promise<Body> { return this.call('admin.revokeSession', { params: { sessionId } }, ro); }
  listOutbox(params: ListParams & { status?: string; channel?: string } = {}, ro?: RequestOptions): PagePromise<M.MessageView> { return this.paged('admin.listOutbox', {}, { ...params }, ro); }
  getOutboxMessage(messageId: string, ro?: RequestOptions): Promise<M.MessageView> { return this.call('admin.getOutboxMessage', { params: { messageId } }, ro); }
  redeliverOutboxMessage(messageId: string, ro?: RequestOptions): Promise<M.MessageView> { return this.call('admin.redeliverOutboxMessage', { params: { messageId } }, ro); }
}

export class Applications extends Namespace {
  list(params: ListParams & { organizationId?: string } = {}, ro?: RequestOptions): PagePromise<M.ApplicationView> { return this.paged('applications.list', {}, { ...params }, ro); }
  get(applicationId: string, ro?: RequestOptions): Promise<M.ApplicationView> { return this.call('applications.get', { params: { applicationId } }, ro); }
  create(body: M.ApplicationRequest, ro?: RequestOptions): Promise<M.ApplicationView> { return this.call('applications.create', { body }, ro); }
  update(applicationId: string, body: M.ApplicationRequest, ro?: RequestOptions): Promise<M.ApplicationView> { return this.call('applications.update', { params: { applicationId }, body }, ro); }
  delete(applicationId: string, ro?: RequestOptions): Promise<M.Ack> { return this.call('applications.delete', { params: { applicationId } }, ro); }
  rotateSecret(applicationId: string, ro?: RequestOptions): Promise<M.ApplicationView> { return this.call('applications.rotateSecret', { params: { applicationId } }, ro); }
}

/** SCIM 2.0 with the organization's SCIM token (option `scimToken`); bodies are SCIM resources. */
export class Scim extends Namespace {
  listUsers(params: { filter?: string; startIndex?: number; count?: number } = {}, ro?: RequestOptions): Promise<Body> { return this.call('scim.listUsers', { query: params }, ro); }
  getUser(id: string, ro?: RequestOptions): Promise<Body> { return this.call('scim.getUser', { params: { id } }, ro); }
  createUser(body: Body, ro?: RequestOptions): Promise<Body> { return this.call('scim.createUser', { body }, ro); }
  replaceUser(id: string, body: Body, ro?: RequestOptions): Promise<Body> { return this.call('scim.replaceUser', { params: { id }, body }, ro); }
  patchUser(id: string, body: Body, ro?: RequestOptions): Promise<Body> { return this.call('scim.patchUser', { params: { id }, body }, ro); }
  deleteUser(id: string, ro?: RequestOptions): Promise<Body> { return this.call('scim.deleteUser', { params: { id } }, ro); }
  listGroups(params: { filter?: string; startIndex?: number; count?: number } = {}, ro?: RequestOptions): Promise<Body> { return this.call('scim.listGroups', { query: params }, ro); }
  getGroup(id: string, ro?: RequestOptions): Promise<Body> { return this.call('scim.getGroup', { params: { id } }, ro); }
  createGroup(body: Body, ro?: RequestOptions): Promise<Body> { return this.call('scim.createGroup', { body }, ro); }
  replaceGroup(id: string, body: Body, ro?: RequestOptions): Promise<Body> { return this.call('scim.replaceGroup', { params: { id }, body }, ro); }
  patchGroup(id: string, body: Body, ro?: RequestOptions): Promise<Body> { return this.call('scim.patchGroup', { params: { id }, body }, ro); }
  deleteGroup(id: string, ro?: RequestOptions): Promise<Body> { return this.call('scim.deleteGroup', { params: { id } }, ro); }
  getServiceProviderConfig(ro?: RequestOptions): Promise<Body> { return this.call('scim.getServiceProviderConfig', {}, ro); }
  listSchemas(ro?: RequestOptions): Promise<Body> { return this.call('scim.listSchemas', {}, ro); }
  listResourceTypes(ro?: RequestOptions): Promise<Body> { return this.call('scim.listResourceTypes', {}, ro); }
}

/** Development mode only (loopback clients): what Janua would have emailed or texted. */
export class Dev extends Namespace {
  mailbox(to?: string, ro?: RequestOptions): Promise<{ data?: M.EmailMessage[] }> { return this.call('dev.mailbox', { query: { to } }, ro); }
  sms(to?: string, ro?: RequestOptions): Promise<{ data?: M.SmsMessage[] }> { return this.call('dev.sms', { query: { to } }, ro); }
  /** Pushes recorded by the development push provider. */
  push(ro?: RequestOptions): Promise<Body> { return this.call('dev.push', {}, ro); }
}
