package janua

import (
	"context"
	"net/url"
	"strconv"
	"time"
)

// Friendlier names for the generated models (seed 000's Go snippet uses CreateOrgRequest).
type (
	User             = UserView
	AdminUser        = AdminUserView
	Organization     = OrganizationView
	CreateOrgRequest = OrganizationDraft
	UpdateOrgRequest = OrganizationDraft
	Invitation       = InvitationView
	Role             = RoleView
	APIKey           = ApiKeyView
	APIKeyDraft      = ApiKeyDraft
	WebhookEndpoint  = EndpointView
	WebhookDelivery  = DeliveryView
	SessionInfo      = SessionView
	AuditLog         = AuditEntry
	AuthResult       = SignInResponse
)

// Bool and Int64 make the pointers that request fields use for "send false/0".
func Bool(v bool) *bool    { return &v }
func Int64(v int64) *int64 { return &v }

func q(pairs ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			v.Set(pairs[i], pairs[i+1])
		}
	}
	return v
}

func merge(a, b url.Values) url.Values {
	for k, v := range b {
		a[k] = v
	}
	return a
}

// ---- auth ---------------------------------------------------------------------------------------

// AuthService: sign-up, sign-in, tokens, the signed-in user's account.
type AuthService struct{ c *Client }

func (s *AuthService) signedIn(ctx context.Context, r *SignInResponse, err error) (*SignInResponse, error) {
	if err != nil {
		return nil, err
	}
	sid := ""
	if r.Session != nil {
		sid = r.Session.ID
	}
	return r, s.c.storeTokens(ctx, r.Tokens, sid)
}

// SignUp creates the account and signs in (POST /auth/signup).
func (s *AuthService) SignUp(ctx context.Context, req *SignUpRequest, opts ...RequestOption) (*SignInResponse, error) {
	var r SignInResponse
	err := s.c.call(ctx, "auth.signUp", nil, nil, req, &r, applyOptions(opts))
	return s.signedIn(ctx, &r, err)
}

// SignIn (POST /auth/signin). With MFA on, the result has RequiresMFA and an MFAToken (no tokens):
// finish with MFA.VerifyChallenge.
func (s *AuthService) SignIn(ctx context.Context, req *SignInRequest, opts ...RequestOption) (*SignInResponse, error) {
	var r SignInResponse
	err := s.c.call(ctx, "auth.signIn", nil, nil, req, &r, applyOptions(opts))
	return s.signedIn(ctx, &r, err)
}

// SignOut ends the session on the server and forgets it here.
func (s *AuthService) SignOut(ctx context.Context, opts ...RequestOption) error {
	sess, err := s.c.store.Load(ctx)
	if err != nil || sess == nil {
		return err
	}
	o := applyOptions(opts)
	WithHeader("Authorization", "Bearer "+sess.AccessToken)(&o)
	err = s.c.call(ctx, "auth.signOut", nil, nil, &SignOutRequest{RefreshToken: sess.RefreshToken}, nil, o)
	if serr := s.c.SetSession(ctx, nil); err == nil {
		err = serr
	}
	if je, ok := err.(*Error); ok && (je.Code == "SESSION_EXPIRED" || je.Code == "INVALID_TOKEN" || je.Code == "INVALID_REFRESH_TOKEN") {
		return nil // already ended on the server
	}
	return err
}

// RefreshToken gets new tokens now (normally automatic); concurrent calls share one refresh.
func (s *AuthService) RefreshToken(ctx context.Context) (*Session, error) { return s.c.Refresh(ctx) }

// GetCurrentUser (GET /auth/me).
func (s *AuthService) GetCurrentUser(ctx context.Context, opts ...RequestOption) (*User, error) {
	var u User
	return &u, s.c.call(ctx, "auth.me", nil, nil, nil, &u, applyOptions(opts))
}

func (s *AuthService) UpdateProfile(ctx context.Context, req *ProfileUpdate, opts ...RequestOption) (*User, error) {
	var u User
	return &u, s.c.call(ctx, "auth.updateProfile", nil, nil, req, &u, applyOptions(opts))
}

func (s *AuthService) ChangePassword(ctx context.Context, req *ChangePasswordRequest, opts ...RequestOption) (*PasswordChanged, error) {
	var r PasswordChanged
	return &r, s.c.call(ctx, "auth.changePassword", nil, nil, req, &r, applyOptions(opts))
}

// RequestPasswordReset answers the same whether or not the email has an account.
func (s *AuthService) RequestPasswordReset(ctx context.Context, email string, opts ...RequestOption) (*Ack, error) {
	var r Ack
	return &r, s.c.call(ctx, "auth.forgotPassword", nil, nil, &ForgotPasswordRequest{Email: email}, &r, applyOptions(opts))
}

func (s *AuthService) ResetPassword(ctx context.Context, req *ResetPasswordRequest, opts ...RequestOption) (*Ack, error) {
	var r Ack
	return &r, s.c.call(ctx, "auth.resetPassword", nil, nil, req, &r, applyOptions(opts))
}

func (s *AuthService) SendVerificationEmail(ctx context.Context, opts ...RequestOption) (*Ack, error) {
	var r Ack
	return &r, s.c.call(ctx, "auth.sendVerification", nil, nil, nil, &r, applyOptions(opts))
}

func (s *AuthService) VerifyEmail(ctx context.Context, token string, opts ...RequestOption) (*User, error) {
	var u User
	return &u, s.c.call(ctx, "auth.verifyEmail", nil, nil, &TokenRequest{Token: token}, &u, applyOptions(opts))
}

