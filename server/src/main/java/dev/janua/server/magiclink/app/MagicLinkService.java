package dev.janua.server.magiclink.app;

import dev.janua.server.magiclink.domain.RedirectTargets;
import dev.janua.server.magiclink.persistence.JdbcMagicLinkQuota;
import dev.janua.server.notifications.Mailer;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.tokens.OneTimeTokens;
import dev.janua.server.tokens.OneTimeTokens.Purpose;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.domain.EmailAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passwordless sign-in by email. A link is a one-time token (15 minutes or less, single use);
 * the answer to a send request is the same whether or not the email has an account, and the
 * 5-per-hour quota applies to every email alike, so neither tells which emails are registered.
 */
@Service
public class MagicLinkService {
    private final OneTimeTokens oneTime;
    private final UserDirectory users;
    private final Mailer mailer;
    private final JdbcMagicLinkQuota quota;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final PublicUrl publicUrl;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;
    private final MagicLinkProperties config;
    private final boolean production;
    private final dev.janua.server.sso.SsoEnforcement sso;

    public MagicLinkService(OneTimeTokens oneTime, UserDirectory users, Mailer mailer, JdbcMagicLinkQuota quota, EventPublisher events,
                            IdGenerator ids, PublicUrl publicUrl, TransactionTemplate tx, Clock clock, JsonMapper json,
                            MagicLinkProperties config, JanuaProperties properties,
                            dev.janua.server.sso.SsoEnforcement sso) {
        this.oneTime = oneTime;
        this.users = users;
        this.mailer = mailer;
        this.quota = quota;
        this.events = events;
        this.ids = ids;
        this.publicUrl = publicUrl;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.config = config;
        this.production = properties.isProduction();
        this.sso = sso;
    }

    public record Sent(String linkId, Instant expiresAt) {}

    public Sent send(String email, String redirectUrl, Long expiresInSeconds, Locale locale, ClientInfo client) {
        String address = EmailAddress.requireValid(email);
        sso.requireNonSsoSignInAllowed(address); // domain-level: says nothing about whether an account exists
        String redirect = redirectUrl == null || redirectUrl.isBlank() ? null : requireRedirect(redirectUrl, "redirectUrl").toString();
        Duration ttl = ttl(expiresInSeconds);
        String key = EmailAddress.normalize(address);
        Instant now = clock.instant();
        if (!quota.take(key, now, config.sendWindow(), config.sendLimit())) {
            long retry = quota.windowStart(key).map(s -> Duration.between(now, s.plus(config.sendWindow())).toSeconds()).orElse(60L);
            throw new JanuaException(ErrorCode.RATE_LIMITED, Map.of("retryAfter", Math.max(1, retry), "limit", config.sendLimit()));
        }
        String linkId = ids.next("ml");
        tx.executeWithoutResult(t -> {
            Optional<User> user = users.findByEmail(address);
            boolean send = user.map(u -> u.status() == UserStatus.ACTIVE).orElse(config.selfSignup());
            if (!send) return;
            String to = user.map(User::email).orElse(address);
            String data = json.writeValueAsString(redirect == null ? Map.of("linkId", linkId) : Map.of("linkId", linkId, "redirectUrl", redirect));
            String token = oneTime.issue(Purpose.MAGIC_LINK, user.map(User::id).orElse(null), to, ttl, data);
            // with an app to return to, the API's redirecting verify; otherwise the hosted landing page signs the browser in
            String link = redirect == null ? publicUrl.base() + "/hosted/magic-link?token=" + enc(token)
                    : publicUrl.base() + "/api/v1/auth/magic-link/verify?token=" + enc(token) + "&redirect_uri=" + enc(redirect);
            mailer.send("magic_link", locale, to, Map.of("link", link, "token", token, "minutes", String.valueOf(ttl.toMinutes())));
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("linkId", linkId);
            event.put("email", to);
            event.put("newUser", user.isEmpty());
            user.ifPresent(u -> event.put("userId", u.id()));
            events.publish(DomainEvent.of("magic_link.sent", user.map(User::id).orElse(linkId), user.map(User::id).orElse(null), event), client);
        });
        return new Sent(linkId, now.plus(ttl));
    }

    /** The link lives 15 minutes unless the request asks for less (SECURITY.md: the request may shorten it). */
    private Duration ttl(Long expiresInSeconds) {
        if (expiresInSeconds == null) return config.ttl();
        if (expiresInSeconds < 60) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "expiresIn", "reason", "at least 60 seconds"));
        }
        Duration asked = Duration.ofSeconds(expiresInSeconds);
        return asked.compareTo(config.ttl()) < 0 ? asked : config.ttl();
    }

    public URI requireRedirect(String url, String field) {
        return redirectTargets().check(url).orElseThrow(() ->
                new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", "redirect_not_allowed")));
    }

    public Optional<URI> allowedRedirect(String url) {
        return redirectTargets().check(url);
    }

    private RedirectTargets redirectTargets() {
        Set<String> origins = new HashSet<>(config.allowedRedirectOrigins());
        origins.add(publicUrl.base());
        return new RedirectTargets(origins, !production);
    }

    public record Redeemed(User user, String linkId, String redirectUrl) {}

    /**
     * Spends the link (single use) and returns its user — created now, email verified, when the
     * link was sent to an email without an account. Proving the email by link also verifies it.
     */
    public Redeemed redeem(String token, ClientInfo client) {
        return tx.execute(t -> {
            OneTimeTokens.Redeemed r = oneTime.redeem(Purpose.MAGIC_LINK, token)
                    .orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
            sso.requireNonSsoSignInAllowed(r.email()); // a link sent before the organization required SSO
            JsonNode data = json.readTree(r.data() == null ? "{}" : r.data());
            String linkId = data.path("linkId").asString(null);
            User user = r.userId() != null ? users.findById(r.userId()).filter(u -> u.email().equalsIgnoreCase(r.email()))
                    .orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED))
                    : users.findByEmail(r.email()).orElseGet(() -> createUser(r.email(), client));
            if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
            if (!user.emailVerified()) users.markEmailVerified(user.id(), client);
            events.publish(DomainEvent.of("magic_link.used", user.id(), user.id(), Map.of("userId", user.id(),
                    "linkId", String.valueOf(linkId))), client);
            return new Redeemed(users.findById(user.id()).orElseThrow(), linkId, data.path("redirectUrl").asString(null));
        });
    }

    private User createUser(String email, ClientInfo client) {
        if (!config.selfSignup()) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
        return users.create(new NewUser(email, null, null, null, null, null, true, false), null, client);
    }

    /** The one-time code a redirect carries (about 2 minutes): worthless once exchanged, and it holds no token itself. */
    public String issueExchangeCode(User user) {
        return oneTime.issue(Purpose.MAGIC_LINK_EXCHANGE, user.id(), user.email(), config.exchangeTtl(), null);
    }

    public User redeemExchangeCode(String code) {
        OneTimeTokens.Redeemed r = oneTime.redeem(Purpose.MAGIC_LINK_EXCHANGE, code)
                .orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        User user = users.findById(r.userId()).orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
        return user;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
