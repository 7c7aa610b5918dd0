package dev.janua.server.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Janua's controller routes: {@link JanuaApi} routes under both API prefixes ({@link ApiPrefixes}), and a lookup
 * that asks only the routes that can match. For a path with a variable ({@code /api/v1/users/usr_…/permissions/check})
 * Spring MVC tests every one of the ~700 route patterns in turn; that walk was 21–38 % of a permission check's CPU
 * (issue 16's profile). Here the routes are indexed by the literal segments their patterns begin with, and a request
 * tests only the routes whose literal beginning its own (decoded) segments have, then ranks them with Spring's own
 * comparator and hands the winner to Spring's {@code handleMatch}, as Spring's walk does. Whatever is unusual —
 * a path that is itself a route without variables (Spring finds it directly), a CORS preflight, no match (Spring's
 * 404/405/415 decisions), a tie between two routes — goes to Spring's own walk.
 */
final class IndexedRequestMappings extends RequestMappingHandlerMapping {
    private record Route(RequestMappingInfo info, HandlerMethod handler) {}

    private record Found(RequestMappingInfo matched, HandlerMethod handler) {}

    /** Routes by the literal segments their patterns begin with, joined by '/' ("" for none); null before start. */
    private volatile Map<String, List<Route>> byLiteralStart;
    private volatile Set<String> directPaths = Set.of();
    private int deepestLiteralStart;

    @Override
    protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
        RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
        if (info == null || !AnnotatedElementUtils.hasAnnotation(handlerType, JanuaApi.class)) return info;
        return RequestMappingInfo.paths(ApiPrefixes.PREFIXES).options(getBuilderConfiguration()).build().combine(info);
    }

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        Map<String, List<Route>> index = new HashMap<>();
        Set<String> direct = new java.util.HashSet<>();
        int deepest = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : getHandlerMethods().entrySet()) {
            if (e.getKey().getPathPatternsCondition() == null) return; // PathMatcher mode: Spring's walk only
            Set<String> starts = new LinkedHashSet<>();
            for (PathPattern p : e.getKey().getPathPatternsCondition().getPatterns()) {
                List<String> literal = literalStart(p.getPatternString());
                if (!p.hasPatternSyntax()) direct.add(p.getPatternString());
                deepest = Math.max(deepest, literal.size());
                starts.add(String.join("/", literal));
            }
            for (String s : starts) index.computeIfAbsent(s, k -> new ArrayList<>()).add(new Route(e.getKey(), e.getValue()));
        }
        deepestLiteralStart = deepest;
        directPaths = Set.copyOf(direct);
        byLiteralStart = Map.copyOf(index);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Map<String, List<Route>> index = byLiteralStart;
        if (index == null || directPaths.contains(lookupPath) || CorsUtils.isPreFlightRequest(request)
                || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<Found> found = new ArrayList<>(2);
        StringBuilder start = new StringBuilder();
        int depth = 0;
        addMatching(index.get(""), request, found);
        for (PathContainer.Element e : ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().elements()) {
            if (!(e instanceof PathContainer.PathSegment segment)) continue;
            if (++depth > deepestLiteralStart) break;
            if (depth > 1) start.append('/');
            start.append(segment.valueToMatch());
            addMatching(index.get(start.toString()), request, found);
        }
        if (found.isEmpty()) return super.lookupHandlerMethod(lookupPath, request);
        Found best = found.getFirst();
        if (found.size() > 1) {
            Comparator<RequestMappingInfo> ranking = getMappingComparator(request);
            found.sort((a, b) -> ranking.compare(a.matched(), b.matched()));
            best = found.getFirst();
            if (ranking.compare(best.matched(), found.get(1).matched()) == 0) return super.lookupHandlerMethod(lookupPath, request);
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.matched(), lookupPath, request);
        return best.handler();
    }

    /** Spring's own walk over every route, for comparison in tests. */
    HandlerMethod springsLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    private void addMatching(List<Route> routes, HttpServletRequest request, List<Found> found) {
        if (routes == null) return;
        for (Route r : routes) {
            RequestMappingInfo matched = getMatchingMapping(r.info(), request);
            if (matched != null) found.add(new Found(matched, r.handler()));
        }
    }

    /** The pattern's segments before the first one with a variable or wildcard. */
    static List<String> literalStart(String pattern) {
        List<String> literal = new ArrayList<>();
        int from = pattern.startsWith("/") ? 1 : 0;
        while (from <= pattern.length()) {
            int slash = pattern.indexOf('/', from);
            String segment = pattern.substring(from, slash < 0 ? pattern.length() : slash);
            if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) break;
            if (slash < 0 && segment.isEmpty()) break; // "/" or a trailing '/': no segment
            literal.add(segment);
            if (slash < 0) break;
            from = slash + 1;
        }
        return literal;
    }
}
