package dev.janua.server.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * A client that closes its connection mid-answer (every load generator at its end, a browser navigating
 * away) reaches the quiet handler, not the "unexpected failure" one that logs an ERROR with a stack trace.
 */
class ClientGoneTest {
    private final ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(ApiExceptionHandler.class);

    @Test
    void aClosedConnectionIsHandledQuietly() {
        assertThat(resolver.resolveMethod(new ClientAbortException(new IOException("Broken pipe"))).getName()).isEqualTo("clientGone");
        assertThat(resolver.resolveMethod(new AsyncRequestNotUsableException("ServletOutputStream failed to flush")).getName())
                .isEqualTo("clientGone");
    }

    @Test
    void anyOtherIoFailureIsStillAnUnexpectedFailure() {
        assertThat(resolver.resolveMethod(new IOException("disk full")).getName()).isEqualTo("unexpected");
    }
}
