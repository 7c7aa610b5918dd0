package janua_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	janua "github.com/janua-dev/janua/sdks/go"
)

func TestSignUpSignInProfileAndSignOut(t *testing.T) {
	c, email, r := signedUp(t, "auth")
	check(t, strings.HasPrefix(r.User.ID, "usr_") && r.Tokens.TokenType == "Bearer" && strings.HasPrefix(r.Session.ID, "sess_"), "%+v", r)
	check(t, r.RequiresEmailVerification, "verification due")
	s, err := c.Session(ctx)
	must(t, err)
	check(t, s.SessionID == r.Session.ID && s.ExpiresAt.After(time.Now()), "session kept: %+v", s)

	me, err := c.Auth.GetCurrentUser(ctx)
	must(t, err)
	check(t, me.Email == email, "me %+v", me)
	u, err := c.Auth.UpdateProfile(ctx, &janua.ProfileUpdate{FirstName: "Grace", Timezone: "Europe/Paris"})
	must(t, err)
	check(t, u.FirstName == "Grace" && u.LastName == "Lovelace", "absent fields unchanged: %+v", u)

	// email verification with the mailed token
	token := tokenIn(t, mail(t, c, email, regexp.MustCompile(`(?i)verify`)).Body, "evt_")
	v, err := c.Auth.VerifyEmail(ctx, token)
	must(t, err)
	check(t, v.EmailVerified, "verified")

	old, _ := c.Session(ctx)
	must(t, c.Auth.SignOut(ctx))
	s, _ = c.Session(ctx)
	check(t, s == nil, "session forgotten")
	_, err = c.Auth.GetCurrentUser(ctx)
	janErr(t, err, "NOT_AUTHENTICATED")
	other := newClient(nil)
	must(t, other.SetSession(ctx, &janua.Session{AccessToken: old.AccessToken}))
	_, err = other.Auth.GetCurrentUser(ctx)
	check(t, janErr(t, err, "SESSION_EXPIRED").IsAuthentication(), "401")

	// sign in again, change the password, reset it with the mailed token
	_, err = c.Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: password})
	must(t, err)
	_, err = c.Auth.ChangePassword(ctx, &janua.ChangePasswordRequest{CurrentPassword: password, NewPassword: "a brand new passphrase 7"})
	must(t, err)
	_, err = c.Auth.RequestPasswordReset(ctx, email)
	must(t, err)
	reset := tokenIn(t, mail(t, c, email, regexp.MustCompile(`(?i)reset`)).Body, "prt_")
	_, err = c.Auth.ResetPassword(ctx, &janua.ResetPasswordRequest{Token: reset, NewPassword: "the third passphrase 9"})
	must(t, err)
	_, err = newClient(nil).Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: "the third passphrase 9"})
	must(t, err)
}

func TestErrorsCarryCodeDetailsAndRequestID(t *testing.T) {
	email := uniqueEmail("errors")
	c := newClient(&janua.Config{Locale: "de"})
	_, err := c.Auth.SignUp(ctx, &janua.SignUpRequest{Email: email, Password: password})
	must(t, err)

	_, err = c.Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: "not the password"})
	var e *janua.Error
	check(t, errors.As(err, &e), "errors.As works: %T", err)
	check(t, e.Code == "INVALID_CREDENTIALS" && e.StatusCode == 401 && e.IsAuthentication(), "%+v", e)
	check(t, strings.HasPrefix(e.RequestID, "req_") && e.Timestamp != "", "request id %q", e.RequestID)
	_, ok := e.Details["attempts_remaining"].(float64)
	check(t, ok, "details %v", e.Details)
	check(t, e.Message != "Invalid email or password", "localised: %s", e.Message)

	_, err = newClient(nil).Auth.SignUp(ctx, &janua.SignUpRequest{Email: uniqueEmail("weak"), Password: "password"})
	check(t, janErr(t, err, "WEAK_PASSWORD").IsValidation(), "422")
	_, err = newClient(nil).Auth.SignUp(ctx, &janua.SignUpRequest{Email: email, Password: password})
	check(t, janErr(t, err, "EMAIL_ALREADY_EXISTS").IsConflict(), "409")
	_, err = c.Organizations.Get(ctx, "org_doesnotexist", janua.WithHeader("X-Request-ID", "req_gotest0123456789abcdefg"))
	nf := janErr(t, err, "ORGANIZATION_NOT_FOUND")
	check(t, nf.IsNotFound() && nf.RequestID == "req_gotest0123456789abcdefg", "%+v", nf)
	_, err = newClient(nil).MFA.GetStatus(ctx)
	janErr(t, err, "NOT_AUTHENTICATED")
}

func TestRateLimitRetryAfter(t *testing.T) {
	email := uniqueEmail("limited")
	// The suite's server allows 2 reset requests per email per 4 s (scripts/sdk-test-env.sh).
	noRetry := newClient(&janua.Config{NoRetries: true})
	for i := 0; i < 2; i++ {
		_, err := noRetry.Auth.RequestPasswordReset(ctx, email)
		must(t, err)
	}
	_, err := noRetry.Auth.RequestPasswordReset(ctx, email)
	e := janErr(t, err, "RATE_LIMITED")
	check(t, e.IsRateLimited() && e.RetryAfter > 0 && e.RetryAfter <= 4*time.Second, "retry after %s", e.RetryAfter)
	check(t, strings.HasPrefix(e.RequestID, "req_"), "request id")

	impatient := newClient(&janua.Config{MaxRetryAfter: time.Millisecond})
	started := time.Now()
	_, err = impatient.Auth.RequestPasswordReset(ctx, email)
	janErr(t, err, "RATE_LIMITED")
	check(t, time.Since(started) < time.Second, "not waited for")

	ack, err := newClient(nil).Auth.RequestPasswordReset(ctx, email)
	must(t, err)
	check(t, ack.Success, "retried after Retry-After")
}
