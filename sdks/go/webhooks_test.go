package janua_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	janua "github.com/janua-dev/janua/sdks/go"
)

type delivery struct {
	body   []byte
	header http.Header
}

// receiver is a local HTTP endpoint that keeps every delivery.
type receiver struct {
	*httptest.Server
	mu  sync.Mutex
	got []delivery
}

func newReceiver() *receiver {
	r := &receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, delivery{b, req.Header.Clone()})
		r.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	return r
}

func (r *receiver) until(t *testing.T, match func(delivery) bool) delivery {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		for _, d := range r.got {
			if match(d) {
				r.mu.Unlock()
				return d
			}
		}
		r.mu.Unlock()
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("no matching delivery")
	return delivery{}
}

func TestWebhooksVerifiedByALocalReceiver(t *testing.T) {
	a := admin(t)
	rcv := newReceiver()
	defer rcv.Close()
	ep, err := a.Webhooks.CreateEndpoint(ctx, &janua.EndpointRequest{URL: rcv.URL + "/hooks", Events: []string{"user.created", "webhook.test"}, Description: "Go SDK test"})
	must(t, err)
	check(t, strings.HasPrefix(ep.ID, "wh_") && strings.HasPrefix(ep.Secret, "whsec_"), "%+v", ep)
	defer a.Webhooks.DeleteEndpoint(ctx, ep.ID)

	_, _, r := signedUp(t, "hooked")
	d := rcv.until(t, func(d delivery) bool { return strings.Contains(string(d.body), r.User.ID) })
	event, err := janua.VerifyWebhook(d.body, d.header, ep.Secret, 0)
	must(t, err)
	check(t, event.Type == "user.created" && event.Data["user"].(map[string]interface{})["id"] == r.User.ID, "%+v", event)

	// the seed's signature alone, with and without the timestamp
	check(t, janua.ValidateWebhookSignature(d.body, d.header.Get("X-Janua-Signature"), ep.Secret, d.header.Get("X-Janua-Timestamp"), 0), "with timestamp")
	check(t, janua.ValidateWebhookSignature(d.body, d.header.Get("X-Janua-Signature"), ep.Secret, "", 0), "three-argument form")
	seedOnly := http.Header{}
	seedOnly.Set("X-Janua-Signature", d.header.Get("X-Janua-Signature"))
	seedOnly.Set("X-Janua-Timestamp", d.header.Get("X-Janua-Timestamp"))
	_, err = janua.VerifyWebhook(d.body, seedOnly, ep.Secret, 0)
	must(t, err)

	// tampering, a wrong secret, a stale timestamp: refused
	var ve *janua.WebhookVerificationError
	_, err = janua.VerifyWebhook([]byte(strings.Replace(string(d.body), r.User.ID, "usr_other", 1)), d.header, ep.Secret, 0)
	check(t, errors.As(err, &ve) && ve.Reason == "signature_mismatch", "tampered: %v", err)
	_, err = janua.VerifyWebhook(d.body, d.header, "whsec_b3RoZXIgc2VjcmV0", 0)
	check(t, errors.As(err, &ve), "wrong secret: %v", err)
	_, err = janua.VerifyWebhook(d.body, d.header, ep.Secret, time.Nanosecond)
	check(t, errors.As(err, &ve) && ve.Reason == "timestamp_out_of_range", "replay window: %v", err)

	tested, err := a.Webhooks.TestEndpoint(ctx, ep.ID)
	must(t, err)
	check(t, tested.Success, "%+v", tested)
	log, err := a.Webhooks.ListDeliveries(ctx, ep.ID, nil, "")
	must(t, err)
	check(t, len(log.Data) >= 2, "deliveries %d", len(log.Data))
	got, err := a.Webhooks.GetDelivery(ctx, ep.ID, tested.ID)
	must(t, err)
	check(t, len(got.AttemptLog) >= 1, "attempts")
	_, err = a.Webhooks.Redeliver(ctx, ep.ID, tested.ID)
	must(t, err)
	n := 0
	rcv.until(t, func(d delivery) bool {
		if d.header.Get("webhook-id") == tested.ID {
			n++
		}
		return n >= 2
	})

	rot, err := a.Webhooks.RotateSecret(ctx, ep.ID, "")
	must(t, err)
	t2, err := a.Webhooks.TestEndpoint(ctx, ep.ID)
	must(t, err)
	d2 := rcv.until(t, func(d delivery) bool { return d.header.Get("webhook-id") == t2.ID })
	_, err = janua.VerifyWebhook(d2.body, d2.header, rot.Secret, 0)
	must(t, err)
	types, err := a.Webhooks.ListEventTypes(ctx)
	must(t, err)
	check(t, len(types) > 5, "catalogue")
}

func TestStandardWebhooksKnownAnswer(t *testing.T) {
	h := http.Header{}
	h.Set("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	h.Set("webhook-timestamp", "1614265330")
	h.Set("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	forever := time.Duration(1 << 62)
	_, err := janua.VerifyWebhook([]byte(`{"test": 2432232314}`), h, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", forever)
	must(t, err)
	_, err = janua.VerifyWebhook([]byte(`{"test": 2432232314}`), h, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 0)
	check(t, err != nil, "a 2021 timestamp is a replay today")
}
