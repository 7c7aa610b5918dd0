package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.janua.sdk.model.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Janua client. Thread-safe; create one per application (or one per end user when it holds that user's
 * session) and share it.
 *
 * <pre>{@code
 * JanuaClient janua = JanuaClient.builder().baseUrl("https://auth.example.com").build();
 * SignInResult r = janua.auth().signIn("ada@example.com", "correct horse battery staple");
 * User me = janua.auth().getCurrentUser();
 * }</pre>
 *
 * Namespaces follow sdks/README.md §2. A client holds at most one user session (set by sign-in, sign-up,
 * MFA completion, magic-link and invitation sign-in, or {@link #setSession}) and optionally an API key.
 */
public final class JanuaClient {
    public static final String VERSION = "0.1.0";

    private final Transport transport;
    private final Auth auth;
    private final Users users;
    private final Organizations organizations;
    private final Mfa mfa;
    private final Sessions sessions;
    private final MagicLinks magicLinks;
    private final ApiKeys apiKeys;
    private final Roles roles;
    private final Permissions permissions;
    private final Webhooks webhooks;
    private final AuditLogs auditLogs;
    private final Admin admin;

    private JanuaClient(Builder b) {
        this.transport = new Transport(b);
        this.auth = new Auth(transport);
        this.users = new Users(transport);
        this.organizations = new Organizations(transport);
        this.mfa = new Mfa(transport);
        this.sessions = new Sessions(transport);
        this.magicLinks = new MagicLinks(transport);
        this.apiKeys = new ApiKeys(transport);
        this.roles = new Roles(transport);
        this.permissions = new Permissions(transport);
        this.webhooks = new Webhooks(transport);
        this.auditLogs = new AuditLogs(transport);
        this.admin = new Admin(transport);
    }

    public static Builder builder() { return new Builder(); }

    public Auth auth() { return auth; }
    public Users users() { return users; }
    public Organizations organizations() { return organizations; }
    public Mfa mfa() { return mfa; }
    public Sessions sessions() { return sessions; }
    public MagicLinks magicLinks() { return magicLinks; }
    public ApiKeys apiKeys() { return apiKeys; }
    public Roles roles() { return roles; }
    public Permissions permissions() { return permissions; }
    public Webhooks webhooks() { return webhooks; }
    public AuditLogs auditLogs() { return auditLogs; }
    public Admin admin() { return admin; }

    /** The current token pair, or null when no user is signed in. */
    public Tokens getTokens() { return transport.session.current(); }

    /** Restores a session (e.g. from a cookie store). {@code onTokens} is not called for it. */
    public void setSession(Tokens tokens) { transport.session.set(Objects.requireNonNull(tokens, "tokens")); }

    /** Forgets the session locally (no request; use {@code auth().signOut()} to end it on the server). */
    public void clearSession() { transport.session.clear(); }

    /** Sets {@code X-Organization-ID}, the active organization of calls that do not name one; null clears it. */
    public void setOrganizationId(String organizationId) { transport.organizationId = organizationId; }

    /** {@code GET /health}. */
    public JsonNode healthCheck() { return transport.callRoot("GET", "/health"); }

    /** The base URL of the API ({@code …/api/v1}). */
    public String apiBaseUrl() { return transport.apiBase(); }

    /** Configuration (sdks/README.md §1). Explicit arguments beat the environment variables. */
    public static final class Builder {
        String baseUrl;
        String apiKey;
        String environment;
        String organizationId;
        Duration timeout = Duration.ofSeconds(30);
        int maxRetries = 3;
        Duration maxRetryAfter = Duration.ofSeconds(10);
        final Map<String, String> customHeaders = new LinkedHashMap<>();
        Consumer<Tokens> onTokens;
        Consumer<RequestLog> logger;
        HttpClient httpClient;
        Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The Janua server ({@code JANUA_BASE_URL}, default {@code http://localhost:8000}); {@code /api/v1} is appended unless present. */
        public Builder baseUrl(String baseUrl) { this.baseUrl = baseUrl; return this; }
        /** A server-side API key {@code sk_…} ({@code JANUA_API_KEY}). */
        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }
        /** {@code production} (default, {@code JANUA_ENVIRONMENT}) refuses plain {@code http://} to hosts other than loopback. */
        public Builder environment(String environment) { this.environment = environment; return this; }
        /** Default {@code X-Organization-ID}. */
        public Builder organizationId(String organizationId) { this.organizationId = organizationId; return this; }
        /** Per attempt; default 30 s. */
        public Builder timeout(Duration timeout) { this.timeout = Objects.requireNonNull(timeout); return this; }
        /** Retries after the first attempt; default 3, 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
            this.maxRetries = maxRetries;
            return this;
        }
        /** Longest {@code Retry-After} the SDK waits by itself (default 10 s); longer ones throw at once. */
        public Builder maxRetryAfter(Duration maxRetryAfter) { this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter); return this; }
        /** Sent with every request; an {@code X-Request-ID} given here replaces the generated one. */
        public Builder header(String name, String value) { customHeaders.put(name, value); return this; }
        /** Told about every token pair the server issues (sign-in, refresh …): persist it, refresh tokens rotate. */
        public Builder onTokens(Consumer<Tokens> onTokens) { this.onTokens = onTokens; return this; }
        /** Debug log of every attempt (never bodies or credentials); {@code JANUA_DEBUG=1} logs to stderr. */
        public Builder logger(Consumer<RequestLog> logger) { this.logger = logger; return this; }
        /** Your own {@link HttpClient} (proxy, TLS, executor). */
        public Builder httpClient(HttpClient httpClient) { this.httpClient = httpClient; return this; }
        /** For tests: the clock that decides when a token is about to expire. */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        public JanuaClient build() {
            if (baseUrl == null) baseUrl = env("JANUA_BASE_URL", "http://localhost:8000");
            if (apiKey == null) apiKey = env("JANUA_API_KEY", null);
            if (environment == null) environment = env("JANUA_ENVIRONMENT", "production");
            if (logger == null && env("JANUA_DEBUG", "").matches("1|true|yes")) logger = l -> System.err.println("janua: " + l);
            URI u = URI.create(baseUrl);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("baseUrl must be http(s): " + baseUrl);
            }
            if ("production".equals(environment) && "http".equals(u.getScheme()) && !isLoopback(u.getHost())) {
                // keys and tokens must not cross a network in clear text
                throw new IllegalArgumentException("plain http:// to " + u.getHost() + " refused in production; use https:// or environment(\"development\")");
            }
            return new JanuaClient(this);
        }

        private static boolean isLoopback(String host) {
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }
    }
}
