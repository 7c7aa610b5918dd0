package dev.janua.server.platform.web;

import dev.janua.server.platform.config.JanuaProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets handlers take a {@link ClientInfo} parameter. */
@Configuration(proxyBeanMethods = false)
public class ClientInfoResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {
    private final boolean trustProxy;

    public ClientInfoResolver(JanuaProperties properties) {
        this.trustProxy = properties.trustProxy();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ClientInfo.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return ClientInfo.from(request.getNativeRequest(HttpServletRequest.class), trustProxy);
    }
}