// DeleteAccount needs the password and the word DELETE; the local session is forgotten.
func (s *AuthService) DeleteAccount(ctx context.Context, req *DeleteAccountRequest, opts ...RequestOption) error {
	if err := s.c.call(ctx, "auth.deleteAccount", nil, nil, req, nil, applyOptions(opts)); err != nil {
		return err
	}
	return s.c.SetSession(ctx, nil)
}

func (s *AuthService) SendPhoneVerification(ctx context.Context, phoneNumber string, opts ...RequestOption) (*CodeSent, error) {
	var r CodeSent
	return &r, s.c.call(ctx, "auth.phoneSend", nil, nil, &PhoneRequest{PhoneNumber: phoneNumber}, &r, applyOptions(opts))
}

func (s *AuthService) ConfirmPhone(ctx context.Context, code string, opts ...RequestOption) error {
	return s.c.call(ctx, "auth.phoneConfirm", nil, nil, &CodeRequest{Code: code}, nil, applyOptions(opts))
}

// ---- users (platform admin) --------------------------------------------------------------------

type UsersService struct{ c *Client }

// UserListParams filter GET /users.
type UserListParams struct {
	ListParams
	Status, Search, Email, OrganizationID, Sort string
	CreatedAfter, CreatedBefore                 time.Time
	IncludeTotal                                bool
}

func (s *UsersService) List(ctx context.Context, p *UserListParams, opts ...RequestOption) (*Page[AdminUser], error) {
	v := url.Values{}
	if p != nil {
		v = merge(p.ListParams.values(), q("status", p.Status, "search", p.Search, "email", p.Email, "organizationId", p.OrganizationID, "sort", p.Sort))
		if !p.CreatedAfter.IsZero() {
			v.Set("createdAfter", p.CreatedAfter.UTC().Format(time.RFC3339))
		}
		if !p.CreatedBefore.IsZero() {
			v.Set("createdBefore", p.CreatedBefore.UTC().Format(time.RFC3339))
		}
		if p.IncludeTotal {
			v.Set("includeTotal", "true")
		}
	}
	return list[AdminUser](ctx, s.c, "users.list", nil, v, opts)
}

func (s *UsersService) Get(ctx context.Context, userID string, opts ...RequestOption) (*AdminUser, error) {
	var u AdminUser
	return &u, s.c.call(ctx, "users.get", []string{userID}, nil, nil, &u, applyOptions(opts))
}

func (s *UsersService) GetByEmail(ctx context.Context, email string, opts ...RequestOption) (*AdminUser, error) {
	var u AdminUser
	return &u, s.c.call(ctx, "users.byEmail", nil, q("email", email), nil, &u, applyOptions(opts))
}

func (s *UsersService) Create(ctx context.Context, req *UserBody, opts ...RequestOption) (*AdminUser, error) {
	var u AdminUser
	return &u, s.c.call(ctx, "users.create", nil, nil, req, &u, applyOptions(opts))
}

func (s *UsersService) Update(ctx context.Context, userID string, req *UserBody, opts ...RequestOption) (*AdminUser, error) {
	var u AdminUser
	return &u, s.c.call(ctx, "users.update", []string{userID}, nil, req, &u, applyOptions(opts))
}

// UpdateEmail changes the user's email (the same PATCH as Update).
func (s *UsersService) UpdateEmail(ctx context.Context, userID, email string, opts ...RequestOption) (*AdminUser, error) {
	return s.Update(ctx, userID, &UserBody{Email: email}, opts...)
}

func (s *UsersService) Delete(ctx context.Context, userID string, opts ...RequestOption) error {
	return s.c.call(ctx, "users.delete", []string{userID}, nil, nil, nil, applyOptions(opts))
}

func (s *UsersService) Suspend(ctx context.Context, userID string, req *SuspendRequest, opts ...RequestOption) (*AdminUser, error) {
	if req == nil {
		req = &SuspendRequest{}
	}
	var u AdminUser
	return &u, s.c.call(ctx, "users.suspend", []string{userID}, nil, req, &u, applyOptions(opts))
}

func (s *UsersService) Unsuspend(ctx context.Context, userID string, opts ...RequestOption) (*AdminUser, error) {
	var u AdminUser
	return &u, s.c.call(ctx, "users.unsuspend", []string{userID}, nil, nil, &u, applyOptions(opts))
}

func (s *UsersService) Unlock(ctx context.Context, userID string, opts ...RequestOption) (*AdminUser, error) {
	var u AdminUser
	return &u, s.c.call(ctx, "users.unlock", []string{userID}, nil, nil, &u, applyOptions(opts))
}

// RevokeSessions ends every session of the user ("sign out everywhere" in the admin console).
func (s *UsersService) RevokeSessions(ctx context.Context, userID string, opts ...RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, "users.revokeSessions", []string{userID}, nil, nil, &r, applyOptions(opts))
}

// ResetMFA removes the user's MFA factors, backup codes and trusted devices.
func (s *UsersService) ResetMFA(ctx context.Context, userID string, opts ...RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, "users.resetMfa", []string{userID}, nil, nil, &r, applyOptions(opts))
}

// SendPasswordReset emails the user a password-reset link.
func (s *UsersService) SendPasswordReset(ctx context.Context, userID string, opts ...RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, "users.sendPasswordReset", []string{userID}, nil, nil, &r, applyOptions(opts))
}

// GetRoles lists the user's role and permissions per organization ("me" for yourself).
func (s *UsersService) GetRoles(ctx context.Context, userID, organizationID string, opts ...RequestOption) (*UserRoles, error) {
	var r UserRoles
	return &r, s.c.call(ctx, "users.roles", []string{userID}, q("organizationId", organizationID), nil, &r, applyOptions(opts))
}

