// Package janua is the Go SDK of Janua, the open-source identity server: sign-up and sign-in, MFA,
// sessions, organizations, roles and permissions, API keys, webhooks, audit logs and platform
// administration — plus webhook verification and an http.Handler middleware that verifies Janua
// access tokens against the JWKS. Standard library only; every call takes a context.Context.
//
//	client := janua.NewClient(&janua.Config{APIKey: "sk_…", BaseURL: "http://localhost:8000"})
//	result, err := client.Auth.SignIn(ctx, &janua.SignInRequest{Email: "ada@example.com", Password: "…"})
package janua

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// Version of this SDK (sent in User-Agent).
const Version = "0.1.0"

// Config of a Client. Zero values take the defaults of sdks/README.md §1.
type Config struct {
	// APIKey is a server-side API key sk_… (env JANUA_API_KEY).
	APIKey string
	// BaseURL of the Janua server (env JANUA_BASE_URL; default http://localhost:8000); /api/v1 is appended unless present.
	BaseURL string
	// Environment is informational (env JANUA_ENVIRONMENT, default production); production refuses plain
	// http to hosts other than loopback (NewClient panics, as for any invalid configuration).
	Environment string
	// Timeout per attempt (default 30 s).
	Timeout time.Duration
	// MaxRetries after the first attempt (default 3; set NoRetries for none).
	MaxRetries int
	NoRetries  bool
	// MaxRetryAfter is the longest Retry-After waited for by the SDK (default 10 s); longer ones return the 429 at once.
	MaxRetryAfter time.Duration
	// HTTPClient to use (default: a client with Timeout). Its Transport sees every request.
	HTTPClient *http.Client
	// Headers sent with every request (an X-Request-ID here is used instead of a generated one).
	Headers map[string]string
	// OrganizationID is sent as X-Organization-ID (the active organization).
	OrganizationID string
	// Locale is sent as Accept-Language (en, es, fr, de): error messages and emails.
	Locale string
	// SCIMToken authenticates the SCIM namespace.
	SCIMToken string
	// TokenStore keeps the session (default: in memory).
	TokenStore TokenStore
	// OnTokens is told about every new session (sign-in, refresh) and about sign-out (nil).
	OnTokens func(*Session)
	// DisableAutoRefresh turns automatic refresh off.
	DisableAutoRefresh bool
	// Debug logs method, URL, status, request id and duration — never bodies, tokens or keys.
	Debug  bool
	Logger *log.Logger
}

// Session is what the client keeps after a sign-in: enough to call and to refresh.
type Session struct {
	AccessToken  string    `json:"accessToken"`
	RefreshToken string    `json:"refreshToken,omitempty"`
	ExpiresAt    time.Time `json:"expiresAt,omitempty"`
	SessionID    string    `json:"sessionId,omitempty"`
}

// TokenStore keeps the session. Implement it to share a session across processes (a database, Redis).
type TokenStore interface {
	Load(ctx context.Context) (*Session, error)
	Save(ctx context.Context, s *Session) error // nil clears
}

// MemoryStore is the default TokenStore.
type MemoryStore struct {
	mu sync.Mutex
	s  *Session
}

func (m *MemoryStore) Load(context.Context) (*Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.s == nil {
		return nil, nil
	}
	c := *m.s
	return &c, nil
}

func (m *MemoryStore) Save(_ context.Context, s *Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s == nil {
		m.s = nil
		return nil
	}
	c := *s
	m.s = &c
	return nil
}

// Client talks to one Janua server. Safe for concurrent use.
type Client struct {
	Auth          *AuthService
	Users         *UsersService
	Organizations *OrganizationsService
	MFA           *MFAService
	MagicLinks    *MagicLinksService
	Sessions      *SessionsService
	Roles         *RolesService
	Permissions   *PermissionsService
	APIKeys       *APIKeysService
	Webhooks      *WebhooksService
	AuditLogs     *AuditLogsService
	Admin         *AdminService
	Applications  *ApplicationsService
	SCIM          *SCIMService
	Dev           *DevService

	cfg      Config
	apiBase  string
	rootBase string
	http     *http.Client
	store    TokenStore

	mu          sync.Mutex
	apiKey      string
	orgID       string
	refreshCall *refreshCall
}

