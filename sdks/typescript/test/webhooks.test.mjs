import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { WebhookVerificationError, validateWebhookSignature, verifyWebhook } from '../dist/esm/index.js';
import { admin, signedUp } from './helpers.mjs';

/** A local receiver: collects each delivery's raw body and headers. */
async function receiver() {
  const received = [];
  const waiters = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(204).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const until = async (predicate, ms = 15_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = received.find(predicate);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error('no matching delivery');
      await new Promise((r) => { waiters.push(r); setTimeout(r, 200); });
    }
  };
  return { url: `http://127.0.0.1:${server.address().port}/hooks`, received, until, close: () => server.close() };
}

test('webhooks: a local receiver verifies real deliveries with the SDK helper', async () => {
  const janua = await admin();
  const hook = await receiver();
  try {
    const endpoint = await janua.webhooks.createEndpoint({ url: hook.url, events: ['user.created', 'webhook.test'], description: 'SDK test' });
    assert.match(endpoint.id, /^wh_/);
    assert.match(endpoint.secret, /^whsec_/);
    const { secret } = await janua.webhooks.getSecret(endpoint.id);
    assert.equal(secret, endpoint.secret);

    const { user } = await signedUp('hooked');
    const delivery = await hook.until((d) => d.body.includes(user.id));
    const event = await verifyWebhook(delivery.body, delivery.headers, secret);
    assert.equal(event.type, 'user.created');
    assert.equal(event.data.user.id, user.id);
    assert.match(delivery.headers['webhook-id'], /^msg_/);

    // the seed's signature alone (X-Janua-Signature), with and without the timestamp
    const raw = delivery.body.toString('utf8');
    assert.equal(await validateWebhookSignature(raw, delivery.headers['x-janua-signature'], secret, delivery.headers['x-janua-timestamp']), true);
    assert.equal(await janua.webhooks.validateSignature(raw, delivery.headers['x-janua-signature'], secret), true);
    const seedOnly = { 'x-janua-signature': delivery.headers['x-janua-signature'], 'x-janua-timestamp': delivery.headers['x-janua-timestamp'] };
    assert.equal((await verifyWebhook(raw, seedOnly, secret)).id, event.id);

    // tampering, a wrong secret, an old timestamp: refused
    await assert.rejects(verifyWebhook(raw.replace(user.id, 'usr_someoneelse'), delivery.headers, secret), WebhookVerificationError);
    await assert.rejects(verifyWebhook(raw, delivery.headers, 'whsec_' + Buffer.from('another secret').toString('base64')), WebhookVerificationError);
    await assert.rejects(verifyWebhook(raw, delivery.headers, secret, -1), (e) => e.details.reason === 'timestamp_out_of_range');
    assert.equal(await validateWebhookSignature(raw + ' ', delivery.headers['x-janua-signature'], secret, delivery.headers['x-janua-timestamp']), false);

    // test delivery, delivery log, redelivery with the same webhook-id
    const tested = await janua.webhooks.testEndpoint(endpoint.id);
    assert.equal(tested.success, true);
    const log = await janua.webhooks.listDeliveries(endpoint.id);
    const first = log.data.find((d) => d.eventType === 'user.created' && d.payload?.includes(user.id)) ?? log.data.at(-1);
    assert.ok(first.id);
    assert.ok((await janua.webhooks.getDelivery(endpoint.id, first.id)).attemptLog.length >= 1);
    await janua.webhooks.redeliver(endpoint.id, first.id);
    await hook.until((d) => d.headers['webhook-id'] === first.id && d !== hook.received.find((x) => x.headers['webhook-id'] === first.id));

    // rotation: both secrets sign for a while; the new one verifies
    const rotated = await janua.webhooks.rotateSecret(endpoint.id);
    await janua.webhooks.testEndpoint(endpoint.id);
    const afterRotation = hook.received.at(-1);
    assert.equal((await verifyWebhook(afterRotation.body, afterRotation.headers, rotated.secret)).type, 'webhook.test');

    assert.ok((await janua.webhooks.listEventTypes()).some((e) => e.type === 'user.created'));
    assert.equal((await janua.webhooks.updateEndpoint(endpoint.id, { active: false })).active, false);
    await janua.webhooks.deleteEndpoint(endpoint.id);
  } finally {
    hook.close();
  }
});

test('the Standard Webhooks known answer (SECURITY.md)', async () => {
  const headers = {
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  };
  const forever = Number.MAX_SAFE_INTEGER;
  const event = await verifyWebhook('{"test": 2432232314}', headers, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', forever);
  assert.equal(event.test, 2432232314);
  // with the default tolerance the 2021 timestamp is a replay
  await assert.rejects(verifyWebhook('{"test": 2432232314}', headers, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), WebhookVerificationError);
});
