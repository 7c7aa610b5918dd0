package janua

// Route is one entry of the SDK's route table (exported for the drift test and for tooling).
type Route struct {
	Method, Path string
	Root         bool
}

// Routes returns the SDK's route table: name → method and path (under /api/v1 unless Root).
func Routes() map[string]Route {
	out := make(map[string]Route, len(routes))
	for name, r := range routes {
		out[name] = Route{Method: r.Method, Path: r.Path, Root: r.Root}
	}
	return out
}
