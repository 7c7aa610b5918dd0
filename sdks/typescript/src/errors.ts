/**
 * Janua's errors as types (sdks/README.md §4). Every server error body is
 * `{"error": {"code", "message", "details", "requestId", "timestamp"}}`; the subclass follows the
 * HTTP status, `code` names the precise reason — branch on `code`, never on the message.
 */
export interface JanuaErrorInit {
  message: string;
  code: string;
  statusCode?: number;
  details?: Record<string, unknown>;
  requestId?: string;
  timestamp?: string;
  headers?: Record<string, string>;
  cause?: unknown;
}

export class JanuaError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly details: Record<string, unknown>;
  readonly requestId?: string;
  readonly timestamp?: string;
  readonly headers: Record<string, string>;

  constructor(init: JanuaErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.statusCode = init.statusCode ?? 0;
    this.details = init.details ?? {};
    this.requestId = init.requestId;
    this.timestamp = init.timestamp;
    this.headers = init.headers ?? {};
  }
}

/** 400 and 422: the request was refused as it stands (`VALIDATION_ERROR`, `WEAK_PASSWORD`, …). */
export class ValidationError extends JanuaError {}
/** 401 and 423: who you are is not established (`INVALID_CREDENTIALS`, `SESSION_EXPIRED`, `ACCOUNT_LOCKED`, …). */
export class AuthenticationError extends JanuaError {}
/** 403: known, but not allowed (`INSUFFICIENT_PERMISSIONS`, `EMAIL_NOT_VERIFIED`, …). */
export class AuthorizationError extends JanuaError {}
/** 404 (`USER_NOT_FOUND`, `ORGANIZATION_NOT_FOUND`, `NOT_FOUND`, …). */
export class NotFoundError extends JanuaError {}
/** 409 (`EMAIL_ALREADY_EXISTS`, `LAST_OWNER`, …). */
export class ConflictError extends JanuaError {}
/** 410 (`INVITATION_EXPIRED`, `INVITATION_REVOKED`). */
export class GoneError extends JanuaError {}
/** 5xx (`INTERNAL_ERROR`, `SERVICE_UNAVAILABLE`). */
export class ServerError extends JanuaError {}
/** No answer from the server (`NETWORK_ERROR`). */
export class NetworkError extends JanuaError {}
/** The attempt took longer than `timeout` (`TIMEOUT`). */
export class TimeoutError extends NetworkError {}
/** A webhook whose signature or timestamp does not check out (`WEBHOOK_VERIFICATION_FAILED`). */
export class WebhookVerificationError extends JanuaError {}

/** 429 `RATE_LIMITED`: `retryAfter` seconds to wait (the `Retry-After` header, else `details.retryAfter`). */
export class RateLimitError extends JanuaError {
  readonly retryAfter?: number;
  readonly limit?: number;
  readonly remaining?: number;
  readonly resetAt?: Date;

  constructor(init: JanuaErrorInit) {
    super(init);
    const h = this.headers;
    this.retryAfter = parseRetryAfter(h['retry-after']) ?? num(this.details.retryAfter);
    this.limit = num(h['x-ratelimit-limit']) ?? num(this.details.limit);
    this.remaining = num(h['x-ratelimit-remaining']) ?? num(this.details.remaining);
    const reset = num(h['x-ratelimit-reset']);
    this.resetAt = reset !== undefined ? new Date(reset * 1000)
      : typeof this.details.resetTime === 'string' ? new Date(this.details.resetTime) : undefined;
  }
}

const num = (v: unknown): number | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** `Retry-After` in seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const n = num(value.trim());
  if (n !== undefined) return Math.max(0, n);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** The error type for an HTTP status, from the server's body when it is Janua's error shape. */
export function errorFromResponse(status: number, body: unknown, headers: Record<string, string>): JanuaError {
  const e = (body && typeof body === 'object' && 'error' in body && typeof (body as any).error === 'object')
    ? (body as { error: Record<string, unknown> }).error : undefined;
  const init: JanuaErrorInit = {
    message: typeof e?.message === 'string' ? e.message : `HTTP ${status}`,
    code: typeof e?.code === 'string' ? e.code : scimCode(body) ?? `HTTP_${status}`,
    statusCode: status,
    details: (e?.details && typeof e.details === 'object') ? e.details as Record<string, unknown> : {},
    requestId: (typeof e?.requestId === 'string' ? e.requestId : undefined) ?? headers['x-request-id'],
    timestamp: typeof e?.timestamp === 'string' ? e.timestamp : undefined,
    headers,
  };
  if (!e && body && typeof body === 'object' && typeof (body as any).detail === 'string') init.message = (body as any).detail;
  return new (errorClass(status))(init);
}

/** SCIM answers RFC 7644 errors (`scimType`); they keep that name as the code. */
function scimCode(body: unknown): string | undefined {
  const b = body as Record<string, unknown> | null;
  if (b && Array.isArray(b.schemas) && typeof b.scimType === 'string') return `SCIM_${b.scimType.toUpperCase()}`;
  return undefined;
}

function errorClass(status: number): new (init: JanuaErrorInit) => JanuaError {
  if (status === 400 || status === 422) return ValidationError;
  if (status === 401 || status === 423) return AuthenticationError;
  if (status === 403) return AuthorizationError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 410) return GoneError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return JanuaError;
}
