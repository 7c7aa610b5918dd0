export { JanuaClient } from './client.js';
export { Core, VERSION, newRequestId, type JanuaClientOptions, type StoredSession, type RequestOptions } from './core.js';
export * from './errors.js';
export { MemoryStorage, LocalStorage, CookieStorage, type TokenStorage, type CookieOptions } from './storage.js';
export { Page, PagePromise } from './pagination.js';
export { verifyWebhook, validateWebhookSignature, type WebhookEvent } from './webhooks.js';
export { ROUTES, type RouteName, type Credential } from './routes.js';
export type { AuthResult, ListParams, UserListParams } from './resources.js';
export type * from './models.gen.js';
export type {
  UserView as User, AdminUserView as AdminUser, OrganizationView as Organization, Member as OrganizationMember,
  InvitationView as Invitation, RoleView as Role, ApiKeyView as ApiKey, EndpointView as WebhookEndpoint,
  DeliveryView as WebhookDelivery, SessionView as Session, AuditEntry as AuditLog, Tokens as TokenPair,
  SignInRequest as SignInParams, SignUpRequest as SignUpParams, OrganizationDraft as CreateOrganizationParams,
} from './models.gen.js';
