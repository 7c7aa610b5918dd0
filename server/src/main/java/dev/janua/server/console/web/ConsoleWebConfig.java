package dev.janua.server.console.web;

import dev.janua.server.console.ConsoleProperties;
import dev.janua.server.console.app.ConsoleAccess;
import dev.janua.server.console.app.ConsoleViewer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the console's gate and lets page handlers declare a {@link ConsoleViewer} parameter. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {
    private final ConsoleAccess access;
    private final ConsoleProperties properties;

    ConsoleWebConfig(ConsoleAccess access, ConsoleProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsoleInterceptor(access, properties)).addPathPatterns("/console", "/console/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ConsoleViewer.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                Object v = request.getNativeRequest(HttpServletRequest.class).getAttribute(ConsoleInterceptor.VIEWER);
                if (v instanceof ConsoleViewer viewer) return viewer;
                throw new ConsoleDenied("not_signed_in");
            }
        });
    }
}
