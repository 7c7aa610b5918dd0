package janua_test

import (
	"testing"

	janua "github.com/janua-dev/janua/sdks/go"
)

func TestSessionsListRevokeAndRevokeOthers(t *testing.T) {
	c, email, _ := signedUp(t, "sessions")
	safari := "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"
	laptop := newClient(&janua.Config{Headers: map[string]string{"User-Agent": safari}})
	_, err := laptop.Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: password})
	must(t, err)
	phone := newClient(nil)
	_, err = phone.Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: password})
	must(t, err)

	page, err := c.Sessions.List(ctx, &janua.ListParams{Limit: 2})
	must(t, err)
	check(t, len(page.Data) == 2 && page.HasMore(), "first page %+v", page.Pagination)
	all, err := page.All(ctx)
	must(t, err)
	check(t, len(all) == 3, "every page: %d", len(all))
	n, it := 0, page.Iter()
	for it.Next(ctx) {
		n++
	}
	must(t, it.Err())
	check(t, n == 3, "iterator: %d", n)

	l, err := laptop.Sessions.GetCurrent(ctx)
	must(t, err)
	check(t, l.DeviceInfo.Browser == "Safari", "device %+v", l.DeviceInfo)
	must(t, c.Sessions.Revoke(ctx, l.ID))
	_, err = laptop.Auth.GetCurrentUser(ctx)
	check(t, err != nil && err.(*janua.Error).IsAuthentication(), "revoked: %v", err)
	got, err := c.Sessions.Get(ctx, l.ID)
	must(t, err)
	check(t, !got.IsActive, "inactive")

	r, err := c.Sessions.RevokeOther(ctx)
	must(t, err)
	check(t, r.RevokedCount == 1, "revoked %d", r.RevokedCount)
	_, err = phone.Auth.GetCurrentUser(ctx)
	check(t, err != nil, "phone signed out")
	_, err = c.Auth.GetCurrentUser(ctx)
	must(t, err)
	_, err = c.Sessions.Get(ctx, "sess_unknown")
	janErr(t, err, "SESSION_NOT_FOUND")
}
