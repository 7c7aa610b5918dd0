package janua_test

import (
	"regexp"
	"strings"
	"testing"

	janua "github.com/janua-dev/janua/sdks/go"
)

func TestOrganizationsInvitationsRolesAndPermissionChecks(t *testing.T) {
	owner, _, r := signedUp(t, "owner")
	ownerID := r.User.ID
	org, err := owner.Organizations.Create(ctx, &janua.CreateOrgRequest{Name: "Acme", Description: "Anvils"})
	must(t, err)
	check(t, strings.HasPrefix(org.ID, "org_"), "%+v", org)
	upd, err := owner.Organizations.Update(ctx, org.ID, &janua.UpdateOrgRequest{Description: "Anvils and rockets"})
	must(t, err)
	check(t, upd.Description == "Anvils and rockets", "%+v", upd)
	mine, err := owner.Organizations.List(ctx, nil, "")
	must(t, err)
	check(t, len(mine.Data) == 1 && mine.Data[0].ID == org.ID, "mine %+v", mine.Data)

	owner.SetOrganization(org.ID)
	editor, err := owner.Roles.Create(ctx, &janua.RoleDraftBody{Name: "Content Editor", Permissions: []string{"content:read", "content:write", "members:read"}})
	must(t, err)
	check(t, editor.Key == "content-editor", "%+v", editor)
	roles, err := owner.Roles.List(ctx, "")
	must(t, err)
	check(t, len(roles) == 5, "4 system roles + 1: %d", len(roles))
	perms, err := owner.Permissions.List(ctx, "")
	must(t, err)
	check(t, len(perms) > 10, "catalogue %d", len(perms))

	inviteeEmail := uniqueEmail("invitee")
	inv, err := owner.Organizations.CreateInvite(ctx, org.ID, &janua.InvitationDraft{Email: inviteeEmail, Role: "content-editor"})
	must(t, err)
	check(t, strings.HasPrefix(inv.ID, "inv_") && inv.Status == "pending", "%+v", inv)
	token := tokenIn(t, mail(t, owner, inviteeEmail, regexp.MustCompile(`(?i)invit`)).Body, "inv_")
	invitee := newClient(nil)
	p, err := invitee.Organizations.PreviewInvite(ctx, token)
	must(t, err)
	check(t, p.OrganizationID == org.ID && p.Email == inviteeEmail, "%+v", p)
	acc, err := invitee.Organizations.AcceptInvite(ctx, &janua.AcceptRequest{Token: token, Password: password, FirstName: "Bob"})
	must(t, err)
	check(t, acc.Invitation.Organization.ID == org.ID, "%+v", acc)
	me, err := invitee.Auth.GetCurrentUser(ctx)
	must(t, err)
	check(t, me.Email == inviteeEmail, "signed in through the invitation")

	members, err := owner.Organizations.ListMembers(ctx, org.ID, &janua.MemberListParams{ListParams: janua.ListParams{Limit: 1}})
	must(t, err)
	check(t, len(members.Data) == 1 && members.HasMore(), "paged")
	all, err := members.All(ctx)
	must(t, err)
	check(t, len(all) == 2, "two members: %d", len(all))
	m, err := owner.Organizations.GetMember(ctx, org.ID, me.ID)
	must(t, err)
	check(t, m.Role == "content-editor", "%+v", m)

	res, err := owner.Users.CheckPermissions(ctx, me.ID, &janua.CheckRequest{Permissions: []string{"content:write", "members:remove"}, Context: &janua.CheckContext{OrganizationID: org.ID}})
	must(t, err)
	check(t, !res.Granted && res.Results[0].Granted && !res.Results[1].Granted, "%+v", res)
	ur, err := invitee.Users.GetRoles(ctx, "me", "")
	must(t, err)
	check(t, len(ur.Roles) == 1 && ur.Roles[0].Role == "content-editor", "%+v", ur)
	err = invitee.Organizations.RemoveMember(ctx, org.ID, ownerID)
	check(t, janErr(t, err, "INSUFFICIENT_PERMISSIONS").IsAuthorization(), "403")

	_, err = owner.Organizations.UpdateMemberRole(ctx, org.ID, me.ID, &janua.RoleChange{Role: "admin"})
	must(t, err)
	res, err = owner.Users.CheckPermissions(ctx, me.ID, &janua.CheckRequest{Permissions: []string{"members:remove"}, Context: &janua.CheckContext{OrganizationID: org.ID}})
	must(t, err)
	check(t, res.Granted, "admin may remove members")

	second, err := owner.Organizations.CreateInvite(ctx, org.ID, &janua.InvitationDraft{Email: uniqueEmail("second")})
	must(t, err)
	resent, err := owner.Organizations.ResendInvite(ctx, org.ID, second.ID)
	must(t, err)
	check(t, resent.SentCount == 2, "resent %d", resent.SentCount)
	revoked, err := owner.Organizations.RevokeInvite(ctx, org.ID, second.ID)
	must(t, err)
	check(t, revoked.Status == "revoked", "%s", revoked.Status)

	err = owner.Organizations.RemoveMember(ctx, org.ID, ownerID)
	janErr(t, err, "LAST_OWNER")
	must(t, owner.Organizations.RemoveMember(ctx, org.ID, me.ID))
	_, err = invitee.Organizations.Get(ctx, org.ID)
	janErr(t, err, "ORGANIZATION_NOT_FOUND")
	must(t, owner.Roles.Delete(ctx, editor.ID))
}

func TestAPIKeys(t *testing.T) {
	owner, _, _ := signedUp(t, "keys")
	org, err := owner.Organizations.Create(ctx, &janua.CreateOrgRequest{Name: "Keyed"})
	must(t, err)
	key, err := owner.APIKeys.Create(ctx, &janua.APIKeyDraft{Name: "backend", OrganizationID: org.ID, Permissions: []string{"members:read", "organization:read"}})
	must(t, err)
	check(t, strings.HasPrefix(key.Key, "sk_"), "%+v", key)

	server := newClient(&janua.Config{APIKey: key.Key})
	members, err := server.Organizations.ListMembers(ctx, org.ID, nil)
	must(t, err)
	check(t, len(members.Data) == 1, "members")
	_, err = server.Organizations.Update(ctx, org.ID, &janua.UpdateOrgRequest{Name: "x"})
	check(t, err != nil && err.(*janua.Error).IsAuthorization(), "no organization:update: %v", err)

	keys, err := owner.APIKeys.List(ctx, nil, org.ID)
	must(t, err)
	check(t, len(keys.Data) == 1 && keys.Data[0].Key == "", "secret shown once")
	_, err = owner.APIKeys.Revoke(ctx, key.ID, janua.WithOrganization(org.ID))
	must(t, err)
	_, err = server.Organizations.ListMembers(ctx, org.ID, nil)
	janErr(t, err, "INVALID_API_KEY")
}
