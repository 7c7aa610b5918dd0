import type { RequestOptions } from './core.js';
import { WebhookVerificationError } from './errors.js';
import type { PagePromise } from './pagination.js';
import { Namespace, type ListParams } from './resources.js';
import type * as M from './models.gen.js';

/** The JSON body of every delivery (docs/webhooks.md). */
export interface WebhookEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  data: T;
  previousData?: Record<string, unknown> | null;
  organizationId?: string | null;
  timestamp: string;
  apiVersion?: string;
  [key: string]: unknown;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined> | Map<string, string>;

const encoder = new TextEncoder();

async function subtle(): Promise<SubtleCrypto> {
  if (globalThis.crypto?.subtle) return globalThis.crypto.subtle;
  // Node 18 without the global: the same Web Crypto from node:crypto (kept out of browser bundles).
  const name = 'node:crypto';
  const mod = await import(/* @vite-ignore */ /* webpackIgnore: true */ name);
  return (mod.webcrypto as Crypto).subtle;
}

async function hmac(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  // copies typed as ArrayBuffer-backed, which the DOM typings of Web Crypto ask for
  const s = await subtle();
  const k = await s.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await s.sign('HMAC', k, new Uint8Array(message)));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) { out.set(p, i); i += p.length; }
  return out;
}

/** Equal in time independent of where the bytes differ. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function base64ToBytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToBase64(b: Uint8Array): string {
  let bin = '';
  for (const x of b) bin += String.fromCharCode(x);
  return btoa(bin);
}

const asBytes = (payload: string | Uint8Array | ArrayBuffer) =>
  typeof payload === 'string' ? encoder.encode(payload) : payload instanceof Uint8Array ? payload : new Uint8Array(payload);

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [k, v] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}

/** The Standard Webhooks key: the base64 after `whsec_`; any other secret keys with its UTF-8 bytes. */
function standardKey(secret: string): Uint8Array {
  if (secret.startsWith('whsec_')) {
    try { return base64ToBytes(secret.slice(6)); } catch { /* not base64: the bytes of the string */ }
  }
  return encoder.encode(secret);
}

/**
 * Checks `X-Janua-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. Pass the
 * `X-Janua-Timestamp` header as `timestamp`; without it (seed 003's three-argument form) the
 * signature is accepted only if it matches some second within `tolerance` of now.
 */
export async function validateWebhookSignature(payload: string | Uint8Array | ArrayBuffer, signature: string, secret: string,
                                               timestamp?: string | number, tolerance = 300): Promise<boolean> {
  const body = asBytes(payload);
  const given = encoder.encode(signature.trim());
  const key = encoder.encode(secret);
  const matches = async (ts: string) =>
    timingSafeEqual(given, encoder.encode(`sha256=${hex(await hmac(key, concat(encoder.encode(`${ts}.`), body)))}`));
  const now = Math.floor(Date.now() / 1000);
  if (timestamp !== undefined && timestamp !== '') {
    const ts = Number(timestamp);
    if (!Number.isFinite(ts) || Math.abs(now - ts) > tolerance) return false;
    return matches(String(timestamp));
  }
  for (let d = 0; d <= tolerance; d++) {
    if (await matches(String(now - d))) return true;
    if (d > 0 && await matches(String(now + d))) return true;
  }
  return false;
}

/**
 * Verifies a delivery and returns its event: the Standard Webhooks signature (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`, any of the space-separated `v1,` signatures during a
 * rotation) when present, else `X-Janua-Signature`. Refuses timestamps more than `tolerance` seconds
 * from now. `payload` must be the raw body as received, not re-serialised JSON.
 */
