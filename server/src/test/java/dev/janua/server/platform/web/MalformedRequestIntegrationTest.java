package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Probe finding: {@code ?token=%ff} gave 500 and an ERROR stack trace on 34 routes (and a form body
 * with {@code %zz} did on every PUT, PATCH and DELETE); both are the client's mistake.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestIntegrationTest extends IntegrationTest {

    @Test
    void invalidUtf8InTheQueryIs400OnAnonymousAndAuthenticatedRoutesWithoutAStackTrace(CapturedOutput output) {
        String bearer = Api.bearer(accessToken(signUp(uniqueEmail("query"))));
        List<Api.Response> answers = new ArrayList<>();
        for (String path : List.of("/api/v1/auth/verify-email?token=%ff", "/v1/invitations/preview?token=%ff",
                "/api/v1/auth/magic-link/verify?token=%ff&redirect=%C3", "/api/v1/dev/sms?to=%E2%82", "/health?x=%fe%ff")) {
            answers.add(api.get(path));
        }
        answers.add(api.post("/api/v1/auth/signin?x=%ff", Api.map("email", "a@example.com", "password", "x")));
        answers.add(api.get("/api/v1/organizations?cursor=%ff", "Authorization", bearer));
        answers.add(api.get("/api/v1/users/me/sessions?limit=%ff", "Authorization", bearer));
        answers.add(api.post("/api/v1/organizations?name=%ff", Api.map("name", "Acme"), "Authorization", bearer));
        answers.add(api.delete("/api/v1/users/me/sessions/sess_x?reason=%fe", null, "Authorization", bearer));
        for (Api.Response r : answers) {
            assertThat(r.status()).as(r.raw().uri().toString()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("INVALID_REQUEST");
            assertThat(r.text("/error/details/reason")).isEqualTo("malformed_query_string");
            assertThat(r.text("/error/requestId")).isEqualTo(r.header("X-Request-ID"));
            assertThat(output.getAll()).as("log of %s", r.header("X-Request-ID"))
                    .doesNotContainPattern("ERROR +\\[" + r.header("X-Request-ID") + "]");
        }
        assertThat(output.getAll()).doesNotContain("InvalidParameterException").doesNotContain("unexpected failure");
    }

    @Test
    void brokenEscapesAre400Too() throws Exception {
        // java.net.URI refuses to build these, so they go over a plain socket
        for (String target : List.of("/api/v1/auth/verify-email?token=%zz", "/api/v1/invitations/preview?token=abc%",
                "/api/v1/auth/magic-link/verify?token=%4")) {
            String answer = rawGet(target);
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains("\"INVALID_REQUEST\"");
        }
    }

    private String rawGet(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void formBodiesThatDoNotDecodeAre400AndOthersStayClientErrors(CapturedOutput output) {
        String bearer = Api.bearer(accessToken(signUp(uniqueEmail("form"))));
        String form = "application/x-www-form-urlencoded";
        // Spring's form filter decodes PUT/PATCH/DELETE form bodies before any route is chosen
        for (String[] call : List.of(new String[] {"PUT", "/api/v1/users/me/password", "a=%zz"},
                new String[] {"DELETE", "/api/v1/roles/role_x", "a=%4"}, new String[] {"PATCH", "/api/v1/no/such/route", "a=%"})) {
            Api.Response r = api.send(call[0], call[1], call[2], "Content-Type", form, "Authorization", bearer);
            assertThat(r.status()).as(call[0] + " " + call[1]).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("INVALID_REQUEST");
            assertThat(r.text("/error/details/reason")).isEqualTo("malformed_parameters");
        }
        assertThat(api.send("PUT", "/api/v1/users/me/password", "a=%zz", "Content-Type", form).status()).isEqualTo(400);
        // the container's own parser, for POST: reached when MVC rebuilds a form body
        Api.Response post = api.send("POST", "/api/v1/auth/signin", "email=%ff", "Content-Type", form);
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.text("/error/details/reason")).isEqualTo("malformed_parameters");
        // bodies that decode go on to the route, which wants JSON
        assertThat(api.send("PATCH", "/api/v1/users/me", "name=%C3%A9", "Content-Type", form, "Authorization", bearer).status())
                .isEqualTo(415);
        assertThat(api.send("POST", "/api/v1/auth/signin", "email=%C3%A9", "Content-Type", form).status()).isEqualTo(415);
        assertThat(output.getAll()).doesNotContain("unexpected failure").doesNotContain("Servlet.service()");
    }

    @Test
    void wellFormedEscapesStillReachTheRoute() {
        Api.Response r = api.get("/api/v1/auth/verify-email?token=%C3%A9t%C3%A9");
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.text("/error/details/reason")).isNotEqualTo("malformed_query_string");
        assertThat(api.get("/health?probe=%E2%82%AC").status()).isEqualTo(200);
    }
}