// CheckPermissions asks whether the user holds permissions in an organization.
func (s *UsersService) CheckPermissions(ctx context.Context, userID string, req *CheckRequest, opts ...RequestOption) (*CheckResponse, error) {
	var r CheckResponse
	return &r, s.c.call(ctx, "users.checkPermissions", []string{userID}, nil, req, &r, applyOptions(opts))
}

// ---- organizations -----------------------------------------------------------------------------

type OrganizationsService struct{ c *Client }

func (s *OrganizationsService) Create(ctx context.Context, req *CreateOrgRequest, opts ...RequestOption) (*Organization, error) {
	var o Organization
	return &o, s.c.call(ctx, "orgs.create", nil, nil, req, &o, applyOptions(opts))
}

// List the signed-in user's organizations (role filters by the user's role).
func (s *OrganizationsService) List(ctx context.Context, p *ListParams, role string, opts ...RequestOption) (*Page[Organization], error) {
	return list[Organization](ctx, s.c, "orgs.list", nil, merge(p.values(), q("role", role)), opts)
}

func (s *OrganizationsService) Get(ctx context.Context, id string, opts ...RequestOption) (*Organization, error) {
	var o Organization
	return &o, s.c.call(ctx, "orgs.get", []string{id}, nil, nil, &o, applyOptions(opts))
}

func (s *OrganizationsService) Update(ctx context.Context, id string, req *UpdateOrgRequest, opts ...RequestOption) (*Organization, error) {
	var o Organization
	return &o, s.c.call(ctx, "orgs.update", []string{id}, nil, req, &o, applyOptions(opts))
}

func (s *OrganizationsService) Delete(ctx context.Context, id string, opts ...RequestOption) error {
	return s.c.call(ctx, "orgs.delete", []string{id}, nil, nil, nil, applyOptions(opts))
}

// Join an organization that allows self-signup for the user's email domain.
func (s *OrganizationsService) Join(ctx context.Context, id string, opts ...RequestOption) (*Member, error) {
	var m Member
	return &m, s.c.call(ctx, "orgs.join", []string{id}, nil, nil, &m, applyOptions(opts))
}

// MemberListParams filter a member list.
type MemberListParams struct {
	ListParams
	Role, Search string
}

func (s *OrganizationsService) ListMembers(ctx context.Context, id string, p *MemberListParams, opts ...RequestOption) (*Page[Member], error) {
	v := url.Values{}
	if p != nil {
		v = merge(p.ListParams.values(), q("role", p.Role, "search", p.Search))
	}
	return list[Member](ctx, s.c, "orgs.members", []string{id}, v, opts)
}

func (s *OrganizationsService) GetMember(ctx context.Context, id, userID string, opts ...RequestOption) (*Member, error) {
	var m Member
	return &m, s.c.call(ctx, "orgs.member", []string{id, userID}, nil, nil, &m, applyOptions(opts))
}

// AddMember adds directly: platform admins and platform API keys only (people use invitations).
func (s *OrganizationsService) AddMember(ctx context.Context, id string, req *AddMember, opts ...RequestOption) (*Member, error) {
	var m Member
	return &m, s.c.call(ctx, "orgs.addMember", []string{id}, nil, req, &m, applyOptions(opts))
}

func (s *OrganizationsService) UpdateMemberRole(ctx context.Context, id, userID string, req *RoleChange, opts ...RequestOption) (*Member, error) {
	var m Member
	return &m, s.c.call(ctx, "orgs.updateMemberRole", []string{id, userID}, nil, req, &m, applyOptions(opts))
}

func (s *OrganizationsService) RemoveMember(ctx context.Context, id, userID string, opts ...RequestOption) error {
	return s.c.call(ctx, "orgs.removeMember", []string{id, userID}, nil, nil, nil, applyOptions(opts))
}

func (s *OrganizationsService) CreateInvite(ctx context.Context, id string, req *InvitationDraft, opts ...RequestOption) (*Invitation, error) {
	var i Invitation
	return &i, s.c.call(ctx, "orgs.createInvite", []string{id}, nil, req, &i, applyOptions(opts))
}

func (s *OrganizationsService) ListInvites(ctx context.Context, id string, p *ListParams, status string, opts ...RequestOption) (*Page[Invitation], error) {
	return list[Invitation](ctx, s.c, "orgs.listInvites", []string{id}, merge(p.values(), q("status", status)), opts)
}

func (s *OrganizationsService) GetInvite(ctx context.Context, id, invitationID string, opts ...RequestOption) (*Invitation, error) {
	var i Invitation
	return &i, s.c.call(ctx, "orgs.getInvite", []string{id, invitationID}, nil, nil, &i, applyOptions(opts))
}

func (s *OrganizationsService) ResendInvite(ctx context.Context, id, invitationID string, opts ...RequestOption) (*Invitation, error) {
	var i Invitation
	return &i, s.c.call(ctx, "orgs.resendInvite", []string{id, invitationID}, nil, nil, &i, applyOptions(opts))
}

func (s *OrganizationsService) RevokeInvite(ctx context.Context, id, invitationID string, opts ...RequestOption) (*Invitation, error) {
	var i Invitation
	return &i, s.c.call(ctx, "orgs.revokeInvite", []string{id, invitationID}, nil, nil, &i, applyOptions(opts))
}

// PreviewInvite tells what an invitation token is for (public: the token is the proof).
func (s *OrganizationsService) PreviewInvite(ctx context.Context, token string, opts ...RequestOption) (*Pending, error) {
	var p Pending
	return &p, s.c.call(ctx, "orgs.previewInvite", nil, q("token", token), nil, &p, applyOptions(opts))
}

