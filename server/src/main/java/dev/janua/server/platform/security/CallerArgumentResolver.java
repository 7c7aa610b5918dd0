package dev.janua.server.platform.security;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Authenticates lazily: only handlers that ask for a {@link Caller} pay for token and session checks. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {
    static final String ATTRIBUTE = Caller.class.getName();
    private final CallerAuthenticator authenticator;

    CallerArgumentResolver(CallerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Object cached = request.getAttribute(ATTRIBUTE);
        Caller caller = cached instanceof Caller c ? c : authenticator.authenticate(request);
        request.setAttribute(ATTRIBUTE, caller);
        if (caller.isApiKey() && !acceptsApiKeys(parameter)) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "user_session_required"));
        }
        return caller;
    }

    private static boolean acceptsApiKeys(MethodParameter parameter) {
        return AnnotatedElementUtils.hasAnnotation(parameter.getExecutable(), AcceptsApiKeys.class)
                || AnnotatedElementUtils.hasAnnotation(parameter.getContainingClass(), AcceptsApiKeys.class);
    }
}
