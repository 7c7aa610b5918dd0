package janua_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	janua "github.com/janua-dev/janua/sdks/go"
)

func countingClient(t *testing.T) (*janua.Client, *countingTransport, *[]*janua.Session) {
	t.Helper()
	tr := &countingTransport{}
	var mu sync.Mutex
	var seen []*janua.Session
	c := newClient(&janua.Config{HTTPClient: &http.Client{Transport: tr}, OnTokens: func(s *janua.Session) {
		mu.Lock()
		seen = append(seen, s)
		mu.Unlock()
	}})
	_, err := c.Auth.SignUp(ctx, &janua.SignUpRequest{Email: uniqueEmail("refresh"), Password: password})
	must(t, err)
	return c, tr, &seen
}

func TestTwoConcurrentCallersShareOneRefresh(t *testing.T) {
	c, tr, seen := countingClient(t)
	before, _ := c.Session(ctx)
	expiring := *before
	expiring.ExpiresAt = time.Now().Add(5 * time.Second) // inside the 30 s margin
	must(t, c.SetSession(ctx, &expiring))

	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Add(2)
	go func() { defer wg.Done(); _, errs[0] = c.Auth.GetCurrentUser(ctx) }()
	go func() { defer wg.Done(); _, errs[1] = c.Sessions.GetCurrent(ctx) }()
	wg.Wait()
	must(t, errs[0])
	must(t, errs[1])
	check(t, tr.count("/api/v1/auth/refresh") == 1, "one refresh, got %d", tr.count("/api/v1/auth/refresh"))
	after, _ := c.Session(ctx)
	check(t, after.RefreshToken != before.RefreshToken && after.AccessToken != before.AccessToken, "rotated")
	check(t, after.SessionID == before.SessionID, "same session")
	last := (*seen)[len(*seen)-1]
	check(t, last.RefreshToken == after.RefreshToken, "OnTokens told")
}

func TestRefusedAccessTokenRefreshesOnceForManyCallers(t *testing.T) {
	c, tr, _ := countingClient(t)
	s, _ := c.Session(ctx)
	broken := *s
	broken.AccessToken = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.broken"
	broken.ExpiresAt = time.Now().Add(time.Hour)
	must(t, c.SetSession(ctx, &broken))
	var wg sync.WaitGroup
	errs := make([]error, 3)
	wg.Add(3)
	go func() { defer wg.Done(); _, errs[0] = c.Auth.GetCurrentUser(ctx) }()
	go func() { defer wg.Done(); _, errs[1] = c.MFA.GetStatus(ctx) }()
	go func() { defer wg.Done(); _, errs[2] = c.Sessions.List(ctx, nil) }()
	wg.Wait()
	for _, err := range errs {
		must(t, err)
	}
	check(t, tr.count("/api/v1/auth/refresh") == 1, "one refresh, got %d", tr.count("/api/v1/auth/refresh"))
}

func TestRevokedSessionCannotRefresh(t *testing.T) {
	c, email, _ := signedUp(t, "revoked")
	other := newClient(nil)
	_, err := other.Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: password})
	must(t, err)
	_, err = other.Sessions.RevokeOther(ctx)
	must(t, err)
	s, _ := c.Session(ctx)
	s.ExpiresAt = time.Now()
	must(t, c.SetSession(ctx, s))
	_, err = c.Auth.GetCurrentUser(ctx)
	e, ok := err.(*janua.Error)
	check(t, ok && e.IsAuthentication(), "authentication error: %v", err)
	gone, _ := c.Session(ctx)
	check(t, gone == nil, "session forgotten")
}