// AcceptInvite as the signed-in user ({Token}), or signs up through it ({Token, Password, FirstName…}:
// the new session is kept).
func (s *OrganizationsService) AcceptInvite(ctx context.Context, req *AcceptRequest, opts ...RequestOption) (*AcceptResponse, error) {
	var r AcceptResponse
	if err := s.c.call(ctx, "orgs.acceptInvite", nil, nil, req, &r, applyOptions(opts)); err != nil {
		return nil, err
	}
	sid := ""
	if r.Session != nil {
		sid = r.Session.ID
	}
	return &r, s.c.storeTokens(ctx, r.Tokens, sid)
}

func (s *OrganizationsService) ListSCIMTokens(ctx context.Context, id string, opts ...RequestOption) ([]TokenView, error) {
	var r struct{ Data []TokenView }
	return r.Data, s.c.call(ctx, "orgs.scimTokens", []string{id}, nil, nil, &r, applyOptions(opts))
}

func (s *OrganizationsService) CreateSCIMToken(ctx context.Context, id, name string, opts ...RequestOption) (*TokenView, error) {
	var t TokenView
	return &t, s.c.call(ctx, "orgs.createScimToken", []string{id}, nil, &TokenDraft{Name: name}, &t, applyOptions(opts))
}

func (s *OrganizationsService) RevokeSCIMToken(ctx context.Context, id, tokenID string, opts ...RequestOption) error {
	return s.c.call(ctx, "orgs.revokeScimToken", []string{id, tokenID}, nil, nil, nil, applyOptions(opts))
}

func (s *OrganizationsService) ListSCIMGroups(ctx context.Context, id string, opts ...RequestOption) ([]GroupView, error) {
	var r struct{ Data []GroupView }
	return r.Data, s.c.call(ctx, "orgs.scimGroups", []string{id}, nil, nil, &r, applyOptions(opts))
}

func (s *OrganizationsService) MapSCIMGroupRole(ctx context.Context, id, groupID, role string, opts ...RequestOption) (*GroupView, error) {
	var g GroupView
	return &g, s.c.call(ctx, "orgs.mapScimGroup", []string{id, groupID}, nil, &RoleMapping{Role: role}, &g, applyOptions(opts))
}

// ---- MFA ----------------------------------------------------------------------------------------

type MFAService struct{ c *Client }

func (s *MFAService) GetStatus(ctx context.Context, opts ...RequestOption) (*StatusResponse, error) {
	var r StatusResponse
	return &r, s.c.call(ctx, "mfa.status", nil, nil, nil, &r, applyOptions(opts))
}

// SetupTOTP starts authenticator-app enrolment (secret, otpauth URI, QR code, backup codes); active after VerifyTOTP.
func (s *MFAService) SetupTOTP(ctx context.Context, opts ...RequestOption) (*SetupResponse, error) {
	var r SetupResponse
	return &r, s.c.call(ctx, "mfa.setup", nil, nil, &SetupRequest{Type: "totp"}, &r, applyOptions(opts))
}

// VerifyTOTP confirms enrolment; once MFA is on, a step-up check (the code is spent).
func (s *MFAService) VerifyTOTP(ctx context.Context, code string, opts ...RequestOption) (*VerifyResponse, error) {
	var r VerifyResponse
	return &r, s.c.call(ctx, "mfa.verify", nil, nil, &CodeRequest{Code: code}, &r, applyOptions(opts))
}

// Disable MFA with the password or a code.
func (s *MFAService) Disable(ctx context.Context, req *ReauthRequest, opts ...RequestOption) error {
	return s.c.call(ctx, "mfa.disable", nil, nil, req, nil, applyOptions(opts))
}

func (s *MFAService) SetupSMS(ctx context.Context, phoneNumber string, opts ...RequestOption) (*CodeSent, error) {
	var r CodeSent
	return &r, s.c.call(ctx, "mfa.smsSetup", nil, nil, &PhoneRequest{PhoneNumber: phoneNumber}, &r, applyOptions(opts))
}

func (s *MFAService) VerifySMS(ctx context.Context, code string, opts ...RequestOption) (*VerifyResponse, error) {
	var r VerifyResponse
	return &r, s.c.call(ctx, "mfa.smsVerify", nil, nil, &CodeRequest{Code: code}, &r, applyOptions(opts))
}

// GenerateBackupCodes replaces the backup codes (the old set stops working).
func (s *MFAService) GenerateBackupCodes(ctx context.Context, req *ReauthRequest, opts ...RequestOption) (*BackupCodesResponse, error) {
	var r BackupCodesResponse
	return &r, s.c.call(ctx, "mfa.regenerateBackupCodes", nil, nil, req, &r, applyOptions(opts))
}

func (s *MFAService) GetBackupCodesStatus(ctx context.Context, opts ...RequestOption) (*BackupCodesStatus, error) {
	var r BackupCodesStatus
	return &r, s.c.call(ctx, "mfa.backupCodes", nil, nil, nil, &r, applyOptions(opts))
}

// CreateChallenge texts a sign-in code for the MFAToken a sign-in answered.
func (s *MFAService) CreateChallenge(ctx context.Context, mfaToken string, opts ...RequestOption) (*SmsCodeResponse, error) {
	var r SmsCodeResponse
	return &r, s.c.call(ctx, "mfa.challengeSms", nil, nil, &SmsCodeRequest{MFAToken: mfaToken}, &r, applyOptions(opts))
}

// VerifyChallenge finishes a sign-in that answered RequiresMFA; the session is kept.
func (s *MFAService) VerifyChallenge(ctx context.Context, req *MfaSignInRequest, opts ...RequestOption) (*SignInResponse, error) {
	var r SignInResponse
	err := s.c.call(ctx, "mfa.challenge", nil, nil, req, &r, applyOptions(opts))
	return s.c.Auth.signedIn(ctx, &r, err)
}

