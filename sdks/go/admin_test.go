package janua_test

import (
	"testing"

	janua "github.com/janua-dev/janua/sdks/go"
)

func TestPlatformAdminUsers(t *testing.T) {
	a := admin(t)
	_, email, r := signedUp(t, "managed")
	found, err := a.Users.List(ctx, &janua.UserListParams{Search: email})
	must(t, err)
	check(t, len(found.Data) == 1 && found.Data[0].ID == r.User.ID, "search %+v", found.Data)
	byEmail, err := a.Users.GetByEmail(ctx, email)
	must(t, err)
	check(t, byEmail.ID == r.User.ID, "by email")

	created, err := a.Users.Create(ctx, &janua.UserBody{Email: uniqueEmail("created"), Password: password, FirstName: "Made", EmailVerified: janua.Bool(true)})
	must(t, err)
	check(t, created.EmailVerified, "%+v", created)
	upd, err := a.Users.Update(ctx, created.ID, &janua.UserBody{LastName: "ByAdmin"})
	must(t, err)
	check(t, upd.LastName == "ByAdmin", "%+v", upd)

	s, err := a.Users.Suspend(ctx, r.User.ID, &janua.SuspendRequest{Reason: "Suspicious activity detected"})
	must(t, err)
	check(t, s.Status == "suspended", "%s", s.Status)
	_, err = newClient(nil).Auth.SignIn(ctx, &janua.SignInRequest{Email: email, Password: password})
	check(t, janErr(t, err, "ACCOUNT_SUSPENDED").IsAuthorization(), "403")
	un, err := a.Users.Unsuspend(ctx, r.User.ID)
	must(t, err)
	check(t, un.Status == "active", "%s", un.Status)
	_, err = a.Users.Unlock(ctx, r.User.ID)
	must(t, err)

	must(t, a.Users.Delete(ctx, created.ID))
	_, err = a.Users.Get(ctx, created.ID)
	janErr(t, err, "USER_NOT_FOUND")

	logs, err := a.AuditLogs.ListAll(ctx, &janua.AuditListParams{UserID: r.User.ID})
	must(t, err)
	check(t, len(logs.Data) > 0, "audit entries")
	v, err := a.AuditLogs.Verify(ctx)
	must(t, err)
	check(t, v.Valid, "chain %+v", v)
	h, err := a.Admin.GetHealth(ctx)
	must(t, err)
	check(t, h["status"] != nil, "health %v", h)

	key, err := a.APIKeys.Create(ctx, &janua.APIKeyDraft{Name: "platform", Scope: "platform", Permissions: []string{"users:read"}})
	must(t, err)
	backend := newClient(&janua.Config{APIKey: key.Key})
	u, err := backend.Users.GetByEmail(ctx, email)
	must(t, err)
	check(t, u.ID == r.User.ID, "platform key reads users")

	plain, _, _ := signedUp(t, "plain")
	_, err = plain.Users.List(ctx, nil)
	check(t, err != nil && err.(*janua.Error).IsAuthorization(), "not an admin: %v", err)
}
