package janua

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Claims of a verified Janua access token (docs/tokens.md).
type Claims struct {
	Issuer    string   `json:"iss"`
	Subject   string   `json:"sub"` // the user id
	Audience  audience `json:"aud"`
	SessionID string   `json:"sid"`
	IssuedAt  int64    `json:"iat"`
	NotBefore int64    `json:"nbf"`
	ExpiresAt int64    `json:"exp"`
	ID        string   `json:"jti"`
	// Raw holds every claim, for ones this type does not name.
	Raw map[string]interface{} `json:"-"`
}

type audience []string

func (a *audience) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*a = audience{one}
		return nil
	}
	var many []string
	err := json.Unmarshal(b, &many)
	*a = many
	return err
}

// VerifierConfig configures a TokenVerifier. Issuer is required (Janua's JANUA_BASE_URL).
type VerifierConfig struct {
	// JWKSURL defaults to Issuer + "/.well-known/jwks.json".
	JWKSURL  string
	Issuer   string
	Audience string // default "janua"
	// Algorithms accepted (default RS256 and ES256); anything else — "none", HS256 — is refused.
	Algorithms []string
	// CacheTTL of the key set (default 5 minutes); an unknown kid reloads it, at most every MinRefresh (default 5 s).
	CacheTTL, MinRefresh time.Duration
	// Leeway for exp, nbf and iat (default 60 s, as Janua's own).
	Leeway     time.Duration
	HTTPClient *http.Client
}

// TokenVerifier checks Janua access tokens offline against the JWKS (cached, reloaded on an unknown kid).
// Offline checks cannot see a revoked session before the token expires; Janua's own endpoints do.
type TokenVerifier struct {
	cfg      VerifierConfig
	mu       sync.Mutex
	keys     map[string]crypto.PublicKey
	loadedAt time.Time
	forcedAt time.Time // the last reload caused by an unknown kid
}