// refreshCall is the one refresh in flight; concurrent callers wait on done and share its result.
type refreshCall struct {
	done    chan struct{}
	session *Session
	err     error
}

// NewClient makes a client. A nil config takes every default (and the JANUA_* environment variables).
func NewClient(cfg *Config) *Client {
	c := Config{}
	if cfg != nil {
		c = *cfg
	}
	if c.APIKey == "" {
		c.APIKey = os.Getenv("JANUA_API_KEY")
	}
	if c.BaseURL == "" {
		c.BaseURL = os.Getenv("JANUA_BASE_URL")
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://localhost:8000"
	}
	if c.Environment == "" {
		c.Environment = os.Getenv("JANUA_ENVIRONMENT")
	}
	if c.Environment == "" {
		c.Environment = "production"
	}
	if c.Timeout == 0 {
		c.Timeout = 30 * time.Second
	}
	if c.NoRetries {
		c.MaxRetries = 0
	} else if c.MaxRetries == 0 {
		c.MaxRetries = 3
	}
	if c.MaxRetryAfter == 0 {
		c.MaxRetryAfter = 10 * time.Second
	}
	if !c.Debug && os.Getenv("JANUA_DEBUG") != "" {
		c.Debug = true
	}
	base := strings.TrimRight(c.BaseURL, "/")
	root, api := base, base+"/api/v1"
	for _, suffix := range []string{"/api/v1", "/v1"} {
		if strings.HasSuffix(base, suffix) {
			root, api = strings.TrimSuffix(base, suffix), base
			break
		}
	}
	u, err := url.Parse(root)
	if err != nil || u.Host == "" {
		panic(fmt.Sprintf("janua: invalid BaseURL %q", c.BaseURL))
	}
	host := u.Hostname()
	if c.Environment == "production" && u.Scheme == "http" && host != "localhost" && !isLoopback(host) {
		panic(fmt.Sprintf("janua: refusing plain http to %s in production (use https, or Environment: \"development\")", u.Host))
	}
	cl := &Client{cfg: c, apiBase: api, rootBase: root, apiKey: c.APIKey, orgID: c.OrganizationID}
	cl.http = c.HTTPClient
	if cl.http == nil {
		cl.http = &http.Client{}
	}
	cl.store = c.TokenStore
	if cl.store == nil {
		cl.store = &MemoryStore{}
	}
	cl.Auth = &AuthService{cl}
	cl.Users = &UsersService{cl}
	cl.Organizations = &OrganizationsService{cl}
	cl.MFA = &MFAService{cl}
	cl.MagicLinks = &MagicLinksService{cl}
	cl.Sessions = &SessionsService{cl}
	cl.Roles = &RolesService{cl}
	cl.Permissions = &PermissionsService{cl}
	cl.APIKeys = &APIKeysService{cl}
	cl.Webhooks = &WebhooksService{cl}
	cl.AuditLogs = &AuditLogsService{cl}
	cl.Admin = &AdminService{cl}
	cl.Applications = &ApplicationsService{cl}
	cl.SCIM = &SCIMService{cl}
	cl.Dev = &DevService{cl}
	return cl
}

func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SetOrganization sets the active organization (X-Organization-ID); "" for none.
func (c *Client) SetOrganization(id string) { c.mu.Lock(); c.orgID = id; c.mu.Unlock() }

// SetAPIKey changes the API key.
func (c *Client) SetAPIKey(key string) { c.mu.Lock(); c.apiKey = key; c.mu.Unlock() }

// Session returns the session the client holds, or nil.
func (c *Client) Session(ctx context.Context) (*Session, error) { return c.store.Load(ctx) }