func (s *MFAService) ListTrustedDevices(ctx context.Context, opts ...RequestOption) ([]TrustedDeviceView, error) {
	var r struct{ Data []TrustedDeviceView }
	return r.Data, s.c.call(ctx, "mfa.trustedDevices", nil, nil, nil, &r, applyOptions(opts))
}

func (s *MFAService) RevokeTrustedDevice(ctx context.Context, deviceID string, opts ...RequestOption) error {
	return s.c.call(ctx, "mfa.untrust", []string{deviceID}, nil, nil, nil, applyOptions(opts))
}

func (s *MFAService) RevokeAllTrustedDevices(ctx context.Context, opts ...RequestOption) (*Revoked, error) {
	var r Revoked
	return &r, s.c.call(ctx, "mfa.untrustAll", nil, nil, nil, &r, applyOptions(opts))
}

// ---- magic links --------------------------------------------------------------------------------

type MagicLinksService struct{ c *Client }

func (s *MagicLinksService) Send(ctx context.Context, req *SendRequest, opts ...RequestOption) (*SendResponse, error) {
	var r SendResponse
	return &r, s.c.call(ctx, "magic.send", nil, nil, req, &r, applyOptions(opts))
}

// Verify signs in with the emailed token; the session is kept.
func (s *MagicLinksService) Verify(ctx context.Context, req *VerifyRequest, opts ...RequestOption) (*SignInResponse, error) {
	var r SignInResponse
	err := s.c.call(ctx, "magic.verify", nil, nil, req, &r, applyOptions(opts))
	return s.c.Auth.signedIn(ctx, &r, err)
}

// Exchange signs in with the one-time code the emailed link redirected with.
func (s *MagicLinksService) Exchange(ctx context.Context, req *ExchangeRequest, opts ...RequestOption) (*SignInResponse, error) {
	var r SignInResponse
	err := s.c.call(ctx, "magic.exchange", nil, nil, req, &r, applyOptions(opts))
	return s.c.Auth.signedIn(ctx, &r, err)
}

// ---- sessions -----------------------------------------------------------------------------------

type SessionsService struct{ c *Client }

func (s *SessionsService) List(ctx context.Context, p *ListParams, opts ...RequestOption) (*Page[SessionInfo], error) {
	return list[SessionInfo](ctx, s.c, "sessions.list", nil, p.values(), opts)
}

func (s *SessionsService) Get(ctx context.Context, id string, opts ...RequestOption) (*SessionInfo, error) {
	var r SessionInfo
	return &r, s.c.call(ctx, "sessions.get", []string{id}, nil, nil, &r, applyOptions(opts))
}

func (s *SessionsService) GetCurrent(ctx context.Context, opts ...RequestOption) (*SessionInfo, error) {
	var r SessionInfo
	return &r, s.c.call(ctx, "sessions.current", nil, nil, nil, &r, applyOptions(opts))
}

// Revoke ends one session (the current one too).
func (s *SessionsService) Revoke(ctx context.Context, id string, opts ...RequestOption) error {
	return s.c.call(ctx, "sessions.revoke", []string{id}, nil, nil, nil, applyOptions(opts))
}

// RevokeOther ends every session except the current one.
func (s *SessionsService) RevokeOther(ctx context.Context, opts ...RequestOption) (*Revoked, error) {
	var r Revoked
	return &r, s.c.call(ctx, "sessions.revokeOthers", nil, nil, nil, &r, applyOptions(opts))
}

// Refresh gets new tokens now (normally automatic).
func (s *SessionsService) Refresh(ctx context.Context) (*Session, error) { return s.c.Refresh(ctx) }

// ---- roles and permissions ----------------------------------------------------------------------

type RolesService struct{ c *Client }

// List the active organization's roles (organizationID here, X-Organization-ID, or the API key's organization).
func (s *RolesService) List(ctx context.Context, organizationID string, opts ...RequestOption) ([]Role, error) {
	var r RoleList
	return r.Data, s.c.call(ctx, "roles.list", nil, q("organizationId", organizationID), nil, &r, applyOptions(opts))
}

func (s *RolesService) Get(ctx context.Context, id string, opts ...RequestOption) (*Role, error) {
	var r Role
	return &r, s.c.call(ctx, "roles.get", []string{id}, nil, nil, &r, applyOptions(opts))
}

func (s *RolesService) Create(ctx context.Context, req *RoleDraftBody, opts ...RequestOption) (*Role, error) {
	var r Role
	return &r, s.c.call(ctx, "roles.create", nil, nil, req, &r, applyOptions(opts))
}

func (s *RolesService) Update(ctx context.Context, id string, req *RoleDraftBody, opts ...RequestOption) (*Role, error) {
	var r Role
	return &r, s.c.call(ctx, "roles.update", []string{id}, nil, req, &r, applyOptions(opts))
}

func (s *RolesService) Delete(ctx context.Context, id string, opts ...RequestOption) error {
	return s.c.call(ctx, "roles.delete", []string{id}, nil, nil, nil, applyOptions(opts))
}

type PermissionsService struct{ c *Client }

// List the permission catalogue (category filters).
func (s *PermissionsService) List(ctx context.Context, category string, opts ...RequestOption) ([]Permission, error) {
	var r PermissionList
	return r.Data, s.c.call(ctx, "permissions.list", nil, q("category", category), nil, &r, applyOptions(opts))
}

// ---- API keys -----------------------------------------------------------------------------------

type APIKeysService struct{ c *Client }

