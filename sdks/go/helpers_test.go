package janua_test

// Shared by the suite: the server under test (scripts/test-sdk-go.sh starts it and sets
// JANUA_TEST_BASE_URL), fresh identities, the dev mailbox, TOTP codes computed here (RFC 6238).

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	janua "github.com/janua-dev/janua/sdks/go"
)

const password = "correct horse battery staple"

var ctx = context.Background()

func baseURL() string {
	if u := os.Getenv("JANUA_TEST_BASE_URL"); u != "" {
		return u
	}
	return "http://127.0.0.1:8000"
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

var adminEmail = env("JANUA_ADMIN_EMAIL", "sdk-admin@janua.test")
var adminPassword = env("JANUA_ADMIN_PASSWORD", "sdk admin passphrase 42")

func uniqueEmail(tag string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("go-%s-%d-%s@example.com", tag, time.Now().UnixNano(), hex.EncodeToString(b))
}

func newClient(cfg *janua.Config) *janua.Client {
	c := janua.Config{}
	if cfg != nil {
		c = *cfg
	}
	c.BaseURL = baseURL()
	return janua.NewClient(&c)
}

func signedUp(t *testing.T, tag string) (*janua.Client, string, *janua.SignInResponse) {
	t.Helper()
	c := newClient(nil)
	email := uniqueEmail(tag)
	r, err := c.Auth.SignUp(ctx, &janua.SignUpRequest{Email: email, Password: password, FirstName: "Ada", LastName: "Lovelace"})
	must(t, err)
	return c, email, r
}

func admin(t *testing.T) *janua.Client {
	t.Helper()
	c := newClient(nil)
	_, err := c.Auth.SignIn(ctx, &janua.SignInRequest{Email: adminEmail, Password: adminPassword})
	must(t, err)
	return c
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func check(t *testing.T, ok bool, format string, args ...interface{}) {
	t.Helper()
	if !ok {
		t.Fatalf(format, args...)
	}
}

// janErr asserts err is a *janua.Error with the code and returns it.
func janErr(t *testing.T, err error, code string) *janua.Error {
	t.Helper()
	e, ok := err.(*janua.Error)
	if !ok {
		t.Fatalf("want *janua.Error %s, got %T %v", code, err, err)
	}
	if e.Code != code {
		t.Fatalf("want %s, got %s (%s)", code, e.Code, e.Message)
	}
	return e
}

// mail polls the dev mailbox for the newest message to email whose subject matches.
func mail(t *testing.T, c *janua.Client, email string, subject *regexp.Regexp) janua.EmailMessage {
	t.Helper()
	for i := 0; i < 50; i++ {
		msgs, err := c.Dev.Mailbox(ctx, email)
		must(t, err)
		for _, m := range msgs {
			if subject.MatchString(m.Subject) {
				return m
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no mail to %s matching %s", email, subject)
	return janua.EmailMessage{}
}

func tokenIn(t *testing.T, body, prefix string) string {
	t.Helper()
	m := regexp.MustCompile(`\b` + prefix + `[A-Za-z0-9_-]+`).FindString(body)
	check(t, m != "", "no %s token in %q", prefix, body)
	return m
}

// totp is RFC 6238 (SHA-1, 6 digits, 30 s) of a base32 secret at time at.
func totp(secret string, at time.Time) string {
	key, _ := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.TrimRight(strings.ToUpper(secret), "="))
	var counter [8]byte
	binary.BigEndian.PutUint64(counter[:], uint64(at.Unix()/30))
	mac := hmac.New(sha1.New, key)
	mac.Write(counter[:])
	h := mac.Sum(nil)
	o := h[len(h)-1] & 0xf
	n := binary.BigEndian.Uint32(h[o:o+4]) & 0x7fffffff
	return fmt.Sprintf("%06d", n%1000000)
}

// countingTransport counts requests per path; the real transport does the work.
type countingTransport struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	if c.counts == nil {
		c.counts = map[string]int{}
	}
	c.counts[r.URL.Path]++
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func (c *countingTransport) count(path string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[path]
}
