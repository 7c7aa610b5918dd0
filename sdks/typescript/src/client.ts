import { Core, type JanuaClientOptions, type StoredSession } from './core.js';
import { Admin, ApiKeys, Applications, AuditLogs, Auth, Dev, MagicLinks, Mfa, Organizations, Permissions, Roles, Scim, Sessions, Users } from './resources.js';
import { Webhooks } from './webhooks.js';

/**
 * The Janua client: `new JanuaClient({ baseURL, apiKey })`, namespaces as properties (sdks/README.md §2).
 *
 * ```ts
 * const janua = new JanuaClient({ baseURL: 'http://localhost:8000' });
 * await janua.auth.signIn({ email, password });
 * const me = await janua.auth.getCurrentUser();
 * ```
 */
export class JanuaClient {
  readonly auth: Auth;
  readonly users: Users;
  readonly organizations: Organizations;
  readonly mfa: Mfa;
  readonly magicLinks: MagicLinks;
  readonly sessions: Sessions;
  readonly roles: Roles;
  readonly permissions: Permissions;
  readonly apiKeys: ApiKeys;
  readonly webhooks: Webhooks;
  readonly auditLogs: AuditLogs;
  readonly admin: Admin;
  readonly applications: Applications;
  readonly scim: Scim;
  readonly dev: Dev;
  /** The HTTP core (base URLs, credentials, session); for advanced use. */
  readonly core: Core;

  constructor(options: JanuaClientOptions = {}) {
    this.core = new Core(options);
    this.auth = new Auth(this.core);
    this.users = new Users(this.core);
    this.organizations = new Organizations(this.core);
    this.mfa = new Mfa(this.core);
    this.magicLinks = new MagicLinks(this.core);
    this.sessions = new Sessions(this.core);
    this.roles = new Roles(this.core);
    this.permissions = new Permissions(this.core);
    this.apiKeys = new ApiKeys(this.core);
    this.webhooks = new Webhooks(this.core);
    this.auditLogs = new AuditLogs(this.core);
    this.admin = new Admin(this.core);
    this.applications = new Applications(this.core);
    this.scim = new Scim(this.core);
    this.dev = new Dev(this.core);
  }

  /** The session the client holds, or null. */
  getSession(): Promise<StoredSession | null> { return this.core.getSession(); }
  /** Restores a session (e.g. from your own store); `null` forgets it. */
  setSession(session: StoredSession | null): Promise<void> { return this.core.setSession(session); }
  /** The active organization sent as `X-Organization-ID` (undefined: none). */
  setOrganization(organizationId: string | undefined): void { this.core.organizationId = organizationId; }
  setApiKey(apiKey: string | undefined): void { this.core.apiKey = apiKey; }

  /** `GET /health`. */
  healthCheck(): Promise<Record<string, unknown>> { return this.core.call('healthCheck'); }
  /** `GET /ready`. */
  ready(): Promise<Record<string, unknown>> { return this.core.call('ready'); }
  /** The JWKS that verifies Janua's access tokens. */
  getJwks(): Promise<{ keys: Array<Record<string, unknown>> }> { return this.core.call('jwks'); }
}
