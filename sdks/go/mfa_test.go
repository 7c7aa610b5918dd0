package janua_test

import (
	"strings"
	"testing"
	"time"

	janua "github.com/janua-dev/janua/sdks/go"
)

func TestTOTPEnrolmentAndSignInWithSecondFactor(t *testing.T) {
	c, email, _ := signedUp(t, "mfa")
	setup, err := c.MFA.SetupTOTP(ctx)
	must(t, err)
	check(t, strings.HasPrefix(setup.OtpauthURI, "otpauth://totp/") && len(setup.BackupCodes) == 10, "%+v", setup)
	v, err := c.MFA.VerifyTOTP(ctx, totp(setup.Secret, time.Now()))
	must(t, err)
	check(t, v.MFAEnabled, "enabled")

	fresh := newClient(nil)
	first, err := fresh.Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: password})
	must(t, err)
	check(t, first.RequiresMFA && strings.HasPrefix(first.MFAToken, "tmp_") && first.Tokens == nil, "%+v", first)
	s, _ := fresh.Session(ctx)
	check(t, s == nil, "no session before the second factor")

	_, err = fresh.MFA.VerifyChallenge(ctx, &janua.MfaSignInRequest{MFAToken: first.MFAToken, Code: "000000", Method: "totp"})
	check(t, janErr(t, err, "INVALID_MFA_CODE").IsAuthentication(), "401")
	// the enrolment spent this step; the next one is within the accepted ±1 step
	done, err := fresh.MFA.VerifyChallenge(ctx, &janua.MfaSignInRequest{MFAToken: first.MFAToken, Code: totp(setup.Secret, time.Now().Add(30*time.Second)), Method: "totp"})
	must(t, err)
	check(t, !done.RequiresMFA, "done")
	me, err := fresh.Auth.GetCurrentUser(ctx)
	must(t, err)
	check(t, me.Email == email && me.MFAEnabled, "%+v", me)

	st, err := fresh.MFA.GetStatus(ctx)
	must(t, err)
	check(t, st.Enabled && st.BackupCodes.Remaining == 10, "%+v", st)
	must(t, fresh.MFA.Disable(ctx, &janua.ReauthRequest{Password: password}))
	plain, err := newClient(nil).Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: password})
	must(t, err)
	check(t, !plain.RequiresMFA, "MFA off")
}
