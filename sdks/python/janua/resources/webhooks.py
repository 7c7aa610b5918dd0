"""``client.webhooks``: endpoints, secrets, test sends, delivery logs (platform admins)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .._resource import Resource, body, call
from ..pagination import list_call
from ..types import WebhookDelivery, WebhookEndpoint


class Webhooks(Resource):
    def create_endpoint(self, url: str, events: List[Any], description: Optional[str] = None, secret: Optional[str] = None,
                        enabled: Optional[bool] = None, organization_id: Optional[str] = None) -> WebhookEndpoint:
        """Subscribe ``url`` to ``events`` (names, ``prefix.*`` or ``*``). ``signing_secret`` is in this answer only
        (later: ``get_secret``)."""
        b = body(url=url, events=list(events), description=description, secret=secret, active=enabled,
                 organization_id=organization_id)
        return self._run(call("webhooks.create", json=b, parse=WebhookEndpoint.from_dict))

    def list_endpoints(self, limit: Optional[int] = None, cursor: Optional[str] = None, page: Optional[int] = None):
        return self._run(list_call(self._client, lambda cur, pg: call("webhooks.list", params={"limit": limit, "cursor": cur, "page": pg}),
                                   WebhookEndpoint, cursor=cursor, page=page))

    def get_endpoint(self, endpoint_id: str) -> WebhookEndpoint:
        return self._run(call("webhooks.get", path_params={"endpoint_id": endpoint_id}, parse=WebhookEndpoint.from_dict))

    def update_endpoint(self, endpoint_id: str, url: Optional[str] = None, events: Optional[List[Any]] = None,
                        description: Optional[str] = None, enabled: Optional[bool] = None,
                        organization_id: Optional[str] = None) -> WebhookEndpoint:
        """Change some fields; ``enabled=False`` disables (deliveries wait), ``True`` re-enables."""
        b = body(url=url, events=list(events) if events is not None else None, description=description, active=enabled,
                 organization_id=organization_id)
        return self._run(call("webhooks.update", path_params={"endpoint_id": endpoint_id}, json=b, parse=WebhookEndpoint.from_dict))

    def delete_endpoint(self, endpoint_id: str) -> None:
        return self._run(call("webhooks.delete", path_params={"endpoint_id": endpoint_id}, parse=lambda d: None))

    def rotate_secret(self, endpoint_id: str, secret: Optional[str] = None) -> WebhookEndpoint:
        """A new signing secret (the old one keeps signing for 24 h); returns the endpoint with ``signing_secret``."""
        def then_read(rotated: Dict[str, Any]):
            def merge(d: Dict[str, Any]) -> WebhookEndpoint:
                return WebhookEndpoint.from_dict({**d, "secret": rotated.get("secret"),
                                                  "previousSecretValidUntil": rotated.get("previousSecretValidUntil")})
            return call("webhooks.get", path_params={"endpoint_id": endpoint_id}, parse=merge)
        return self._run(call("webhooks.rotate_secret", path_params={"endpoint_id": endpoint_id},
                              json=body(secret=secret) or None, parse=then_read))

    def get_secret(self, endpoint_id: str) -> str:
        return self._run(call("webhooks.secret", path_params={"endpoint_id": endpoint_id}, parse=lambda d: d.get("secret")))

    def test_endpoint(self, endpoint_id: str) -> WebhookDelivery:
        """Send a ``webhook.test`` event now; the answer is the delivery with its outcome (no retries)."""
        return self._run(call("webhooks.test", path_params={"endpoint_id": endpoint_id}, parse=WebhookDelivery.from_dict))

    def list_deliveries(self, endpoint_id: str, status: Optional[str] = None, limit: Optional[int] = None,
                        cursor: Optional[str] = None, page: Optional[int] = None):
        params = {"status": status, "limit": limit}
        return self._run(list_call(
            self._client,
            lambda cur, pg: call("webhooks.deliveries", path_params={"endpoint_id": endpoint_id}, params={**params, "cursor": cur, "page": pg}),
            WebhookDelivery, cursor=cursor, page=page))

    def get_delivery(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery:
        return self._run(call("webhooks.delivery", path_params={"endpoint_id": endpoint_id, "delivery_id": delivery_id},
                              parse=WebhookDelivery.from_dict))

    def redeliver(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery:
        """Send again with the same ``webhook-id`` (receivers deduplicate on it)."""
        return self._run(call("webhooks.redeliver", path_params={"endpoint_id": endpoint_id, "delivery_id": delivery_id},
                              parse=WebhookDelivery.from_dict))

    def list_event_types(self) -> List[Dict[str, Any]]:
        return self._run(call("webhooks.events"))
