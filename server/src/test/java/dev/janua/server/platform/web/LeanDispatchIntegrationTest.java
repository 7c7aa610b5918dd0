package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.graphql.web.GraphQlEndpoints;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.support.IntegrationTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.util.pattern.PathPattern;

/** The framework trims of {@link LeanDispatch} and the page advices' cheap selectors change no answer. */
class LeanDispatchIntegrationTest extends IntegrationTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;
    @Autowired
    RouterFunctionMapping routerFunctions;
    @Autowired
    RequestMappingHandlerAdapter adapter;
    @Autowired
    WebApplicationContext context;

    @Test
    void noResourceUrlEncodingFilterWrapsRequests() {
        assertThat(context.getServletContext().getFilterRegistrations().values())
                .extracting(r -> r.getClassName())
                .isNotEmpty()
                .doesNotContain(ResourceUrlEncodingFilter.class.getName());
    }

    @Test
    void controllersAreAskedBeforeRouterFunctionsAndNoGraphQlPathIsAControllerPath() throws Exception {
        assertThat(routerFunctions.getOrder()).isGreaterThan(controllers.getOrder());
        for (String path : List.of(GraphQlEndpoints.PATHS[0], GraphQlEndpoints.PATHS[1], GraphQlEndpoints.PATHS[2], "/graphiql")) {
            for (String method : List.of("GET", "POST")) {
                MockHttpServletRequest request = new MockHttpServletRequest(method, path);
                request.setContentType("application/json");
                request.addHeader("Accept", "application/graphql-response+json");
                assertThat(controllers.getHandler(request)).as(method + " " + path).isNull();
            }
        }
        // that the aliases still answer (router functions, now asked after the controllers): GraphQlIntegrationTest
    }

    @Test
    void everyControllerMethodsReturnValueHandlerIsChosenOnceAsSpringWould() throws Exception {
        assertThat(adapter.getReturnValueHandlers()).singleElement().isInstanceOf(ReturnValueHandlerChoice.class);
        ReturnValueHandlerChoice choice = (ReturnValueHandlerChoice) adapter.getReturnValueHandlers().getFirst();
        var springsOwn = new HandlerMethodReturnValueHandlerComposite().addHandlers(choice.handlers());
        Map<String, Integer> chosenBy = new TreeMap<>();
        for (HandlerMethod m : controllers.getHandlerMethods().values()) {
            MethodParameter returnType = m.getReturnType();
            assertThat(springsOwn.supportsReturnType(returnType)).as(m.toString()).isTrue();
            var chosen = choice.choose(returnType);
            assertThat(choice.choose(returnType)).as(m.toString()).isSameAs(chosen)
                    .isSameAs(choice.handlers().stream().filter(h -> h.supportsReturnType(returnType)).findFirst().orElseThrow());
            chosenBy.merge(chosen.getClass().getSimpleName(), 1, Integer::sum);
        }
        // JSON bodies (a record, or a ResponseEntity) and pages (a view name, or a ModelAndView) are all there
        assertThat(chosenBy.getOrDefault("RequestResponseBodyMethodProcessor", 0)).as(chosenBy.toString()).isGreaterThan(50);
        assertThat(chosenBy.getOrDefault("ResponseEntityReturnValueHandler", 0)).as(chosenBy.toString()).isGreaterThan(10);
        assertThat(chosenBy.getOrDefault("ViewNameMethodReturnValueHandler", 0) + chosenBy.getOrDefault("ModelAndViewMethodReturnValueHandler", 0))
                .as(chosenBy.toString()).isGreaterThan(10);
    }

    @Test
    void theIndexedLookupPicksWhatSpringsWalkPicksForEveryRoute() throws Exception {
        IndexedRequestMappings indexed = (IndexedRequestMappings) controllers;
        int compared = 0, withVariables = 0;
        for (var e : controllers.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (PathPattern pattern : e.getKey().getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString(), "x1");
                if (pattern.hasPatternSyntax()) withVariables++;
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    for (String variant : List.of(path, path + "/", path.replace("/api/v1/", "/api/v1//"),
                            path.toUpperCase(Locale.ROOT), concrete(pattern.getPatternString(), "me"), concrete(pattern.getPatternString(), "current"))) {
                        assertThat(IndexedRequestMappingsTest.lookup(indexed, method.name(), variant, true)).as(method + " " + variant)
                                .isEqualTo(IndexedRequestMappingsTest.lookup(indexed, method.name(), variant, false));
                        compared++;
                    }
                }
            }
        }
        assertThat(withVariables).isGreaterThan(100);
        assertThat(compared).isGreaterThan(1000);
        assertThat(IndexedRequestMappings.literalStart("/api/v1/users/{id}/roles")).containsExactly("api", "v1", "users");
        assertThat(IndexedRequestMappings.literalStart("/{*rest}")).isEmpty();
        assertThat(IndexedRequestMappings.literalStart("/")).isEmpty();
        assertThat(IndexedRequestMappings.literalStart("/.well-known/jwks.json")).containsExactly(".well-known", "jwks.json");
    }

    /**
     * A path the pattern matches, each variable segment filled with {@code filler} ("me", "current": words other
     * routes have at that place, so that several routes match and the ranking decides).
     */
    private static String concrete(String pattern, String filler) {
        StringBuilder path = new StringBuilder();
        for (String segment : pattern.split("/", -1)) {
            if (path.length() > 0 || pattern.startsWith("/")) path.append(path.isEmpty() && segment.isEmpty() ? "" : "/");
            if (segment.startsWith("{*") || segment.equals("**")) path.append("a/b");
            else if (segment.contains("{")) path.append(segment.replaceAll("\\{[^}]*}", filler));
            else path.append(segment.replace('*', 'x').replace('?', 'q'));
        }
        return path.toString().replace("//", "/");
    }

    @Test
    void pageAdvicesSelectExactlyTheirPages() {
        ControllerAdviceBean languageLinks = advice("LanguageLinks");
        ControllerAdviceBean consoleModel = advice("ConsolePageModel");
        Set<String> hostedPages = new TreeSet<>(), selectedForLanguageLinks = new TreeSet<>();
        Set<String> consolePages = new TreeSet<>(), selectedForConsoleModel = new TreeSet<>();
        for (HandlerMethod m : controllers.getHandlerMethods().values()) {
            Class<?> type = m.getBeanType();
            if (type.isAnnotationPresent(HostedPages.class)) hostedPages.add(type.getName());
            if (languageLinks.isApplicableToBeanType(type)) selectedForLanguageLinks.add(type.getName());
            if (type.isAnnotationPresent(ConsolePages.class)) consolePages.add(type.getName());
            if (consoleModel.isApplicableToBeanType(type)) selectedForConsoleModel.add(type.getName());
        }
        // selected by package: every page, and the few JSON controllers beside them (which the advices skip)
        assertThat(hostedPages).hasSizeGreaterThan(10);
        assertThat(selectedForLanguageLinks).containsAll(hostedPages).hasSizeLessThan(hostedPages.size() + 8);
        assertThat(consolePages).hasSizeGreaterThan(5);
        assertThat(selectedForConsoleModel).containsAll(consolePages).hasSizeLessThan(consolePages.size() + 2);
    }

    private ControllerAdviceBean advice(String simpleName) {
        ApplicationContext ctx = context;
        return ControllerAdviceBean.findAnnotatedBeans(ctx).stream()
                .filter(a -> a.getBeanType() != null && a.getBeanType().getSimpleName().equals(simpleName))
                .findFirst().orElseThrow();
    }
}
