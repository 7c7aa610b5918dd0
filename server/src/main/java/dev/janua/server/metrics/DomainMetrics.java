package dev.janua.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Janua's domain metrics ({@code janua_*} on {@code /metrics}): what other modules call, one line at
 * the point where something happens that no domain event records (a failed sign-in for an unknown
 * email, a refused rate-limit token, a webhook attempt). Everything an event records is counted by
 * {@code metrics.app.EventMetrics} instead, without touching the module that publishes it.
 *
 * <p>Labels are low-cardinality by construction: every label value is checked against a fixed set
 * (or is an enum's wire name) and anything else becomes {@code other}; user ids, emails, organization
 * ids and addresses are never labels. Each call costs a map lookup and a counter increment.
 */
@Component
public final class DomainMetrics {
    /** First-factor sign-in methods, as {@code SignInFlow} names them; {@code sso_saml}/{@code sso_oidc} are {@code sso}. */
    public static final Set<String> SIGN_IN_METHODS = Set.of("password", "magic_link", "passkey", "social", "sso", "invitation");
    public static final Set<String> NOTIFICATION_CHANNELS = Set.of("email", "sms", "push", "job");
    private static final Set<String> MFA_METHODS = Set.of("totp", "backup_code", "sms", "passkey");
    private static final Set<String> SSO_PROTOCOLS = Set.of("saml", "oidc");
    private static final String SIGN_INS = "Sign-ins by first-factor method and result (success, invalid_password, unknown_email)";
    private static final String SIGN_UPS = "Accounts created (result success) and sign-ups refused (result: the error code)";
    private static final String LOCKOUTS = "Sign-in lockouts started (subject: account, or unknown_email for an address without account)";
    private static final String TOKENS = "Tokens issued by type (access, refresh, id) and grant (session = Janua's own API)";
    private static final String RATE_LIMITED = "Requests (and webhook deliveries) refused or postponed by a rate-limit bucket";
    private static final String REFRESH_REUSE = "Spent refresh tokens presented again (the session or authorization was revoked)";
    private static final String MFA = "Second-factor checks by method and result";
    private static final String WEBHOOK_DELIVERIES = "Webhook delivery attempts by result (success: a 2xx answer)";
    private static final String WEBHOOK_DEAD_LETTERS = "Webhook deliveries that failed their last attempt and were dead-lettered";
    private static final String NOTIFICATIONS = "Email, SMS, push and job outbox attempts by channel and result (sent, retry, dead)";
    private static final String AUDIT_APPENDS = "Audit records appended to the hash chain";
    private static final String SSO_SIGNINS = "Sign-ins through an organization's IdP by protocol";
    private static final String SCIM_OPERATIONS = "SCIM provisioning writes by operation (the event type)";
    private static final String WEBHOOK_ATTEMPT = "Duration of one webhook HTTP attempt";
    private static final String WEBHOOK_LATENCY = "Time from a webhook delivery being queued to its successful attempt";
    private static final String NOTIFICATION_LATENCY = "Time from an outbox message being queued to its sending";
    /** Buckets of the delivery histograms: webhook receivers and mail servers answer in ms to s; retries take minutes to hours. */
    private static final Duration[] DELIVERY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1)};

    private final MeterRegistry registry;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    /** Looked up once: every sign-in and refresh issues one of each. */
    private final Counter sessionAccessTokens;
    private final Counter sessionRefreshTokens;

    public DomainMetrics(MeterRegistry registry) {
        this.registry = registry;
        registerCommonSeries();
        this.sessionAccessTokens = counter("janua.tokens.issued", TOKENS, "type", "access", "grant", "session");
        this.sessionRefreshTokens = counter("janua.tokens.issued", TOKENS, "type", "refresh", "grant", "session");
    }

    /**
     * The series dashboards and alerts read exist from start-up at 0: a counter that appears only at
     * its first increment makes {@code rate()} and {@code increase()} miss that first event.
     */
    private void registerCommonSeries() {
        for (String method : SIGN_IN_METHODS) signIn(method, "success", 0);
        for (String result : new String[] {"invalid_password", "unknown_email"}) signIn("password", result, 0);
        counter("janua.signups", SIGN_UPS, "method", "password", "result", "success");
        for (String subject : new String[] {"account", "unknown_email"}) counter("janua.lockouts", LOCKOUTS, "subject", subject);
        for (String type : new String[] {"access", "refresh"}) counter("janua.tokens.issued", TOKENS, "type", type, "grant", "session");
        for (String flow : new String[] {"session", "oidc"}) counter("janua.refresh.reuse", REFRESH_REUSE, "flow", flow);
        for (String result : new String[] {"success", "failure"}) {
            counter("janua.mfa.challenges", MFA, "method", "totp", "result", result);
            counter("janua.webhook.deliveries", WEBHOOK_DELIVERIES, "result", result);
        }
        counter("janua.webhook.dead.letters", WEBHOOK_DEAD_LETTERS);
        for (String result : new String[] {"sent", "retry", "dead"}) counter("janua.notifications", NOTIFICATIONS, "channel", "email", "result", result);
        counter("janua.rate.limited", RATE_LIMITED, "bucket", "auth");
        counter("janua.audit.appends", AUDIT_APPENDS);
        for (String protocol : new String[] {"saml", "oidc"}) counter("janua.sso.signins", SSO_SIGNINS, "protocol", protocol);
        counter("janua.scim.operations", SCIM_OPERATIONS, "operation", "user.provisioned");
        timer("janua.webhook.attempt.duration", WEBHOOK_ATTEMPT);
        timer("janua.webhook.delivery.latency", WEBHOOK_LATENCY);
        timer("janua.notification.delivery.latency", NOTIFICATION_LATENCY, "channel", "email");
    }

    /** A sign-in that did not pass its first factor; {@code lockoutStarted}: this failure locked the account or email. */
    public void signInFailed(String method, String result, boolean lockoutStarted) {
        signIn(method, result);
        if (lockoutStarted) counter("janua.lockouts", LOCKOUTS, "subject", result.equals("unknown_email") ? "unknown_email" : "account").increment();
    }

    /** {@code method}: as {@code SignInFlow} names it ({@code sso_saml} and {@code sso_oidc} are {@code sso}). */
    public void signIn(String method, String result) {
        signIn(method, result, 1);
    }

    private void signIn(String method, String result, int n) {
        String m = method != null && method.startsWith("sso") ? "sso" : method;
        counter("janua.signins", SIGN_INS, "method", oneOf(m, SIGN_IN_METHODS), "result", result).increment(n);
    }

    /** {@code result}: {@code success}, or the error code that refused it ({@code EMAIL_ALREADY_EXISTS}, shown in lower case). */
    public void signUp(String method, String result) {
        counter("janua.signups", SIGN_UPS, "method", method, "result", result.toLowerCase(Locale.ROOT)).increment();
    }

    /**
     * {@code type}: access, refresh or id; {@code grant}: {@code session} for Janua's own sign-in and
     * refresh API, else the OAuth grant type of the token endpoint request.
     */
    public void tokenIssued(String type, String grant) {
        if (grant.equals("session") && (type.equals("access") || type.equals("refresh"))) {
            (type.equals("access") ? sessionAccessTokens : sessionRefreshTokens).increment();
            return;
        }
        counter("janua.tokens.issued", TOKENS, "type", type, "grant", grant).increment();
    }

    /** {@code bucket}: the rate-limit category's wire name ({@code auth}, {@code api}, …). */
    public void rateLimited(String bucket) {
        counter("janua.rate.limited", RATE_LIMITED, "bucket", bucket).increment();
    }

    public void refreshTokenReused(String flow) {
        counter("janua.refresh.reuse", REFRESH_REUSE, "flow", flow).increment();
    }

    public void mfaChallenge(String method, String result) {
        counter("janua.mfa.challenges", MFA, "method", oneOf(method, MFA_METHODS), "result", result).increment();
    }

    public void webhookDeadLettered() {
        counter("janua.webhook.dead.letters", WEBHOOK_DEAD_LETTERS).increment();
    }

    public void ssoSignIn(String protocol) {
        counter("janua.sso.signins", SSO_SIGNINS, "protocol", oneOf(protocol, SSO_PROTOCOLS)).increment();
    }

    /** {@code operation}: the SCIM write's event type ({@code user.provisioned}, {@code group.updated}, …). */
    public void scimOperation(String operation) {
        counter("janua.scim.operations", SCIM_OPERATIONS, "operation", operation).increment();
    }

    /** One webhook delivery attempt: its HTTP duration, and on success the time since the delivery was queued. */
    public void webhookAttempt(boolean succeeded, long durationMs, Instant queuedAt, Instant now) {
        counter("janua.webhook.deliveries", WEBHOOK_DELIVERIES, "result", succeeded ? "success" : "failure").increment();
        timer("janua.webhook.attempt.duration", WEBHOOK_ATTEMPT).record(Duration.ofMillis(Math.max(0, durationMs)));
        if (succeeded && queuedAt != null) timer("janua.webhook.delivery.latency", WEBHOOK_LATENCY).record(since(queuedAt, now));
    }

    /** {@code result}: sent, retry (failed, will be tried again) or dead (dead-lettered). */
    public void notificationAttempt(String channel, String result, Instant queuedAt, Instant now) {
        String c = oneOf(channel, NOTIFICATION_CHANNELS);
        counter("janua.notifications", NOTIFICATIONS, "channel", c, "result", result).increment();
        if (result.equals("sent") && queuedAt != null) timer("janua.notification.delivery.latency", NOTIFICATION_LATENCY, "channel", c)
                .record(since(queuedAt, now));
    }

    public void auditAppended(int records) {
        counter("janua.audit.appends", AUDIT_APPENDS).increment(records);
    }

    private Counter counter(String name, String description, String... labels) {
        Key key = Key.of(name, labels);
        Counter c = counters.get(key);
        if (c != null) return c;
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(labels).register(registry));
    }

    private Timer timer(String name, String description, String... labels) {
        Key key = Key.of(name, labels);
        Timer t = timers.get(key);
        if (t != null) return t;
        return timers.computeIfAbsent(key, k -> Timer.builder(name).description(description).tags(labels)
                .serviceLevelObjectives(DELIVERY_BUCKETS).register(registry));
    }

    /**
     * A meter's name and label pairs as a map key, without building a string per call (the strings are
     * the callers' constants and enum names, whose hash codes are cached). At most two label pairs.
     */
    private record Key(String name, String k1, String v1, String k2, String v2) {
        static Key of(String name, String... labels) {
            return switch (labels.length) {
                case 0 -> new Key(name, null, null, null, null);
                case 2 -> new Key(name, labels[0], labels[1], null, null);
                case 4 -> new Key(name, labels[0], labels[1], labels[2], labels[3]);
                default -> throw new IllegalArgumentException("0 to 2 label pairs: " + name);
            };
        }
    }

    /** {@code value} when it is one of {@code allowed}, else {@code other}: a label never takes unbounded values. */
    public static String oneOf(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : "other";
    }

    private static Duration since(Instant queuedAt, Instant now) {
        Duration d = Duration.between(queuedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
