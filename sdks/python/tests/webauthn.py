"""A software WebAuthn authenticator with ES256 keys: it answers Janua's options the way a browser's
``PublicKeyCredential.toJSON()`` would, so tests can play the browser's part of a passkey ceremony.
The Python twin of the server's server/src/test/java/dev/janua/server/passkeys/SoftAuthenticator.java
(attestation ``none``, flags UP|UV|BE|BS, discoverable credentials kept here with their user handle).

The few CBOR items WebAuthn needs (a map of text keys for the attestation object, the COSE EC2 key with
small integer keys) are written by hand: no CBOR library is packaged for Debian's python3 here.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from typing import Any, Dict, List, Optional

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

UP, UV, BE, BS, AT = 0x01, 0x04, 0x08, 0x10, 0x40


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    if n < 0x100:
        return bytes([major << 5 | 24, n])
    if n < 0x10000:
        return bytes([major << 5 | 25]) + struct.pack(">H", n)
    return bytes([major << 5 | 26]) + struct.pack(">I", n)


def cbor(value: Any) -> bytes:
    """CBOR (RFC 8949) of ints, text, bytes and maps: all an attestation object and a COSE key hold."""
    if isinstance(value, bool):
        raise TypeError("no booleans needed")
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode()
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, dict):
        return _cbor_head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(type(value))


class Credential:
    def __init__(self, cred_id: bytes, key: ec.EllipticCurvePrivateKey, user_handle: Optional[str]):
        self.id, self.key, self.user_handle, self.counter = cred_id, key, user_handle, 0

    @property
    def b64_id(self) -> str:
        return b64(self.id)


class SoftAuthenticator:
    def __init__(self, origin: str):
        self.origin = origin
        self.flags = UP | UV | BE | BS
        self.credentials: Dict[str, Credential] = {}

    def create(self, options: Dict[str, Any]) -> Dict[str, Any]:
        """``navigator.credentials.create({publicKey: options})``, then ``toJSON()``."""
        cred = Credential(os.urandom(32), ec.generate_private_key(ec.SECP256R1()), options["user"]["id"])
        self.credentials[cred.b64_id] = cred
        client_data = self._client_data("webauthn.create", options["challenge"])
        numbers = cred.key.public_key().public_numbers()
        cose = cbor({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})
        auth_data = (hashlib.sha256(options["rp"]["id"].encode()).digest() + bytes([self.flags | AT])
                     + struct.pack(">I", cred.counter) + bytes(16) + struct.pack(">H", len(cred.id)) + cred.id + cose)
        attestation = cbor({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return self._json(cred.id, {"clientDataJSON": b64(client_data), "attestationObject": b64(attestation),
                                    "transports": ["internal", "hybrid"]})

    def get(self, options: Dict[str, Any]) -> Dict[str, Any]:
        """``navigator.credentials.get({publicKey: options})`` with a credential held here, then ``toJSON()``."""
        cred = self._pick(options.get("allowCredentials") or [])
        cred.counter += 1
        client_data = self._client_data("webauthn.get", options["challenge"])
        auth_data = hashlib.sha256(options["rpId"].encode()).digest() + bytes([self.flags]) + struct.pack(">I", cred.counter)
        signature = cred.key.sign(auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return self._json(cred.id, {"clientDataJSON": b64(client_data), "authenticatorData": b64(auth_data),
                                    "signature": b64(signature), "userHandle": cred.user_handle})

    def _pick(self, allowed: List[Dict[str, Any]]) -> Credential:
        for entry in allowed:
            if entry["id"] in self.credentials:
                return self.credentials[entry["id"]]
        if allowed:
            raise LookupError("no allowed credential on this authenticator")
        return list(self.credentials.values())[-1]  # usernameless: the newest discoverable credential

    def _client_data(self, kind: str, challenge: str) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": self.origin, "crossOrigin": False},
                          separators=(",", ":")).encode()

    @staticmethod
    def _json(cred_id: bytes, response: Dict[str, Any]) -> Dict[str, Any]:
        return {"id": b64(cred_id), "rawId": b64(cred_id), "type": "public-key", "response": response,
                "authenticatorAttachment": "platform", "clientExtensionResults": {}}
