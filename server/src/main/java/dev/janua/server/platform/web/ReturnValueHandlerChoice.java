package dev.janua.server.platform.web;

import java.lang.reflect.Executable;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.AsyncHandlerMethodReturnValueHandler;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Spring MVC's return value handlers, with the choice among them remembered. Spring asks each handler in turn
 * whether it supports the controller method's return type on every request, and the handlers before the common
 * {@code ResponseEntity} one (streaming, emitters) resolve generic types to answer: 5 % of a JWKS request in
 * issue 16's profile. The answer depends only on the method, its class and the returned value's class (what a
 * handler's {@code supportsReturnType} can see), so it is kept per such triple; the first handler that supports
 * it is chosen, in Spring's order, as Spring's own composite does.
 *
 * <p>Spring's composite also lets an {@link AsyncHandlerMethodReturnValueHandler} claim a return value by the
 * value itself; none is registered here, and {@link #wrap} leaves the list alone if one ever is.
 */
final class ReturnValueHandlerChoice implements HandlerMethodReturnValueHandler {
    private record ReturnType(Executable method, Class<?> containingClass, Class<?> valueType) {}

    private final List<HandlerMethodReturnValueHandler> handlers;
    private final ConcurrentMap<ReturnType, HandlerMethodReturnValueHandler> chosen = new ConcurrentHashMap<>();

    private ReturnValueHandlerChoice(List<HandlerMethodReturnValueHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    static List<HandlerMethodReturnValueHandler> wrap(List<HandlerMethodReturnValueHandler> handlers) {
        if (handlers.stream().anyMatch(h -> h instanceof AsyncHandlerMethodReturnValueHandler)) return handlers;
        return List.of(new ReturnValueHandlerChoice(handlers));
    }

    /** Spring's handlers, in Spring's order. */
    List<HandlerMethodReturnValueHandler> handlers() {
        return handlers;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return choose(returnType) != null;
    }

    @Override
    public void handleReturnValue(Object value, MethodParameter returnType, ModelAndViewContainer mav, NativeWebRequest request)
            throws Exception {
        HandlerMethodReturnValueHandler handler = choose(returnType);
        if (handler == null) throw new IllegalArgumentException("Unknown return value type: " + returnType.getParameterType().getName());
        handler.handleReturnValue(value, returnType, mav, request);
    }

    HandlerMethodReturnValueHandler choose(MethodParameter returnType) {
        ReturnType key = new ReturnType(returnType.getExecutable(), returnType.getContainingClass(), returnType.getParameterType());
        HandlerMethodReturnValueHandler handler = chosen.get(key);
        if (handler != null) return handler;
        for (HandlerMethodReturnValueHandler h : handlers) {
            if (h.supportsReturnType(returnType)) {
                chosen.putIfAbsent(key, h);
                return h;
            }
        }
        return null; // not remembered: Spring answers this with an error every time
    }
}
