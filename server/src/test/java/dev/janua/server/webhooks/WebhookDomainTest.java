package dev.janua.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.webhooks.domain.RetrySchedule;
import dev.janua.server.webhooks.domain.TargetPolicy;
import dev.janua.server.webhooks.domain.WebhookSecrets;
import dev.janua.server.webhooks.domain.WebhookSignature;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures, retry schedule and SSRF rules of SECURITY.md, without a server. */
class WebhookDomainTest {
    private static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));

    @Test
    void standardWebhooksSignatureMatchesTheKnownAnswerOfSecurityMd() {
        String sig = WebhookSignature.standard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertThat(sig).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void bothSignaturesVerifyWithAnIndependentVerifierAndFailOnAnyChange() {
        String secret = WebhookSecrets.generate();
        String body = "{\"id\":\"evt_1\",\"type\":\"user.created\"}";
        assertThat(StandardWebhooksVerifier.verifyStandard(secret, "msg_1", "1700000000", body,
                WebhookSignature.standard(secret, "msg_1", 1700000000L, body))).isTrue();
        assertThat(StandardWebhooksVerifier.verifyStandard(secret, "msg_2", "1700000000", body,
                WebhookSignature.standard(secret, "msg_1", 1700000000L, body))).isFalse();
        assertThat(StandardWebhooksVerifier.verifySeed(secret, "1700000000", body, WebhookSignature.seed(secret, 1700000000L, body))).isTrue();
        assertThat(StandardWebhooksVerifier.verifySeed(secret, "1700000001", body, WebhookSignature.seed(secret, 1700000000L, body))).isFalse();
        assertThat(StandardWebhooksVerifier.verifySeed(secret, "1700000000", body + " ", WebhookSignature.seed(secret, 1700000000L, body))).isFalse();
    }

    @Test
    void seedSignatureIsHmacOfTimestampDotBodyWithTheSecretString() {
        // RFC 4231 test case 2 (key "Jefe"): the message is the "<timestamp>.<body>" the seed's recipe signs
        String sig = WebhookSignature.seed("Jefe", 0, "what do ya want for nothing?");
        assertThat(sig).startsWith("sha256=").hasSize(7 + 64);
        assertThat(StandardWebhooksVerifier.verifySeed("Jefe", "0", "what do ya want for nothing?", sig)).isTrue();
    }

    @Test
    void generatedSecretsAreWhsecBase64AndGivenSecretsAreChecked() {
        assertThat(WebhookSecrets.generate()).startsWith("whsec_");
        assertThat(WebhookSecrets.refuse(WebhookSecrets.generate())).isEmpty();
        assertThat(WebhookSecrets.refuse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
        assertThat(WebhookSecrets.refuse("your-webhook-secret")).isEmpty();
        assertThat(WebhookSecrets.refuse("short")).isPresent();
        assertThat(WebhookSecrets.refuse("whsec_!!notbase64!!")).isPresent();
    }

    @Test
    void retryScheduleIsSecurityMdsWithJitterAndRetryAfterThenDeadLetter() {
        RetrySchedule noJitter = new RetrySchedule(SCHEDULE, 0, () -> 0.5);
        assertThat(noJitter.maxAttempts()).isEqualTo(10);
        assertThat(noJitter.next(1, null)).contains(Duration.ofSeconds(5));
        assertThat(noJitter.next(2, null)).contains(Duration.ofMinutes(5));
        assertThat(noJitter.next(9, null)).contains(Duration.ofHours(24));
        assertThat(noJitter.next(10, null)).isEmpty();
        assertThat(noJitter.next(1, Duration.ofSeconds(120))).contains(Duration.ofSeconds(120));
        assertThat(noJitter.next(2, Duration.ofSeconds(1))).contains(Duration.ofMinutes(5));
        assertThat(noJitter.next(1, Duration.ofDays(30))).contains(Duration.ofHours(24));
        RetrySchedule low = new RetrySchedule(SCHEDULE, 0.1, () -> 0.0);
        RetrySchedule high = new RetrySchedule(SCHEDULE, 0.1, () -> 1.0);
        assertThat(low.next(2, null)).contains(Duration.ofSeconds(270));
        assertThat(high.next(2, null)).contains(Duration.ofSeconds(330));
    }

    @Test
    void privateLoopbackLinkLocalAndMetadataTargetsAreRefusedUnlessAllowed() {
        TargetPolicy strict = new TargetPolicy(false, TargetPolicyResolver::resolve);
        for (String url : List.of("http://127.0.0.1/hook", "http://localhost:8080/x", "http://10.1.2.3/", "http://172.16.0.1/",
                "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data", "http://metadata.google.internal/",
                "http://[::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/",
                "http://internal.example/", "http://rebind.example/")) {
            assertThat(strict.refuse(url)).as(url).isPresent();
        }
        assertThat(strict.refuse("https://hooks.example.com/janua")).isEmpty();
        assertThat(strict.refuse("ftp://hooks.example.com/")).contains("scheme_not_http");
        assertThat(strict.refuse("https://user:pw@hooks.example.com/")).contains("credentials_in_url");
        assertThat(strict.refuse("https://nowhere.invalid/")).contains("unresolvable_host");
        TargetPolicy allowing = new TargetPolicy(true, TargetPolicyResolver::resolve);
        assertThat(allowing.refuse("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(allowing.refuse("ftp://127.0.0.1/")).isPresent();
    }

    /** A resolver for the test: fixed answers, no network. */
    static final class TargetPolicyResolver {
        static InetAddress[] resolve(String host) throws UnknownHostException {
            return switch (host) {
                case "hooks.example.com" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})};
                case "internal.example" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5})};
                // one public and one private answer: any private address refuses the target
                case "rebind.example" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}),
                        InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
                case "nowhere.invalid" -> throw new UnknownHostException(host);
                default -> InetAddress.getAllByName(host);
            };
        }
    }
}
