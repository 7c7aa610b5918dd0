package janua_test

// Drift between the SDK and the running server's /openapi.json (sdks/README.md §2): every route of
// the SDK's table is an operation of the server (canonical path or a named alias), every operation
// of the areas the SDK covers is reached, and models_gen.go still matches the server's schemas (no
// type or field the SDK relies on was removed or changed). New server fields only log a note.

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	janua "github.com/janua-dev/janua/sdks/go"
	"github.com/janua-dev/janua/sdks/go/internal/gen"
)

func openAPI(t *testing.T) []byte {
	t.Helper()
	res, err := http.Get(baseURL() + "/openapi.json")
	must(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	must(t, err)
	return b
}

var param = regexp.MustCompile(`\{[^}]+}`)
var aliasList = regexp.MustCompile("Also answers at (.*) \\(aliases")
var backticked = regexp.MustCompile("`([^`]+)`")

func TestEveryRouteIsAnOperationOfTheServer(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Description string   `json:"description"`
			Tags        []string `json:"tags"`
		} `json:"paths"`
	}
	must(t, json.Unmarshal(openAPI(t), &doc))
	ops := map[string]bool{}
	covered := map[string][]string{} // operation -> its alias keys
	for path, item := range doc.Paths {
		for method, op := range item {
			key := strings.ToUpper(method) + " " + param.ReplaceAllString(path, "{}")
			ops[key] = true
			var aliases []string
			if m := aliasList.FindStringSubmatch(op.Description); m != nil {
				for _, a := range backticked.FindAllStringSubmatch(m[1], -1) {
					k := strings.ToUpper(method) + " " + param.ReplaceAllString(a[1], "{}")
					ops[k] = true
					aliases = append(aliases, k)
				}
			}
			if len(op.Tags) > 0 && coveredTags[op.Tags[0]] && !sameAs[key] {
				covered[key] = aliases
			}
		}
	}
	var missing []string
	sdk := map[string]bool{}
	for name, r := range janua.Routes() {
		p := r.Path
		if !r.Root {
			p = "/api/v1" + p
		}
		key := r.Method + " " + param.ReplaceAllString(p, "{}")
		sdk[key] = true
		if !ops[key] {
			missing = append(missing, name+": "+key)
		}
	}
	sort.Strings(missing)
	check(t, len(missing) == 0, "routes the server does not have: %v", missing)

	var uncovered []string
	for op, aliases := range covered {
		reached := sdk[op]
		for _, a := range aliases {
			reached = reached || sdk[a]
		}
		if !reached {
			uncovered = append(uncovered, op)
		}
	}
	sort.Strings(uncovered)
	check(t, len(uncovered) == 0, "operations the SDK does not reach: %v", uncovered)
}

// The API areas this SDK version covers; operations of other (newer) areas are not required yet.
var coveredTags = map[string]bool{"Authentication": true, "Account": true, "Profile": true, "MFA": true, "Magic links": true,
	"Sessions": true, "Organizations": true, "Organization members": true, "Invitations": true, "RBAC": true, "API keys": true,
	"Webhooks": true, "Audit log": true, "Admin": true, "Analytics": true, "Applications": true, "SCIM": true,
	"SCIM administration": true, "Development": true, "Operations": true, "Keys": true}

// Operations the SDK reaches through another of the same meaning (PUT = PATCH here, POST …/revoke = DELETE …).
var sameAs = map[string]bool{"PUT /api/v1/users/me": true, "PUT /api/v1/users/me/password": true, "PUT /api/v1/organizations/{}": true,
	"PUT /api/v1/roles/{}": true, "PUT /api/v1/users/{}": true, "PUT /api/v1/webhooks/{}": true, "PUT /api/v1/scim/v2/Users/{}": false,
	"POST /api/v1/organizations/{}/members/{}/role": true, "POST /api/v1/organizations/{}/invitations/{}/revoke": true,
	"POST /api/v1/api-keys/{}/revoke": true, "POST /api/v1/sessions/revoke-all": true, "POST /api/v1/admin/audit-logs/verify": true,
	"GET /api/v1/auth/magic-link/verify": true, "GET /api/v1/auth/verify-email": true, "POST /api/v1/auth/mfa/verify": true,
	"GET /api/v1/scim/v2/Schemas/{}": true, "GET /api/v1/scim/v2/ResourceTypes/{}": true}

// fields maps each struct type of a Go source to its fields and their types.
func fields(t *testing.T, src []byte) map[string]map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "models.go", src, 0)
	must(t, err)
	out := map[string]map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range g.Specs {
			ts, ok := s.(*ast.TypeSpec)
			if !ok {
				continue
			}
			m := map[string]string{}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, fl := range st.Fields.List {
					var b strings.Builder
					_ = printer.Fprint(&b, fset, fl.Type)
					for _, n := range fl.Names {
						m[n.Name] = b.String()
					}
				}
			} else {
				var b strings.Builder
				_ = printer.Fprint(&b, fset, ts.Type)
				m["="] = b.String()
			}
			out[ts.Name.Name] = m
		}
	}
	return out
}

func TestGeneratedModelsStillMatchTheServer(t *testing.T) {
	committed, err := os.ReadFile("models_gen.go")
	must(t, err)
	generated, err := gen.Generate(openAPI(t))
	must(t, err)
	have, live := fields(t, committed), fields(t, generated)
	var broken, added []string
	for typ, fs := range have {
		l, ok := live[typ]
		if !ok {
			broken = append(broken, typ+": gone from the server's schemas")
			continue
		}
		for f, ty := range fs {
			if lt, ok := l[f]; !ok {
				broken = append(broken, typ+"."+f+": removed")
			} else if lt != ty {
				broken = append(broken, typ+"."+f+": "+ty+" -> "+lt)
			}
		}
		for f := range l {
			if _, ok := fs[f]; !ok {
				added = append(added, typ+"."+f)
			}
		}
	}
	for typ := range live {
		if _, ok := have[typ]; !ok {
			added = append(added, typ)
		}
	}
	if len(added) > 0 {
		sort.Strings(added)
		t.Logf("the server has %d schema(s)/field(s) models_gen.go does not name yet (regenerate): %v", len(added), added)
	}
	sort.Strings(broken)
	check(t, len(broken) == 0, "models drifted: %v", broken)
}
