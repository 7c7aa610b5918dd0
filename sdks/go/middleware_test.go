package janua_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	janua "github.com/janua-dev/janua/sdks/go"
)

// A Go service protected by the middleware, called with real access tokens from the server.
func TestMiddlewareVerifiesAccessTokensAgainstTheJWKS(t *testing.T) {
	verifier := janua.NewTokenVerifier(janua.VerifierConfig{Issuer: baseURL()})
	api := httptest.NewServer(verifier.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := janua.ClaimsFromContext(r.Context())
		_ = json.NewEncoder(w).Encode(map[string]string{"user": c.Subject, "session": c.SessionID})
	})))
	defer api.Close()
	call := func(token string) (int, map[string]interface{}) {
		req, _ := http.NewRequest("GET", api.URL+"/orders", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		must(t, err)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		var m map[string]interface{}
		_ = json.Unmarshal(b, &m)
		return res.StatusCode, m
	}

	c, _, r := signedUp(t, "service")
	s, _ := c.Session(ctx)
	status, body := call(s.AccessToken)
	check(t, status == 200 && body["user"] == r.User.ID && body["session"] == r.Session.ID, "%d %v", status, body)

	status, body = call("")
	check(t, status == 401 && body["error"].(map[string]interface{})["code"] == "UNAUTHORIZED", "%d %v", status, body)
	parts := strings.Split(s.AccessToken, ".")
	tampered := parts[0] + "." + parts[1][:len(parts[1])-2] + "AA" + "." + parts[2]
	status, body = call(tampered)
	check(t, status == 401 && body["error"].(map[string]interface{})["code"] == "INVALID_TOKEN", "tampered %d %v", status, body)
	status, _ = call("eyJhbGciOiJub25lIn0." + parts[1] + ".")
	check(t, status == 401, "alg none refused")
	wrongIssuer := janua.NewTokenVerifier(janua.VerifierConfig{Issuer: "https://elsewhere.example", JWKSURL: baseURL() + "/.well-known/jwks.json"})
	_, err := wrongIssuer.Verify(ctx, s.AccessToken)
	check(t, err != nil, "wrong issuer refused")

	// a key rotation: the new kid is fetched on first sight
	a := admin(t)
	_, err = a.Admin.RotateSigningKeys(ctx)
	must(t, err)
	c2, _, _ := signedUp(t, "rotated")
	s2, _ := c2.Session(ctx)
	status, _ = call(s2.AccessToken)
	check(t, status == 200, "token of the new key verifies: %d", status)
	status, _ = call(s.AccessToken)
	check(t, status == 200, "token of the previous key still verifies: %d", status)
}