export async function verifyWebhook<T = Record<string, unknown>>(payload: string | Uint8Array | ArrayBuffer, headers: HeaderBag,
                                                                 secret: string, tolerance = 300): Promise<WebhookEvent<T>> {
  const body = asBytes(payload);
  const fail = (message: string, reason: string) =>
    new WebhookVerificationError({ message, code: 'WEBHOOK_VERIFICATION_FAILED', details: { reason } });
  const id = header(headers, 'webhook-id');
  const stdTimestamp = header(headers, 'webhook-timestamp');
  const stdSignature = header(headers, 'webhook-signature');
  const now = Math.floor(Date.now() / 1000);
  if (id && stdTimestamp && stdSignature) {
    const ts = Number(stdTimestamp);
    if (!Number.isFinite(ts)) throw fail('webhook-timestamp is not a number', 'bad_timestamp');
    if (Math.abs(now - ts) > tolerance) throw fail('Webhook timestamp outside the tolerance (replay?)', 'timestamp_out_of_range');
    const expected = encoder.encode(bytesToBase64(await hmac(standardKey(secret), concat(encoder.encode(`${id}.${stdTimestamp}.`), body))));
    const ok = stdSignature.split(' ').some((s) => {
      const [version, sig] = s.split(',', 2);
      return version === 'v1' && sig !== undefined && timingSafeEqual(encoder.encode(sig), expected);
    });
    if (!ok) throw fail('No webhook-signature matches the payload and secret', 'signature_mismatch');
  } else {
    const signature = header(headers, 'x-janua-signature');
    const timestamp = header(headers, 'x-janua-timestamp');
    if (!signature || !timestamp) throw fail('No webhook signature headers', 'missing_headers');
    const ts = Number(timestamp);
    if (!Number.isFinite(ts) || Math.abs(now - ts) > tolerance) throw fail('Webhook timestamp outside the tolerance (replay?)', 'timestamp_out_of_range');
    if (!(await validateWebhookSignature(body, signature, secret, timestamp, tolerance))) {
      throw fail('X-Janua-Signature does not match the payload and secret', 'signature_mismatch');
    }
  }
  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent<T>;
  } catch {
    throw fail('The payload is not JSON', 'invalid_json');
  }
}

/** Webhook endpoints (platform admins) and the signature helpers. */
export class Webhooks extends Namespace {
  /** `secret` is in this answer (and `getSecret`) only. */
  createEndpoint(body: M.EndpointRequest, ro?: RequestOptions): Promise<M.EndpointView> { return this.call('webhooks.createEndpoint', { body }, ro); }
  listEndpoints(params: ListParams = {}, ro?: RequestOptions): PagePromise<M.EndpointView> { return this.paged('webhooks.listEndpoints', {}, { ...params }, ro); }
  getEndpoint(webhookId: string, ro?: RequestOptions): Promise<M.EndpointView> { return this.call('webhooks.getEndpoint', { params: { webhookId } }, ro); }
  updateEndpoint(webhookId: string, body: M.EndpointRequest, ro?: RequestOptions): Promise<M.EndpointView> { return this.call('webhooks.updateEndpoint', { params: { webhookId }, body }, ro); }
  /** `PUT`: `url` and `events` required, other fields reset to their defaults when absent. */
  replaceEndpoint(webhookId: string, body: M.EndpointRequest, ro?: RequestOptions): Promise<M.EndpointView> { return this.call('webhooks.replaceEndpoint', { params: { webhookId }, body }, ro); }
  deleteEndpoint(webhookId: string, ro?: RequestOptions): Promise<void> { return this.call('webhooks.deleteEndpoint', { params: { webhookId } }, ro); }
  /** A new secret (or `{secret}`); the old one keeps signing for 24 h. */
  rotateSecret(webhookId: string, body: M.SecretRequest = {}, ro?: RequestOptions): Promise<M.SecretView> { return this.call('webhooks.rotateSecret', { params: { webhookId }, body }, ro); }
  getSecret(webhookId: string, ro?: RequestOptions): Promise<M.SecretView> { return this.call('webhooks.getSecret', { params: { webhookId } }, ro); }
  /** Sends a `webhook.test` event now; answers the delivery with its outcome. */
  testEndpoint(webhookId: string, ro?: RequestOptions): Promise<M.DeliveryView> { return this.call('webhooks.testEndpoint', { params: { webhookId } }, ro); }
  listDeliveries(webhookId: string, params: ListParams & { status?: string } = {}, ro?: RequestOptions): PagePromise<M.DeliveryView> {
    return this.paged('webhooks.listDeliveries', { webhookId }, { ...params }, ro);
  }
  getDelivery(webhookId: string, deliveryId: string, ro?: RequestOptions): Promise<M.DeliveryView> { return this.call('webhooks.getDelivery', { params: { webhookId, deliveryId } }, ro); }
  /** Sends a delivery again with the same `webhook-id`. */
  redeliver(webhookId: string, deliveryId: string, ro?: RequestOptions): Promise<M.DeliveryView> { return this.call('webhooks.redeliver', { params: { webhookId, deliveryId } }, ro); }
  listEventTypes(ro?: RequestOptions): Promise<M.Entry[]> { return this.call('webhooks.listEventTypes', {}, ro); }

  /** See {@link verifyWebhook}. */
  verify<T = Record<string, unknown>>(payload: string | Uint8Array | ArrayBuffer, headers: HeaderBag, secret: string, tolerance = 300) {
    return verifyWebhook<T>(payload, headers, secret, tolerance);
  }
  /** See {@link validateWebhookSignature}. */
  validateSignature(payload: string | Uint8Array | ArrayBuffer, signature: string, secret: string, timestamp?: string | number, tolerance = 300) {
    return validateWebhookSignature(payload, signature, secret, timestamp, tolerance);
  }
}
