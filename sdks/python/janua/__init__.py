"""Janua Python SDK: ``JanuaClient`` (sync) and ``AsyncJanuaClient`` (async). See sdks/python/README.md."""
from ._version import __version__
from .client import AsyncJanuaClient, JanuaClient
from .exceptions import (AuthenticationError, AuthorizationError, ConflictError, GoneError, JanuaError, NetworkError,
                         NotFoundError, NotSupportedError, RateLimitError, ServerError, TimeoutError, ValidationError,
                         WebhookVerificationError)
from .pagination import AsyncPage, Page
from .utils import validate_webhook_signature, verify_webhook

__all__ = [
    "__version__", "JanuaClient", "AsyncJanuaClient", "Page", "AsyncPage", "validate_webhook_signature", "verify_webhook",
    "JanuaError", "ValidationError", "AuthenticationError", "AuthorizationError", "NotFoundError", "ConflictError",
    "GoneError", "RateLimitError", "ServerError", "NetworkError", "TimeoutError", "NotSupportedError",
    "WebhookVerificationError",
]