// SetSession restores a session (e.g. from your own store); nil forgets it.
func (c *Client) SetSession(ctx context.Context, s *Session) error {
	if err := c.store.Save(ctx, s); err != nil {
		return err
	}
	if c.cfg.OnTokens != nil {
		c.cfg.OnTokens(s)
	}
	return nil
}

// storeTokens keeps the tokens of a sign-in-like answer or a refresh.
func (c *Client) storeTokens(ctx context.Context, t *Tokens, sessionID string) error {
	if t == nil || t.AccessToken == "" {
		return nil
	}
	prev, _ := c.store.Load(ctx)
	s := &Session{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, SessionID: sessionID}
	if s.RefreshToken == "" && prev != nil {
		s.RefreshToken = prev.RefreshToken
	}
	if s.SessionID == "" && prev != nil {
		s.SessionID = prev.SessionID
	}
	if exp, err := time.Parse(time.RFC3339Nano, t.ExpiresAt); err == nil {
		s.ExpiresAt = exp
	} else if t.ExpiresIn > 0 {
		s.ExpiresAt = time.Now().Add(time.Duration(t.ExpiresIn) * time.Second)
	}
	return c.SetSession(ctx, s)
}

// Refresh gets new tokens now (normally automatic). Concurrent callers share one refresh request:
// refresh tokens are single use, so a second refresh of the same token would be wasted at best.
func (c *Client) Refresh(ctx context.Context) (*Session, error) {
	c.mu.Lock()
	call := c.refreshCall
	if call == nil {
		call = &refreshCall{done: make(chan struct{})}
		c.refreshCall = call
		c.mu.Unlock()
		// detached from the first caller's cancellation: the others wait for this result
		go func() {
			call.session, call.err = c.doRefresh(context.Background())
			c.mu.Lock()
			c.refreshCall = nil
			c.mu.Unlock()
			close(call.done)
		}()
	} else {
		c.mu.Unlock()
	}
	select {
	case <-call.done:
		return call.session, call.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (c *Client) doRefresh(ctx context.Context) (*Session, error) {
	s, err := c.store.Load(ctx)
	if err != nil {
		return nil, err
	}
	if s == nil || s.RefreshToken == "" {
		return nil, notAuthenticated("no refresh token: sign in first")
	}
	var t Tokens
	err = c.call(ctx, "auth.refresh", nil, nil, &RefreshRequest{RefreshToken: s.RefreshToken}, &t, callOptions{noRefresh: true})
	if err != nil {
		var je *Error
		if errors.As(err, &je) && (je.Code == "INVALID_REFRESH_TOKEN" || je.Code == "REFRESH_TOKEN_REUSED" || je.Code == "SESSION_EXPIRED") {
			_ = c.SetSession(ctx, nil)
		}
		return nil, err
	}
	if err := c.storeTokens(ctx, &t, s.SessionID); err != nil {
		return nil, err
	}
	return c.store.Load(ctx)
}

func (c *Client) userToken(ctx context.Context) (string, error) {
	s, err := c.store.Load(ctx)
	if err != nil || s == nil {
		return "", err
	}
	if !c.cfg.DisableAutoRefresh && s.RefreshToken != "" && !s.ExpiresAt.IsZero() && time.Until(s.ExpiresAt) < 30*time.Second {
		if s, err = c.Refresh(ctx); err != nil {
			return "", err
		}
	}
	return s.AccessToken, nil
}

type callOptions struct {
	noRefresh bool
	text      bool // out is *string: the raw body
	headers   map[string]string
}

// RequestOption changes one call (e.g. WithOrganization, WithHeader).
type RequestOption func(*callOptions)

// WithOrganization sends X-Organization-ID for this call.
func WithOrganization(id string) RequestOption {
	return WithHeader("X-Organization-ID", id)
}

// WithHeader adds a header to this call (an X-Request-ID given here is the call's request id).
func WithHeader(name, value string) RequestOption {
	return func(o *callOptions) {
		if o.headers == nil {
			o.headers = map[string]string{}
		}
		o.headers[name] = value
	}
}

func applyOptions(opts []RequestOption) callOptions {
	var o callOptions
	for _, f := range opts {
		f(&o)
	}
	return o
}

// call sends the named route: params fill the path in order, query and body as given, answer into out.
func (c *Client) call(ctx context.Context, name string, params []string, query url.Values, body, out interface{}, o callOptions) error {
	r, ok := routes[name]
	if !ok {
		panic("janua: unknown route " + name)
	}
	return c.callRoute(ctx, name, r, params, query, body, out, o)
}

func (c *Client) callRoute(ctx context.Context, name string, r route, params []string, query url.Values, body, out interface{}, o callOptions) error {
	path := r.Path
	for _, p := range params {
		i := strings.Index(path, "{")
		j := strings.Index(path, "}")
		if i < 0 || j < i {
			break
		}
		if p == "" {
			return &Error{Code: "VALIDATION_ERROR", Message: fmt.Sprintf("%s: %s is required", name, path[i+1:j]), Details: map[string]interface{}{}}
		}
		path = path[:i] + url.PathEscape(p) + path[j+1:]
	}
	base := c.apiBase
	if r.Root {
		base = c.rootBase
	}
	u := base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return err
		}
	}
	headers := http.Header{}
	headers.Set("Accept", "application/json")
	headers.Set("User-Agent", "janua-go/"+Version+" ("+c.cfg.Environment+")")
	for k, v := range c.cfg.Headers {
		headers.Set(k, v)
	}
	c.mu.Lock()
	orgID, apiKey := c.orgID, c.apiKey
	c.mu.Unlock()
	if orgID != "" {
		headers.Set("X-Organization-ID", orgID)
	}
	if c.cfg.Locale != "" {
		headers.Set("Accept-Language", c.cfg.Locale)
	}
	for k, v := range o.headers {
		headers.Set(k, v)
	}
	if headers.Get("X-Request-ID") == "" {
		headers.Set("X-Request-ID", NewRequestID())
	}
	if payload != nil {
		if r.Cred == credSCIM {
			headers.Set("Content-Type", "application/scim+json")
		} else {
			headers.Set("Content-Type", "application/json")
		}
	}

	usedToken := ""
	authorize := func() error {
		headers.Del("Authorization")
		headers.Del("X-API-Key")
		usedToken = ""
		switch r.Cred {
		case credNone:
			return nil
		case credSCIM:
			if c.cfg.SCIMToken == "" {
				return &Error{Code: "NOT_AUTHENTICATED", Message: "SCIM calls need Config.SCIMToken", Details: map[string]interface{}{}}
			}
			headers.Set("Authorization", "Bearer "+c.cfg.SCIMToken)
			return nil
		}
		if r.Cred == credAdmin && apiKey != "" {
			headers.Set("X-API-Key", apiKey)
			return nil
		}
		token, err := c.userToken(ctx)
		if err != nil {
			return err
		}
		if token != "" {
			headers.Set("Authorization", "Bearer "+token)
			usedToken = token
			return nil
		}
		if r.Cred == credUser {
			return notAuthenticated("not signed in: this call needs a user session")
		}
		if apiKey != "" {
			headers.Set("X-API-Key", apiKey)
		}
		return nil
	}
	if err := authorize(); err != nil {
		return err
	}
	refreshed := false
	for {
		err := c.send(ctx, r.Method, u, headers, payload, out, o.text)
		var je *Error
		// An access token refused as invalid (expired, key rotated): refresh once, call again.
		if err != nil && !o.noRefresh && !refreshed && usedToken != "" && !c.cfg.DisableAutoRefresh &&
			errors.As(err, &je) && je.StatusCode == 401 && je.Code == "INVALID_TOKEN" {
			refreshed = true
			// someone may have refreshed while this call was in flight: then use their token
			if cur, _ := c.store.Load(ctx); cur == nil || cur.AccessToken == usedToken {
				if _, rerr := c.Refresh(ctx); rerr != nil {
					return rerr
				}
			}
			if aerr := authorize(); aerr != nil {
				return aerr
			}
			continue
		}
		return err
	}
}

