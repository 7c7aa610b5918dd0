// Command janua-genmodels writes models_gen.go from a running Janua's /openapi.json:
//
//	go run ./cmd/janua-genmodels http://127.0.0.1:8000 > models_gen.go
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/janua-dev/janua/sdks/go/internal/gen"
)

func main() {
	base := "http://localhost:8000"
	if len(os.Args) > 1 {
		base = os.Args[1]
	}
	res, err := http.Get(strings.TrimRight(base, "/") + "/openapi.json")
	if err != nil {
		fail(err)
	}
	defer res.Body.Close()
	doc, err := io.ReadAll(res.Body)
	if err != nil {
		fail(err)
	}
	src, err := gen.Generate(doc)
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(src)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "janua-genmodels:", err)
	os.Exit(1)
}
