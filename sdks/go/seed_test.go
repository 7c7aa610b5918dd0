package janua_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	janua "github.com/janua-dev/janua/sdks/go"
)

// Seed 000's Go snippet, as written (base URL pointed at the server under test).
func TestSeed000GoSnippet(t *testing.T) {
	email := uniqueEmail("seed")
	_, err := newClient(nil).Auth.SignUp(ctx, &janua.SignUpRequest{Email: email, Password: password})
	must(t, err)

	// --- seed 000 ---
	client := janua.NewClient(&janua.Config{
		APIKey:  "your-api-key",
		BaseURL: baseURL(),
	})

	// Authenticate user
	result, err := client.Auth.SignIn(context.Background(), &janua.SignInRequest{
		Email:    email,
		Password: password,
	})
	must(t, err)

	// Get current user
	user, err := client.Auth.GetCurrentUser(context.Background())
	must(t, err)

	// Create organization
	org, err := client.Organizations.Create(context.Background(), &janua.CreateOrgRequest{
		Name: "My Company",
		Slug: "my-company-" + strconv.FormatInt(time.Now().UnixNano(), 10),
	})
	must(t, err)
	// --- end of the seed ---

	check(t, !result.RequiresMFA && result.Tokens.AccessToken != "", "signed in: %+v", result)
	check(t, user.Email == email, "user %+v", user)
	check(t, org.Name == "My Company" && org.UserRole == "owner", "org %+v", org)
}
