package dev.janua.server.hosted.web;

import dev.janua.server.platform.i18n.LocaleConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code ?lang=es} overrides Accept-Language on the hosted pages and is remembered in a cookie for
 * the rest of the flow. Done by presenting the chosen language as the request's Accept-Language, so
 * the application's one locale resolver (and its message bundles) serve pages and API alike.
 */
public final class HostedLocaleFilter extends OncePerRequestFilter {
    static final String LANG_COOKIE = "janua_lang";
    private final boolean secureCookies;

    public HostedLocaleFilter(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String asked = supported(request.getParameter("lang"));
        if (asked != null) {
            response.addHeader("Set-Cookie", BrowserCookies.session(LANG_COOKIE, asked, secureCookies, java.time.Duration.ofDays(365)));
        } else {
            asked = supported(BrowserSessionFilter.cookie(request, LANG_COOKIE));
        }
        if (asked == null) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = Locale.forLanguageTag(asked);
        String tag = locale.toLanguageTag();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Accept-Language".equalsIgnoreCase(name) ? tag : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Accept-Language".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(tag))
                        : super.getHeaders(name);
            }

            @Override
            public Locale getLocale() {
                return locale;
            }

            @Override
            public Enumeration<Locale> getLocales() {
                return Collections.enumeration(java.util.List.of(locale));
            }
        }, response);
    }

    /** One of en, es, fr, de (any region), or null. */
    static String supported(String lang) {
        if (lang == null || lang.isBlank() || lang.length() > 20) return null;
        String language = Locale.forLanguageTag(lang.trim().replace('_', '-')).getLanguage();
        for (Locale l : LocaleConfig.SUPPORTED) if (l.getLanguage().equals(language)) return language;
        return null;
    }
}
