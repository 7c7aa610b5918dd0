package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.EcKeys;
import dev.janua.server.devices.domain.WebPushEncryption;
import dev.janua.server.devices.persistence.JdbcVapidKeys;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.SecretBox;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configured push services, and which one a device gets: the one it registered with
 * ({@code pushProvider}), else by its token and platform — a Web Push subscription goes to Web
 * Push, Apple platforms to APNs, everything else to FCM (which also reaches iOS apps built with
 * Firebase). When that service is not configured, the development recorder takes the message
 * outside production; in production there is no choice and the message is dead-lettered.
 */
@Component
public class PushProviders {
    private static final Logger log = LoggerFactory.getLogger(PushProviders.class);
    private static final Set<String> APPLE = Set.of("ios", "ipados", "macos", "watchos", "tvos", "visionos");
    private final Map<String, PushProvider> services = new LinkedHashMap<>();
    private final DevPushRecorder dev;
    private final WebPushSubscriptions subscriptions;
    private final Supplier<VapidKeys> vapid;

    /** The service for one message; {@code wouldUse} differs from the provider's name when the recorder stands in. */
    public record Choice(PushProvider provider, String wouldUse) {}

    public PushProviders(PushProperties p, JanuaProperties janua, JdbcVapidKeys vapidStore, SecretBox secrets, JsonMapper json, Clock clock) {
        this.dev = p.devProvider() && !janua.isProduction() ? new DevPushRecorder(clock) : null;
        this.subscriptions = new WebPushSubscriptions(p.webpush().allowedHosts(), p.webpush().allowHttp(), json);
        String subject = !p.webpush().subject().isBlank() ? p.webpush().subject()
                : janua.baseUrl().startsWith("https://") ? janua.baseUrl()
                : "mailto:" + (janua.adminEmail().isBlank() ? "admin@janua.local" : janua.adminEmail());
        this.vapid = memoize(() -> p.webpush().vapidPrivateKey().isBlank()
                ? VapidKeys.stored(subject, vapidStore, secrets, clock)
                : VapidKeys.configured(subject, p.webpush().vapidPublicKey(), p.webpush().vapidPrivateKey()));
        services.put("webpush", new WebPushProvider(vapid, subscriptions, new WebPushEncryption(), p.timeout(), json, clock));
        if (!p.fcm().serviceAccount().isBlank()) {
            services.put("fcm", new FcmPushProvider(FcmPushProvider.ServiceAccount.parse(textOrFile(p.fcm().serviceAccount()), json),
                    p.fcm().baseUrl(), p.timeout(), json, clock));
        }
        if (!p.apns().privateKey().isBlank()) {
            ECPrivateKey key = (ECPrivateKey) EcKeys.fromPem(textOrFile(p.apns().privateKey()), "EC");
            services.put("apns", new ApnsPushProvider(p.apns().url(), p.apns().keyId(), p.apns().teamId(), key, p.apns().topic(),
                    p.timeout(), trusting(p.apns().caFile()), json, clock));
        }
        log.info("push services: {}{}", services.keySet(), dev != null ? " (+ development recorder for the others)" : "");
    }

    public Optional<Choice> choose(Device d) {
        String wanted = d.pushProvider() != null ? d.pushProvider() : byTokenAndPlatform(d);
        if ("dev".equals(wanted)) return Optional.ofNullable(dev).map(r -> new Choice(r, "dev"));
        PushProvider p = services.get(wanted);
        if (p != null && p.accepts(d.pushToken())) return Optional.of(new Choice(p, wanted));
        return Optional.ofNullable(dev).map(r -> new Choice(r, wanted));
    }

    private String byTokenAndPlatform(Device d) {
        if (subscriptions.looksLikeSubscription(d.pushToken())) return "webpush";
        return APPLE.contains(d.platform().toLowerCase(Locale.ROOT)) ? "apns" : "fcm";
    }

    /** Why a token cannot be used, checked when it is registered (only Web Push subscriptions have rules today). */
    public Optional<String> refuseToken(String provider, String platform, String token) {
        boolean webPush = "webpush".equals(provider) || (provider == null && subscriptions.looksLikeSubscription(token));
        if (!webPush) return Optional.empty();
        try {
            subscriptions.parse(token);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public String vapidPublicKey() {
        return vapid.get().publicKeyBase64Url();
    }

    /** Null outside development or when turned off. */
    public DevPushRecorder devRecorder() {
        return dev;
    }

    private static String textOrFile(String value) {
        String v = value.trim();
        if (v.startsWith("{") || v.startsWith("-----")) return v;
        try {
            return Files.readString(Path.of(v));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + v + ": " + e.getMessage());
        }
    }

    static SSLContext trusting(String caFile) {
        if (caFile == null || caFile.isBlank()) return null;
        try (InputStream in = Files.newInputStream(Path.of(caFile))) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) trust.setCertificateEntry("ca" + i++, cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the APNs CA file " + caFile + ": " + e.getMessage());
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }
}
