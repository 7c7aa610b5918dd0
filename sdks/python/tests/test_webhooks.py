"""Webhooks: endpoints managed through the SDK; a real local receiver checks every delivery with the SDK's helpers."""
from __future__ import annotations

import time

import pytest

import support
from janua import JanuaClient
from janua.exceptions import AuthorizationError, WebhookVerificationError
from janua.types import WebhookEventType
from janua.utils import validate_webhook_signature, verify_webhook


@pytest.fixture(scope="module")
def receiver():
    r = support.WebhookReceiver()
    yield r
    r.close()


def test_endpoint_lifecycle_and_signed_deliveries(admin, receiver, base_url, user):
    endpoint = admin.webhooks.create_endpoint(url=receiver.url, events=[WebhookEventType.USER_CREATED, WebhookEventType.USER_UPDATED,
                                                                     WebhookEventType.WEBHOOK_TEST],
                                              description="SDK suite receiver")
    assert endpoint.id.startswith("wh_") and endpoint.signing_secret.startswith("whsec_") and endpoint.enabled is True
    secret = endpoint.signing_secret

    delivery = admin.webhooks.test_endpoint(endpoint.id)
    assert delivery.success is True and delivery.event_type == "webhook.test" and delivery.last_status_code == 204
    headers, body, event = receiver.wait_for(lambda e: e["type"] == "webhook.test")
    # seed 003's three-argument form, the form with the timestamp, and the full check of verify_webhook
    assert validate_webhook_signature(body, headers["X-Janua-Signature"], secret)
    assert validate_webhook_signature(body, headers["X-Janua-Signature"], secret, timestamp=headers["X-Janua-Timestamp"])
    assert verify_webhook(body, headers, secret).type == "webhook.test"
    assert not validate_webhook_signature(body + b" ", headers["X-Janua-Signature"], secret)
    assert not validate_webhook_signature(body, headers["X-Janua-Signature"], "whsec_" + "A" * 44)
    assert not validate_webhook_signature(body, headers["X-Janua-Signature"], secret,
                                          timestamp=int(headers["X-Janua-Timestamp"]) - 3600)
    with pytest.raises(WebhookVerificationError) as bad:
        verify_webhook(body.replace(b"webhook.test", b"webhook.tset"), headers, secret)
    assert bad.value.code == "INVALID_SIGNATURE"
    with pytest.raises(WebhookVerificationError) as replay:
        verify_webhook(body, headers, secret, now=time.time() + 3600)
    assert replay.value.code == "TIMESTAMP_OUT_OF_RANGE"

    # a real event: someone signs up
    c = JanuaClient(base_url=base_url)
    email = support.email("hooked")
    c.auth.sign_up(email=email, password=support.PASSWORD)
    headers, body, event = receiver.wait_for(lambda e: e["type"] == "user.created" and e["data"]["user"]["email"] == email)
    received = verify_webhook(body, headers, secret)
    assert received.id.startswith("evt_") and received.data["user"]["email"] == email
    assert headers["X-Janua-Event"] == "user.created" and headers["webhook-id"] == headers["X-Janua-Delivery"]

    # rotation: the new secret signs; during the overlap Standard Webhooks carries both signatures
    rotated = admin.webhooks.rotate_secret(endpoint.id)
    assert rotated.signing_secret != secret and rotated.id == endpoint.id and rotated.previous_secret_valid_until
    assert admin.webhooks.get_secret(endpoint.id) == rotated.signing_secret
    receiver.received.clear()
    admin.webhooks.test_endpoint(endpoint.id)
    headers, body, _ = receiver.wait_for(lambda e: e["type"] == "webhook.test")
    assert validate_webhook_signature(body, headers["X-Janua-Signature"], rotated.signing_secret)
    assert len(headers["webhook-signature"].split()) == 2
    assert verify_webhook(body, headers, secret).type == "webhook.test"  # the old secret still verifies (overlap)

    log = admin.webhooks.list_deliveries(endpoint.id, status="succeeded")
    assert len(log) >= 3 and all(d.status == "succeeded" for d in log)
    one = admin.webhooks.get_delivery(endpoint.id, log[0].id)
    assert one.attempt_log and one.payload
    assert admin.webhooks.redeliver(endpoint.id, log[0].id).id == log[0].id

    updated = admin.webhooks.update_endpoint(endpoint_id=endpoint.id, events=[WebhookEventType.USER_CREATED], enabled=False)
    assert updated.enabled is False and updated.events == ["user.created"]
    assert any(e.id == endpoint.id for e in admin.webhooks.list_endpoints())
    assert any(t["type"] == "user.created" for t in admin.webhooks.list_event_types())
    admin.webhooks.delete_endpoint(endpoint.id)

    plain, _, _ = user
    with pytest.raises(AuthorizationError) as e:
        plain.webhooks.list_endpoints()
    assert e.value.details["required"] == "platform_admin"
