package dev.janua.server.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.FunctionalRoutes;
import dev.janua.server.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Deny by default: every route the server maps — controllers, the actuator, springdoc, static
 * resources — is either on {@link AnonymousRoutes} or refuses a caller without credentials.
 */
class RouteAccessIntegrationTest extends IntegrationTest {
    private static final List<String> ALL_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Autowired
    ApplicationContext context;

    /** One method on one mapped path pattern, with the content type its handler consumes. */
    record Route(String method, String pattern, String contentType) {}

    @Test
    void everyMappedRouteIsOnTheAllowListOrRefusesAnonymousCallers() {
        List<Route> routes = mappedRoutes();
        assertThat(routes).hasSizeGreaterThan(100);
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (Route r : routes) {
            if (AnonymousRoutes.allows(r.method(), r.pattern())) continue;
            String body = Set.of("POST", "PUT", "PATCH").contains(r.method()) ? "{}" : null;
            Api.Response answer = body == null ? api.send(r.method(), concrete(r.pattern()), null)
                    : api.send(r.method(), concrete(r.pattern()), body, "Content-Type", r.contentType());
            checked++;
            if (!refused(answer)) open.add(r.method() + " " + r.pattern() + " → " + answer.status() + " " + answer.errorCode());
        }
        assertThat(checked).as("protected routes called").isGreaterThan(100);
        assertThat(open).as("routes that answer without credentials but are not in AnonymousRoutes").isEmpty();
    }

    @Test
    void everyAllowListEntryNamesAMappedRoute() {
        Set<String> mapped = new TreeSet<>();
        for (Route r : mappedRoutes()) mapped.add(r.method() + " " + r.pattern());
        List<String> stale = new ArrayList<>();
        for (AnonymousRoutes.Entry e : AnonymousRoutes.ENTRIES) {
            for (String path : e.paths()) {
                boolean found = e.method().equals("*") ? mapped.stream().anyMatch(m -> m.endsWith(" " + path))
                        : mapped.contains(e.method() + " " + path);
                if (!found) stale.add(e.method() + " " + path);
            }
        }
        assertThat(stale).as("allow-list entries that match no mapped route (renamed or removed?)").isEmpty();
    }