// Create a key; its secret Key is in this answer only.
func (s *APIKeysService) Create(ctx context.Context, req *ApiKeyDraft, opts ...RequestOption) (*APIKey, error) {
	var k APIKey
	return &k, s.c.call(ctx, "apiKeys.create", nil, nil, req, &k, applyOptions(opts))
}

func (s *APIKeysService) List(ctx context.Context, p *ListParams, organizationID string, opts ...RequestOption) (*Page[APIKey], error) {
	return list[APIKey](ctx, s.c, "apiKeys.list", nil, merge(p.values(), q("organizationId", organizationID)), opts)
}

func (s *APIKeysService) Get(ctx context.Context, id string, opts ...RequestOption) (*APIKey, error) {
	var k APIKey
	return &k, s.c.call(ctx, "apiKeys.get", []string{id}, nil, nil, &k, applyOptions(opts))
}

func (s *APIKeysService) Revoke(ctx context.Context, id string, opts ...RequestOption) (*APIKey, error) {
	var k APIKey
	return &k, s.c.call(ctx, "apiKeys.revoke", []string{id}, nil, nil, &k, applyOptions(opts))
}

// ---- webhook endpoints (platform admins) --------------------------------------------------------

type WebhooksService struct{ c *Client }

// CreateEndpoint subscribes a URL; the secret is in this answer (and GetSecret) only.
func (s *WebhooksService) CreateEndpoint(ctx context.Context, req *EndpointRequest, opts ...RequestOption) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	return &e, s.c.call(ctx, "webhooks.create", nil, nil, req, &e, applyOptions(opts))
}

func (s *WebhooksService) ListEndpoints(ctx context.Context, p *ListParams, opts ...RequestOption) (*Page[WebhookEndpoint], error) {
	return list[WebhookEndpoint](ctx, s.c, "webhooks.list", nil, p.values(), opts)
}

func (s *WebhooksService) GetEndpoint(ctx context.Context, id string, opts ...RequestOption) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	return &e, s.c.call(ctx, "webhooks.get", []string{id}, nil, nil, &e, applyOptions(opts))
}

func (s *WebhooksService) UpdateEndpoint(ctx context.Context, id string, req *EndpointRequest, opts ...RequestOption) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	return &e, s.c.call(ctx, "webhooks.update", []string{id}, nil, req, &e, applyOptions(opts))
}

func (s *WebhooksService) DeleteEndpoint(ctx context.Context, id string, opts ...RequestOption) error {
	return s.c.call(ctx, "webhooks.delete", []string{id}, nil, nil, nil, applyOptions(opts))
}

// RotateSecret makes a new secret (or sets secret); the old one keeps signing for 24 h.
func (s *WebhooksService) RotateSecret(ctx context.Context, id, secret string, opts ...RequestOption) (*SecretView, error) {
	var r SecretView
	return &r, s.c.call(ctx, "webhooks.rotateSecret", []string{id}, nil, &SecretRequest{Secret: secret}, &r, applyOptions(opts))
}

func (s *WebhooksService) GetSecret(ctx context.Context, id string, opts ...RequestOption) (*SecretView, error) {
	var r SecretView
	return &r, s.c.call(ctx, "webhooks.secret", []string{id}, nil, nil, &r, applyOptions(opts))
}

// TestEndpoint sends a webhook.test event now and answers the delivery with its outcome.
func (s *WebhooksService) TestEndpoint(ctx context.Context, id string, opts ...RequestOption) (*WebhookDelivery, error) {
	var d WebhookDelivery
	return &d, s.c.call(ctx, "webhooks.test", []string{id}, nil, nil, &d, applyOptions(opts))
}

func (s *WebhooksService) ListDeliveries(ctx context.Context, id string, p *ListParams, status string, opts ...RequestOption) (*Page[WebhookDelivery], error) {
	return list[WebhookDelivery](ctx, s.c, "webhooks.deliveries", []string{id}, merge(p.values(), q("status", status)), opts)
}

func (s *WebhooksService) GetDelivery(ctx context.Context, id, deliveryID string, opts ...RequestOption) (*WebhookDelivery, error) {
	var d WebhookDelivery
	return &d, s.c.call(ctx, "webhooks.delivery", []string{id, deliveryID}, nil, nil, &d, applyOptions(opts))
}

// Redeliver sends a delivery again with the same webhook-id.
func (s *WebhooksService) Redeliver(ctx context.Context, id, deliveryID string, opts ...RequestOption) (*WebhookDelivery, error) {
	var d WebhookDelivery
	return &d, s.c.call(ctx, "webhooks.redeliver", []string{id, deliveryID}, nil, nil, &d, applyOptions(opts))
}

func (s *WebhooksService) ListEventTypes(ctx context.Context, opts ...RequestOption) ([]Entry, error) {
	var r []Entry
	return r, s.c.call(ctx, "webhooks.events", nil, nil, nil, &r, applyOptions(opts))
}

// ---- audit logs ---------------------------------------------------------------------------------

type AuditLogsService struct{ c *Client }

// AuditListParams filter audit lists.
type AuditListParams struct {
	ListParams
	EventType, UserID, OrganizationID string
	StartDate, EndDate                time.Time
}

func (p *AuditListParams) values() url.Values {
	if p == nil {
		return url.Values{}
	}
	v := merge(p.ListParams.values(), q("eventType", p.EventType, "userId", p.UserID, "organizationId", p.OrganizationID))
	if !p.StartDate.IsZero() {
		v.Set("startDate", p.StartDate.UTC().Format(time.RFC3339))
	}
	if !p.EndDate.IsZero() {
		v.Set("endDate", p.EndDate.UTC().Format(time.RFC3339))
	}
	return v
}

