module github.com/janua-dev/janua/sdks/go

go 1.19