    @Test
    void protectedRoutesAnswer401WithTheErrorBodyWithoutCredentials() {
        List<String[]> sample = List.of(
                new String[] {"GET", "/api/v1/auth/me"}, new String[] {"GET", "/v1/users/me"},
                new String[] {"PATCH", "/api/v1/users/me"}, new String[] {"DELETE", "/api/v1/users/me"},
                new String[] {"POST", "/api/v1/users/me/password"}, new String[] {"GET", "/api/v1/users/me/sessions"},
                new String[] {"GET", "/api/v1/organizations"}, new String[] {"POST", "/api/v1/organizations"},
                new String[] {"GET", "/api/v1/admin/users"}, new String[] {"POST", "/api/v1/webhooks"},
                new String[] {"GET", "/api/v1/permissions"}, new String[] {"POST", "/api/v1/users/me/verify-email/send"},
                new String[] {"GET", "/api/v1/mfa/status"});
        for (String[] route : sample) {
            Api.Response r = api.send(route[0], route[1], route[0].equals("GET") || route[0].equals("DELETE") ? null : "{}");
            assertThat(r.status()).as("%s %s", route[0], route[1]).isEqualTo(401);
            assertThat(r.errorCode()).as("%s %s", route[0], route[1]).isEqualTo("UNAUTHORIZED");
            assertThat(r.text("/error/message")).isNotBlank();
            assertThat(r.text("/error/requestId")).isEqualTo(r.header("X-Request-ID"));
        }
        Api.Response forged = api.get("/api/v1/organizations", "Authorization", "Bearer not-a-jwt");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.errorCode()).isEqualTo("INVALID_TOKEN");
        Api.Response me = signUp(uniqueEmail("routes"));
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(me))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations", "Authorization", Api.bearer(accessToken(me))).status()).isEqualTo(200);
    }

    @Test
    void unknownRoutesStay404AndWrongMethods405WithoutCredentials() {
        for (String method : ALL_METHODS) {
            Api.Response missing = api.send(method, "/api/v1/no/such/route", null);
            assertThat(missing.status()).as(method).isEqualTo(404);
            assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
        }
        assertThat(api.get("/api/v1/organizations/org_x/no-such-thing").status()).isEqualTo(404);
        Api.Response method = api.send("PUT", "/api/v1/auth/me", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(api.send("DELETE", "/api/v1/organizations", null).status()).isEqualTo(405);
    }

    @Test
    void errorIsAnUnknownRouteWhenAskedForDirectly() {
        for (String method : ALL_METHODS) {
            Api.Response r = api.send(method, "/error", null);
            assertThat(r.status()).as(method).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void headAndOptionsFollowTheirRoute() {
        assertThat(api.send("HEAD", "/health", null).status()).isEqualTo(200);
        assertThat(api.send("HEAD", "/api/v1/auth/me", null).status()).isEqualTo(401);
        Api.Response options = api.send("OPTIONS", "/api/v1/auth/me", null);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("GET");
    }

    /**
     * Refused means 401 with the error body: the API chain's answer to a missing credential. SCIM routes
     * authenticate with their own token and refuse in the SCIM error schema (RFC 7644 §3.12), as SCIM clients expect.
     */
    private static boolean refused(Api.Response r) {
        if (r.raw().uri().getPath().startsWith("/console")) return consoleRefused(r);
        if (r.status() != 401) return false;
        if ("UNAUTHORIZED".equals(r.errorCode())) return true;
        return r.raw().uri().getPath().contains("/scim/") && r.json() != null
                && "urn:ietf:params:scim:api:messages:2.0:Error".equals(r.json().path("schemas").path(0).asString(null))
                && "401".equals(r.json().path("status").asString(null));
    }

    /**
     * The admin console's chain (browser session, CSRF) refuses in its own way: a page request goes to
     * the hosted sign-in; a form post without its CSRF token gets the 403 error page.
     */
    private static boolean consoleRefused(Api.Response r) {
        if (r.status() == 302) return r.header("Location") != null && r.header("Location").contains("/hosted/sign-in");
        return r.status() == 403 && r.raw().body().contains("CSRF_INVALID");
    }

    /** Path variables and wildcards filled with a harmless segment. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*?[^}]+}", "x").replace("**", "x").replace("*", "x");
    }

    private List<Route> mappedRoutes() {
        Set<Route> routes = new LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? ALL_METHODS
                        : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
                Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
                String contentType = consumes.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : consumes.iterator().next().toString();
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) routes.add(new Route(method, pattern, contentType));
                }
            }
        }
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            for (Map.Entry<String, Object> handler : mapping.getHandlerMap().entrySet()) {
                routes.add(new Route("GET", handler.getKey(), MediaType.APPLICATION_JSON_VALUE));
            }
        }
        routes.addAll(routerFunctionRoutes());
        return List.copyOf(routes);
    }

    /** Functional routes ({@code RouterFunction} beans), invisible to the handler-method listing above. */
    private List<Route> routerFunctionRoutes() {
        List<Route> routes = new ArrayList<>();
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            if (mapping.getRouterFunction() == null) continue;
            for (FunctionalRoutes.Route r : FunctionalRoutes.of(mapping.getRouterFunction())) {
                for (String method : r.methods().isEmpty() ? ALL_METHODS : r.methods()) routes.add(new Route(method, r.path(), r.contentType()));
            }
        }
        assertThat(routes).as("router-function routes found").isNotEmpty();
        return routes;
    }

    @Test
    void routerFunctionRoutesAreEnumeratedAndGuarded() {
        Set<String> mapped = new TreeSet<>();
        for (Route r : mappedRoutes()) mapped.add(r.method() + " " + r.pattern());
        // Spring for GraphQL's own route, the seed aliases and GraphiQL (development) are all functional routes
        assertThat(mapped).contains("POST /api/v1/graphql", "POST /v1/graphql", "POST /graphql", "GET /graphiql");
        // the GraphQL endpoints themselves need credentials (the allow-list does not name them)
        for (String path : List.of("/api/v1/graphql", "/v1/graphql", "/graphql")) {
            assertThat(AnonymousRoutes.allows("POST", path)).as(path).isFalse();
            Api.Response r = api.post(path, Map.of("query", "{ me { id } }"), "Accept", "application/json");
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.errorCode()).as(path).isEqualTo("UNAUTHORIZED");
        }
    }
}