// List events of the active organization (or your own).
func (s *AuditLogsService) List(ctx context.Context, p *AuditListParams, opts ...RequestOption) (*Page[AuditLog], error) {
	return list[AuditLog](ctx, s.c, "audit.list", nil, p.values(), opts)
}

// ListAll lists every event (platform admins).
func (s *AuditLogsService) ListAll(ctx context.Context, p *AuditListParams, opts ...RequestOption) (*Page[AuditLog], error) {
	return list[AuditLog](ctx, s.c, "audit.listAll", nil, p.values(), opts)
}

func (s *AuditLogsService) Query(ctx context.Context, req *AuditQuery, opts ...RequestOption) (*PageAuditEntry, error) {
	var r PageAuditEntry
	return &r, s.c.call(ctx, "audit.query", nil, nil, req, &r, applyOptions(opts))
}

// Verify checks the hash chain and reports the first record that does not match.
func (s *AuditLogsService) Verify(ctx context.Context, opts ...RequestOption) (*ChainVerification, error) {
	var r ChainVerification
	return &r, s.c.call(ctx, "audit.verify", nil, nil, nil, &r, applyOptions(opts))
}

// Export the log as csv or json.
func (s *AuditLogsService) Export(ctx context.Context, format string, p *AuditListParams, opts ...RequestOption) (string, error) {
	var out string
	o := applyOptions(opts)
	o.text = true
	v := p.values()
	v.Del("limit")
	v.Del("cursor")
	v.Del("page")
	if format != "" {
		v.Set("format", format)
	}
	return out, s.c.call(ctx, "audit.export", nil, v, nil, &out, o)
}

// ---- platform administration --------------------------------------------------------------------

type AdminService struct{ c *Client }

type anyMap = map[string]interface{}

func (s *AdminService) get(ctx context.Context, name string, params []string, v url.Values, opts []RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, name, params, v, nil, &r, applyOptions(opts))
}

func (s *AdminService) GetHealth(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	return s.get(ctx, "admin.health", nil, nil, opts)
}

func (s *AdminService) GetDetailedHealth(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	return s.get(ctx, "admin.detailedHealth", nil, nil, opts)
}

func (s *AdminService) GetMetrics(ctx context.Context, metric, period, granularity string, opts ...RequestOption) (anyMap, error) {
	return s.get(ctx, "admin.metrics", nil, q("metric", metric, "period", period, "granularity", granularity), opts)
}

func (s *AdminService) GetAnalytics(ctx context.Context, startDate, endDate, granularity string, opts ...RequestOption) (anyMap, error) {
	return s.get(ctx, "admin.analytics", nil, q("startDate", startDate, "endDate", endDate, "granularity", granularity), opts)
}

func (s *AdminService) GetUserAnalytics(ctx context.Context, userID, startDate, endDate, granularity string, opts ...RequestOption) (anyMap, error) {
	return s.get(ctx, "admin.userAnalytics", []string{userID}, q("startDate", startDate, "endDate", endDate, "granularity", granularity), opts)
}

func (s *AdminService) ListOrganizations(ctx context.Context, p *ListParams, search string, opts ...RequestOption) (*Page[Organization], error) {
	return list[Organization](ctx, s.c, "admin.organizations", nil, merge(p.values(), q("search", search)), opts)
}

func (s *AdminService) RotateSigningKeys(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, "admin.rotateSigningKeys", nil, nil, nil, &r, applyOptions(opts))
}

// ListSessions lists live sessions across the deployment (platform admins).
func (s *AdminService) ListSessions(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, "admin.listSessions", nil, nil, nil, &r, applyOptions(opts))
}

// RevokeSession ends one session anywhere in the deployment.
func (s *AdminService) RevokeSession(ctx context.Context, sessionID string, opts ...RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, "admin.revokeSession", []string{sessionID}, nil, nil, &r, applyOptions(opts))
}

func (s *AdminService) ListOutbox(ctx context.Context, p *ListParams, status, channel string, opts ...RequestOption) (*Page[MessageView], error) {
	return list[MessageView](ctx, s.c, "admin.outbox", nil, merge(p.values(), q("status", status, "channel", channel)), opts)
}

func (s *AdminService) GetOutboxMessage(ctx context.Context, id string, opts ...RequestOption) (*MessageView, error) {
	var m MessageView
	return &m, s.c.call(ctx, "admin.outboxMessage", []string{id}, nil, nil, &m, applyOptions(opts))
}

func (s *AdminService) RedeliverOutboxMessage(ctx context.Context, id string, opts ...RequestOption) (*MessageView, error) {
	var m MessageView
	return &m, s.c.call(ctx, "admin.redeliverOutbox", []string{id}, nil, nil, &m, applyOptions(opts))
}

// ---- OAuth/OIDC applications --------------------------------------------------------------------

type ApplicationsService struct{ c *Client }

func (s *ApplicationsService) List(ctx context.Context, p *ListParams, organizationID string, opts ...RequestOption) (*Page[ApplicationView], error) {
	return list[ApplicationView](ctx, s.c, "apps.list", nil, merge(p.values(), q("organizationId", organizationID)), opts)
}

func (s *ApplicationsService) Get(ctx context.Context, id string, opts ...RequestOption) (*ApplicationView, error) {
	var a ApplicationView
	return &a, s.c.call(ctx, "apps.get", []string{id}, nil, nil, &a, applyOptions(opts))
}

func (s *ApplicationsService) Create(ctx context.Context, req *ApplicationRequest, opts ...RequestOption) (*ApplicationView, error) {
	var a ApplicationView
	return &a, s.c.call(ctx, "apps.create", nil, nil, req, &a, applyOptions(opts))
}