// send is one call with its retries (sdks/README.md §6).
func (c *Client) send(ctx context.Context, method, u string, headers http.Header, payload []byte, out interface{}, text bool) error {
	idempotent := method == "GET" || method == "PUT" || method == "DELETE" || method == "HEAD"
	for attempt := 0; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		var body io.Reader
		if payload != nil {
			body = bytes.NewReader(payload)
		}
		req, err := http.NewRequestWithContext(actx, method, u, body)
		if err != nil {
			cancel()
			return err
		}
		req.Header = headers.Clone()
		started := time.Now()
		res, err := c.http.Do(req)
		if err != nil {
			cancel()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			code, timedOut := "NETWORK_ERROR", actx.Err() == context.DeadlineExceeded
			if timedOut {
				code = "TIMEOUT"
			}
			c.debugf("%s %s -> %s (%s) %s", method, u, code, time.Since(started), headers.Get("X-Request-ID"))
			var opErr *net.OpError
			refused := errors.As(err, &opErr) && opErr.Op == "dial"
			if attempt < c.cfg.MaxRetries && (idempotent || refused) {
				if werr := sleep(ctx, backoff(attempt+1)); werr != nil {
					return werr
				}
				continue
			}
			return &Error{Code: code, Message: err.Error(), RequestID: headers.Get("X-Request-ID"), Details: map[string]interface{}{}, Err: err}
		}
		data, rerr := io.ReadAll(res.Body)
		res.Body.Close()
		cancel()
		c.debugf("%s %s -> %d (%s) %s", method, u, res.StatusCode, time.Since(started), res.Header.Get("X-Request-ID"))
		if rerr != nil {
			return &Error{Code: "NETWORK_ERROR", Message: rerr.Error(), StatusCode: res.StatusCode, Details: map[string]interface{}{}, Err: rerr}
		}
		if res.StatusCode >= 200 && res.StatusCode < 300 {
			if out == nil || len(data) == 0 {
				return nil
			}
			if text {
				*(out.(*string)) = string(data)
				return nil
			}
			return json.Unmarshal(data, out)
		}
		je := errorFromResponse(res, data)
		retryable := res.StatusCode == 429 || (idempotent && (res.StatusCode == 502 || res.StatusCode == 503 || res.StatusCode == 504))
		if !retryable || attempt >= c.cfg.MaxRetries {
			return je
		}
		wait := backoff(attempt + 1)
		if res.StatusCode == 429 || res.StatusCode == 503 {
			if d, ok := parseRetryAfter(res.Header.Get("Retry-After")); ok {
				if d > c.cfg.MaxRetryAfter {
					return je
				}
				wait = d
			}
		}
		if werr := sleep(ctx, wait); werr != nil {
			return werr
		}
	}
}

func (c *Client) debugf(format string, args ...interface{}) {
	if !c.cfg.Debug {
		return
	}
	if c.cfg.Logger != nil {
		c.cfg.Logger.Printf("[janua] "+format, args...)
	} else {
		log.Printf("[janua] "+format, args...)
	}
}

// backoff is full-jitter exponential: up to min(8 s, 0.5 s × 2^(n-1)).
func backoff(n int) time.Duration {
	ceiling := 500 * time.Millisecond << (n - 1)
	if ceiling > 8*time.Second || ceiling <= 0 {
		ceiling = 8 * time.Second
	}
	r, _ := rand.Int(rand.Reader, big.NewInt(int64(ceiling)))
	return time.Duration(r.Int64())
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

const idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// NewRequestID is req_ + 24 random characters (the server keeps a well-formed id from the caller).
func NewRequestID() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return "req_" + string(b)
}

// Do calls any route of the API not covered by a method: path under /api/v1 (e.g. "/users/me"),
// body marshalled as JSON, answer decoded into out. Credentials as for "any" routes.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out interface{}, opts ...RequestOption) error {
	return c.callRoute(ctx, method+" "+path, route{method, path, credAny, false}, nil, query, body, out, applyOptions(opts))
}
