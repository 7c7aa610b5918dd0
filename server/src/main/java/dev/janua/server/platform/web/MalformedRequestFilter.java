package dev.janua.server.platform.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Percent-encoding that does not decode ({@code ?token=%ff}, {@code %zz}) is the client's mistake:
 * 400 {@code INVALID_REQUEST}, never a 500 with a stack trace. A bad query string is refused before
 * anything reads a parameter; a form body that a later filter fails to decode (Spring's form filter
 * for PUT/PATCH/DELETE, the container's parser for POST) is answered here when the failure escapes
 * that filter. Logged at debug, without the input (it may hold a token).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class MalformedRequestFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);
    private final ErrorResponses errors;

    public MalformedRequestFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!wellFormed(request.getQueryString())) {
            log.debug("malformed query string on {} {}", request.getMethod(), request.getRequestURI());
            errors.write(request, response, ErrorCode.INVALID_REQUEST, Map.of("reason", "malformed_query_string"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!undecodableInput(e) || response.isCommitted()) throw e;
            log.debug("undecodable parameters on {} {}", request.getMethod(), request.getRequestURI());
            response.resetBuffer();
            errors.write(request, response, ErrorCode.INVALID_REQUEST, Map.of("reason", "malformed_parameters"));
        }
    }

    /** Failures that mean "the client's parameters do not decode", however deep they were wrapped. */
    static boolean undecodableInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException || t instanceof HttpMessageNotReadableException) return true;
        }
        return false;
    }

    /** Every {@code %} starts two hex digits, and the bytes they spell are UTF-8. */
    static boolean wellFormed(String rawQuery) {
        if (rawQuery == null || rawQuery.indexOf('%') < 0) return true;
        ByteBuffer bytes = ByteBuffer.allocate(rawQuery.length() * 3);
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawQuery.length()) return false;
                int hi = Character.digit(rawQuery.charAt(i + 1), 16);
                int lo = Character.digit(rawQuery.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return false;
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(bytes.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