// NewTokenVerifier makes a verifier.
func NewTokenVerifier(cfg VerifierConfig) *TokenVerifier {
	cfg.Issuer = strings.TrimRight(cfg.Issuer, "/")
	if cfg.JWKSURL == "" {
		cfg.JWKSURL = cfg.Issuer + "/.well-known/jwks.json"
	}
	if cfg.Audience == "" {
		cfg.Audience = "janua"
	}
	if len(cfg.Algorithms) == 0 {
		cfg.Algorithms = []string{"RS256", "ES256"}
	}
	if cfg.CacheTTL == 0 {
		cfg.CacheTTL = 5 * time.Minute
	}
	if cfg.MinRefresh == 0 {
		cfg.MinRefresh = 5 * time.Second
	}
	if cfg.Leeway == 0 {
		cfg.Leeway = 60 * time.Second
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	return &TokenVerifier{cfg: cfg}
}

// ErrInvalidToken wraps every reason a token is refused.
var ErrInvalidToken = errors.New("janua: invalid access token")

func invalid(reason string) error { return fmt.Errorf("%w: %s", ErrInvalidToken, reason) }

// Verify checks signature, alg, typ, iss, aud, exp, nbf, iat and the required claims.
func (v *TokenVerifier) Verify(ctx context.Context, token string) (*Claims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, invalid("malformed")
	}
	var header struct {
		Alg, Kid, Typ string
		Jku, X5u, Jwk interface{}
		X5c           interface{}
	}
	if err := decodeSegment(parts[0], &header); err != nil {
		return nil, invalid("malformed header")
	}
	if header.Jku != nil || header.X5u != nil || header.Jwk != nil || header.X5c != nil {
		return nil, invalid("token names its own key")
	}
	allowed := false
	for _, a := range v.cfg.Algorithms {
		allowed = allowed || a == header.Alg
	}
	if !allowed {
		return nil, invalid("algorithm " + header.Alg + " not accepted")
	}
	if header.Typ != "" && !strings.EqualFold(header.Typ, "at+jwt") && !strings.EqualFold(header.Typ, "JWT") {
		return nil, invalid("typ " + header.Typ)
	}
	key, err := v.key(ctx, header.Kid)
	if err != nil {
		return nil, err
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, invalid("malformed signature")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	switch k := key.(type) {
	case *rsa.PublicKey:
		if header.Alg != "RS256" || rsa.VerifyPKCS1v15(k, crypto.SHA256, digest[:], sig) != nil {
			return nil, invalid("bad signature")
		}
	case *ecdsa.PublicKey:
		if header.Alg != "ES256" || len(sig) != 64 ||
			!ecdsa.Verify(k, digest[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
			return nil, invalid("bad signature")
		}
	default:
		return nil, invalid("unsupported key")
	}
	var claims Claims
	if err := decodeSegment(parts[1], &claims); err != nil {
		return nil, invalid("malformed claims")
	}
	_ = decodeSegment(parts[1], &claims.Raw)
	now := time.Now()
	leeway := v.cfg.Leeway
	switch {
	case claims.Issuer != v.cfg.Issuer:
		return nil, invalid("issuer " + claims.Issuer)
	case !contains(claims.Audience, v.cfg.Audience):
		return nil, invalid("audience")
	case claims.Subject == "" || claims.SessionID == "" || claims.ID == "":
		return nil, invalid("missing sub, sid or jti")
	case claims.ExpiresAt == 0 || now.After(time.Unix(claims.ExpiresAt, 0).Add(leeway)):
		return nil, invalid("expired")
	case claims.NotBefore != 0 && now.Add(leeway).Before(time.Unix(claims.NotBefore, 0)):
		return nil, invalid("not yet valid")
	case claims.IssuedAt != 0 && now.Add(leeway).Before(time.Unix(claims.IssuedAt, 0)):
		return nil, invalid("issued in the future")
	}
	return &claims, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func decodeSegment(seg string, into interface{}) error {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, into)
}

// key returns the public key for kid. The JWKS is loaded when first needed and when older than
// CacheTTL; an unknown kid (a rotation) reloads it at once, then at most every MinRefresh, so a
// flood of tokens with made-up kids cannot turn into a flood of JWKS requests.
func (v *TokenVerifier) key(ctx context.Context, kid string) (crypto.PublicKey, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	k, known := v.keys[kid]
	stale := v.keys == nil || time.Since(v.loadedAt) >= v.cfg.CacheTTL
	if known && !stale {
		return k, nil
	}
	if stale || time.Since(v.forcedAt) >= v.cfg.MinRefresh {
		if !stale {
			v.forcedAt = time.Now()
		}
		if err := v.load(ctx); err != nil {
			if known {
				return k, nil // the JWKS is unreachable: keep using a known key
			}
			return nil, err
		}
	}
	if k, ok := v.keys[kid]; ok {
		return k, nil
	}
	return nil, invalid("unknown key " + kid)
}

func (v *TokenVerifier) load(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, v.cfg.JWKSURL, nil)
	if err != nil {
		return err
	}
	res, err := v.cfg.HTTPClient.Do(req)
	if err != nil {
		return fmt.Errorf("janua: JWKS: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("janua: JWKS answered %d", res.StatusCode)
	}
	var set struct {
		Keys []struct{ Kty, Kid, Use, Alg, N, E, Crv, X, Y string }
	}
	if err := json.NewDecoder(res.Body).Decode(&set); err != nil {
		return fmt.Errorf("janua: JWKS: %w", err)
	}
	keys := map[string]crypto.PublicKey{}
	for _, k := range set.Keys {
		if k.Use != "" && k.Use != "sig" {
			continue
		}
		switch k.Kty {
		case "RSA":
			n, err1 := base64.RawURLEncoding.DecodeString(k.N)
			e, err2 := base64.RawURLEncoding.DecodeString(k.E)
			if err1 == nil && err2 == nil {
				keys[k.Kid] = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
			}
		case "EC":
			x, err1 := base64.RawURLEncoding.DecodeString(k.X)
			y, err2 := base64.RawURLEncoding.DecodeString(k.Y)
			if err1 == nil && err2 == nil && k.Crv == "P-256" {
				keys[k.Kid] = &ecdsa.PublicKey{Curve: elliptic.P256(), X: new(big.Int).SetBytes(x), Y: new(big.Int).SetBytes(y)}
			}
		}
	}
	v.keys, v.loadedAt = keys, time.Now()
	return nil
}

type claimsKey struct{}

// ClaimsFromContext returns the claims the middleware verified, or nil.
func ClaimsFromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

// Middleware verifies `Authorization: Bearer <access token>` on every request and passes the claims
// on in the request context (ClaimsFromContext); without a valid token it answers 401 with Janua's
// error body and a WWW-Authenticate header (RFC 6750).
func (v *TokenVerifier) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		token := ""
		if len(auth) > 7 && strings.EqualFold(auth[:7], "Bearer ") {
			token = strings.TrimSpace(auth[7:])
		}
		if token == "" {
			unauthorized(w, "UNAUTHORIZED", "An access token is required", `Bearer realm="janua"`)
			return
		}
		claims, err := v.Verify(r.Context(), token)
		if err != nil {
			unauthorized(w, "INVALID_TOKEN", err.Error(), `Bearer realm="janua", error="invalid_token"`)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey{}, claims)))
	})
}

func unauthorized(w http.ResponseWriter, code, message, challenge string) {
	w.Header().Set("WWW-Authenticate", challenge)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnauthorized)
	_ = json.NewEncoder(w).Encode(map[string]interface{}{"error": map[string]interface{}{
		"code": code, "message": message, "details": map[string]interface{}{}, "timestamp": time.Now().UTC().Format(time.RFC3339),
	}})
}
