package janua

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// WebhookEvent is the JSON body of every delivery (docs/webhooks.md).
type WebhookEvent struct {
	ID             string                 `json:"id"`
	Type           string                 `json:"type"`
	Data           map[string]interface{} `json:"data"`
	PreviousData   map[string]interface{} `json:"previousData,omitempty"`
	OrganizationID string                 `json:"organizationId,omitempty"`
	Timestamp      string                 `json:"timestamp"`
	APIVersion     string                 `json:"apiVersion,omitempty"`
	// Raw is the verified body, for fields this type does not name.
	Raw json.RawMessage `json:"-"`
}

// DefaultWebhookTolerance is how far a delivery's timestamp may be from now (replay window).
const DefaultWebhookTolerance = 5 * time.Minute

// WebhookVerificationError says why a delivery was refused (Reason: missing_headers,
// bad_timestamp, timestamp_out_of_range, signature_mismatch, invalid_json).
type WebhookVerificationError struct{ Reason string }

func (e *WebhookVerificationError) Error() string {
	return "janua: webhook verification failed: " + e.Reason
}

// VerifyWebhook checks a delivery and returns its event: the Standard Webhooks signature
// (webhook-id, webhook-timestamp, webhook-signature; any of the space-separated v1 signatures during
// a rotation) when present, else X-Janua-Signature; and refuses timestamps further than tolerance
// (0: DefaultWebhookTolerance) from now. payload must be the raw body as received.
func VerifyWebhook(payload []byte, header http.Header, secret string, tolerance time.Duration) (*WebhookEvent, error) {
	if tolerance == 0 {
		tolerance = DefaultWebhookTolerance
	}
	id, ts, sigs := header.Get("webhook-id"), header.Get("webhook-timestamp"), header.Get("webhook-signature")
	if id != "" && ts != "" && sigs != "" {
		if err := checkTimestamp(ts, tolerance); err != nil {
			return nil, err
		}
		mac := hmac.New(sha256.New, standardKey(secret))
		mac.Write([]byte(id + "." + ts + "."))
		mac.Write(payload)
		expected := []byte(base64.StdEncoding.EncodeToString(mac.Sum(nil)))
		ok := false
		for _, s := range strings.Fields(sigs) {
			if v, sig, found := strings.Cut(s, ","); found && v == "v1" && hmac.Equal([]byte(sig), expected) {
				ok = true
			}
		}
		if !ok {
			return nil, &WebhookVerificationError{"signature_mismatch"}
		}
	} else {
		sig, ts := header.Get("X-Janua-Signature"), header.Get("X-Janua-Timestamp")
		if sig == "" || ts == "" {
			return nil, &WebhookVerificationError{"missing_headers"}
		}
		if err := checkTimestamp(ts, tolerance); err != nil {
			return nil, err
		}
		if !ValidateWebhookSignature(payload, sig, secret, ts, tolerance) {
			return nil, &WebhookVerificationError{"signature_mismatch"}
		}
	}
	var event WebhookEvent
	if err := json.Unmarshal(payload, &event); err != nil {
		return nil, &WebhookVerificationError{"invalid_json"}
	}
	event.Raw = append(json.RawMessage(nil), payload...)
	return &event, nil
}

// ValidateWebhookSignature checks X-Janua-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>.
// Pass X-Janua-Timestamp as timestamp; with "" (seed 003's three-argument form) the signature is
// accepted only if it matches a second within tolerance of now.
func ValidateWebhookSignature(payload []byte, signature, secret, timestamp string, tolerance time.Duration) bool {
	if tolerance == 0 {
		tolerance = DefaultWebhookTolerance
	}
	match := func(ts string) bool {
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write([]byte(ts + "."))
		mac.Write(payload)
		return hmac.Equal([]byte(strings.TrimSpace(signature)), []byte("sha256="+hex.EncodeToString(mac.Sum(nil))))
	}
	if timestamp != "" {
		return checkTimestamp(timestamp, tolerance) == nil && match(timestamp)
	}
	now := time.Now().Unix()
	for d := int64(0); d <= int64(tolerance/time.Second); d++ {
		if match(strconv.FormatInt(now-d, 10)) || (d > 0 && match(strconv.FormatInt(now+d, 10))) {
			return true
		}
	}
	return false
}

func checkTimestamp(ts string, tolerance time.Duration) error {
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return &WebhookVerificationError{"bad_timestamp"}
	}
	d := time.Since(time.Unix(n, 0))
	if d < 0 {
		d = -d
	}
	if d > tolerance {
		return &WebhookVerificationError{"timestamp_out_of_range"}
	}
	return nil
}

// standardKey is the Standard Webhooks key: the base64 after whsec_; any other secret keys with its bytes.
func standardKey(secret string) []byte {
	if strings.HasPrefix(secret, "whsec_") {
		if k, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_")); err == nil {
			return k
		}
	}
	return []byte(secret)
}