func (s *ApplicationsService) Update(ctx context.Context, id string, req *ApplicationRequest, opts ...RequestOption) (*ApplicationView, error) {
	var a ApplicationView
	return &a, s.c.call(ctx, "apps.update", []string{id}, nil, req, &a, applyOptions(opts))
}

func (s *ApplicationsService) Delete(ctx context.Context, id string, opts ...RequestOption) error {
	return s.c.call(ctx, "apps.delete", []string{id}, nil, nil, nil, applyOptions(opts))
}

func (s *ApplicationsService) RotateSecret(ctx context.Context, id string, opts ...RequestOption) (*ApplicationView, error) {
	var a ApplicationView
	return &a, s.c.call(ctx, "apps.rotateSecret", []string{id}, nil, nil, &a, applyOptions(opts))
}

// ---- SCIM 2.0 (Config.SCIMToken) ----------------------------------------------------------------

type SCIMService struct{ c *Client }

// SCIMListParams: filter (e.g. `userName eq "a@b.c"`), startIndex, count.
type SCIMListParams struct {
	Filter            string
	StartIndex, Count int
}

func (p *SCIMListParams) values() url.Values {
	v := url.Values{}
	if p == nil {
		return v
	}
	v = q("filter", p.Filter)
	if p.StartIndex > 0 {
		v.Set("startIndex", strconv.Itoa(p.StartIndex))
	}
	if p.Count > 0 {
		v.Set("count", strconv.Itoa(p.Count))
	}
	return v
}

func (s *SCIMService) do(ctx context.Context, name string, params []string, v url.Values, body interface{}, opts []RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, name, params, v, body, &r, applyOptions(opts))
}

func (s *SCIMService) ListUsers(ctx context.Context, p *SCIMListParams, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.users", nil, p.values(), nil, opts)
}
func (s *SCIMService) GetUser(ctx context.Context, id string, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.user", []string{id}, nil, nil, opts)
}
func (s *SCIMService) CreateUser(ctx context.Context, user anyMap, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.createUser", nil, nil, user, opts)
}
func (s *SCIMService) ReplaceUser(ctx context.Context, id string, user anyMap, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.replaceUser", []string{id}, nil, user, opts)
}
func (s *SCIMService) PatchUser(ctx context.Context, id string, patch anyMap, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.patchUser", []string{id}, nil, patch, opts)
}
func (s *SCIMService) DeleteUser(ctx context.Context, id string, opts ...RequestOption) error {
	return s.c.call(ctx, "scim.deleteUser", []string{id}, nil, nil, nil, applyOptions(opts))
}
func (s *SCIMService) ListGroups(ctx context.Context, p *SCIMListParams, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.groups", nil, p.values(), nil, opts)
}
func (s *SCIMService) GetGroup(ctx context.Context, id string, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.group", []string{id}, nil, nil, opts)
}
func (s *SCIMService) CreateGroup(ctx context.Context, group anyMap, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.createGroup", nil, nil, group, opts)
}
func (s *SCIMService) ReplaceGroup(ctx context.Context, id string, group anyMap, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.replaceGroup", []string{id}, nil, group, opts)
}
func (s *SCIMService) PatchGroup(ctx context.Context, id string, patch anyMap, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.patchGroup", []string{id}, nil, patch, opts)
}
func (s *SCIMService) DeleteGroup(ctx context.Context, id string, opts ...RequestOption) error {
	return s.c.call(ctx, "scim.deleteGroup", []string{id}, nil, nil, nil, applyOptions(opts))
}
func (s *SCIMService) GetServiceProviderConfig(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.serviceProviderConfig", nil, nil, nil, opts)
}
func (s *SCIMService) ListSchemas(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.schemas", nil, nil, nil, opts)
}
func (s *SCIMService) ListResourceTypes(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	return s.do(ctx, "scim.resourceTypes", nil, nil, nil, opts)
}

// ---- development mode and operations ------------------------------------------------------------

// DevService reads what Janua would have emailed or texted (development mode, loopback clients only).
type DevService struct{ c *Client }

func (s *DevService) Mailbox(ctx context.Context, to string, opts ...RequestOption) ([]EmailMessage, error) {
	var r struct{ Data []EmailMessage }
	return r.Data, s.c.call(ctx, "dev.mailbox", nil, q("to", to), nil, &r, applyOptions(opts))
}

func (s *DevService) SMS(ctx context.Context, to string, opts ...RequestOption) ([]SmsMessage, error) {
	var r struct{ Data []SmsMessage }
	return r.Data, s.c.call(ctx, "dev.sms", nil, q("to", to), nil, &r, applyOptions(opts))
}

// Push returns what the development push provider recorded.
func (s *DevService) Push(ctx context.Context, opts ...RequestOption) (anyMap, error) {
	var r anyMap
	return r, s.c.call(ctx, "dev.push", nil, nil, nil, &r, applyOptions(opts))
}

// HealthCheck is GET /health.
func (c *Client) HealthCheck(ctx context.Context) (map[string]interface{}, error) {
	var r map[string]interface{}
	return r, c.call(ctx, "health", nil, nil, nil, &r, callOptions{})
}

// Ready is GET /ready.
func (c *Client) Ready(ctx context.Context) (map[string]interface{}, error) {
	var r map[string]interface{}
	return r, c.call(ctx, "ready", nil, nil, nil, &r, callOptions{})
}

// GetJWKS returns the JSON Web Key Set that verifies Janua's access tokens (NewTokenVerifier uses it for you).
func (c *Client) GetJWKS(ctx context.Context) (map[string]interface{}, error) {
	var r map[string]interface{}
	return r, c.call(ctx, "jwks", nil, nil, nil, &r, callOptions{})
}
