package dev.janua.server.realtime.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;

/**
 * A request carrying only {@code Authorization: Bearer <token>}, so a socket's token is checked by
 * the one {@code CallerAuthenticator} every REST and GraphQL request goes through (signature,
 * claims, live session), whether it came at the handshake or in an {@code auth} message.
 */
final class TokenRequest {
    private TokenRequest() {}

    static HttpServletRequest of(String token) {
        String authorization = "Bearer " + token;
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "toString" -> "TokenRequest";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) return Boolean.FALSE;
        if (type == int.class) return Integer.valueOf(0);
        if (type == long.class) return Long.valueOf(0L);
        return null;
    }
}
