package dev.janua.server.oidc.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

/**
 * The two kinds of request the authorization endpoint takes. An authorization request comes as a GET
 * or, form-encoded, as a POST (OIDC Core §3.1.2.1); the consent form also posts there. Told apart as
 * Spring Authorization Server tells them apart: a POST carrying none of the parameters below is a consent.
 */
final class AuthorizationRequests {
    static final String PATH = "/oauth2/authorize";

    private AuthorizationRequests() {}

    /** A consent submission: a POST without any parameter only an authorization request carries. */
    static boolean isConsent(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null
                && request.getParameter("request_uri") == null && request.getParameter(OAuth2ParameterNames.REDIRECT_URI) == null
                && request.getParameter(PkceParameterNames.CODE_CHALLENGE) == null
                && request.getParameter(PkceParameterNames.CODE_CHALLENGE_METHOD) == null;
    }

    /** An authorization request to the endpoint: a GET, or a POST that is not a consent. */
    static boolean isAuthorizationRequest(HttpServletRequest request) {
        return PATH.equals(request.getRequestURI())
                && ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()) && !isConsent(request));
    }

    /**
     * The query of the same request sent as a GET, so a page can send the browser back to it: a GET's
     * own query as sent; a POST's parameters (body and query) encoded into one. Null when there is none.
     */
    static String query(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) return request.getQueryString();
        StringJoiner q = new StringJoiner("&");
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            for (String value : p.getValue()) q.add(encode(p.getKey()) + "=" + encode(value));
        }
        return q.length() == 0 ? null : q.toString();
    }

    /** {@link #query} after the path: the GET that repeats the request. */
    static String asGet(HttpServletRequest request) {
        String query = query(request);
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
