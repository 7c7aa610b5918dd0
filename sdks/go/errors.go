package janua

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Error is every error the SDK returns for a failed call (sdks/README.md §4): Janua's error body
// `{"error": {code, message, details, requestId, timestamp}}`, or a client-side failure (code
// NETWORK_ERROR, TIMEOUT, NOT_AUTHENTICATED). Use errors.As:
//
//	var e *janua.Error
//	if errors.As(err, &e) && e.Code == "INVALID_CREDENTIALS" { … }
type Error struct {
	// Code is the stable machine code (UPPER_SNAKE); branch on it, never on Message.
	Code string
	// Message is human-readable, localised by Config.Locale (Accept-Language).
	Message string
	// StatusCode is the HTTP status (0 when no answer came).
	StatusCode int
	// Details is error.details (never nil).
	Details map[string]interface{}
	// RequestID is error.requestId, else the X-Request-ID response header: quote it in bug reports.
	RequestID string
	Timestamp string
	// RetryAfter is set on 429 (and 503): how long to wait, from Retry-After or details.retryAfter.
	RetryAfter time.Duration
	Header     http.Header
	// Err is the underlying cause of a client-side failure.
	Err error
}

func (e *Error) Error() string {
	if e.RequestID != "" {
		return fmt.Sprintf("janua: %s (%d): %s [request %s]", e.Code, e.StatusCode, e.Message, e.RequestID)
	}
	return fmt.Sprintf("janua: %s (%d): %s", e.Code, e.StatusCode, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Kind groups statuses as the other SDKs' error subclasses do.
func (e *Error) IsValidation() bool { return e.StatusCode == 400 || e.StatusCode == 422 }
func (e *Error) IsAuthentication() bool {
	return e.StatusCode == 401 || e.StatusCode == 423 || e.Code == "NOT_AUTHENTICATED"
}
func (e *Error) IsAuthorization() bool { return e.StatusCode == 403 }
func (e *Error) IsNotFound() bool      { return e.StatusCode == 404 }
func (e *Error) IsConflict() bool      { return e.StatusCode == 409 }
func (e *Error) IsGone() bool          { return e.StatusCode == 410 }
func (e *Error) IsRateLimited() bool   { return e.StatusCode == 429 }
func (e *Error) IsServer() bool        { return e.StatusCode >= 500 }
func (e *Error) IsNetwork() bool       { return e.Code == "NETWORK_ERROR" || e.Code == "TIMEOUT" }

func errorFromResponse(res *http.Response, body []byte) *Error {
	e := &Error{StatusCode: res.StatusCode, Header: res.Header, Details: map[string]interface{}{}}
	var envelope struct {
		Error *struct {
			Code      string                 `json:"code"`
			Message   string                 `json:"message"`
			Details   map[string]interface{} `json:"details"`
			RequestID string                 `json:"requestId"`
			Timestamp string                 `json:"timestamp"`
		} `json:"error"`
		// SCIM (RFC 7644) errors
		Detail   string `json:"detail"`
		ScimType string `json:"scimType"`
	}
	if json.Unmarshal(body, &envelope) == nil && envelope.Error != nil {
		e.Code, e.Message, e.RequestID, e.Timestamp = envelope.Error.Code, envelope.Error.Message, envelope.Error.RequestID, envelope.Error.Timestamp
		if envelope.Error.Details != nil {
			e.Details = envelope.Error.Details
		}
	} else if envelope.ScimType != "" || envelope.Detail != "" {
		e.Message = envelope.Detail
		if envelope.ScimType != "" {
			e.Code = "SCIM_" + strings.ToUpper(envelope.ScimType)
		}
	}
	if e.Code == "" {
		e.Code = fmt.Sprintf("HTTP_%d", res.StatusCode)
	}
	if e.Message == "" {
		e.Message = http.StatusText(res.StatusCode)
	}
	if e.RequestID == "" {
		e.RequestID = res.Header.Get("X-Request-ID")
	}
	if d, ok := parseRetryAfter(res.Header.Get("Retry-After")); ok {
		e.RetryAfter = d
	} else if v, ok := e.Details["retryAfter"].(float64); ok {
		e.RetryAfter = time.Duration(v * float64(time.Second))
	}
	return e
}

// parseRetryAfter reads delta-seconds or an HTTP date (RFC 9110 §10.2.3).
func parseRetryAfter(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		if n < 0 {
			n = 0
		}
		return time.Duration(n * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := time.Until(t)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

func notAuthenticated(msg string) *Error {
	return &Error{Code: "NOT_AUTHENTICATED", Message: msg, Details: map[string]interface{}{}}
}
