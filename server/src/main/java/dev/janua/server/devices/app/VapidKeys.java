package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.EcKeys;
import dev.janua.server.devices.persistence.JdbcVapidKeys;
import dev.janua.server.platform.crypto.SecretBox;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * The application server's VAPID key pair (RFC 8292 §3.2): the operator's
 * ({@code JANUA_PUSH_WEBPUSH_VAPID_PUBLIC_KEY}/{@code _PRIVATE_KEY}, base64url as web-push tools
 * print them), or one generated on first use and kept in the database, sealed under the master key,
 * so every node and every restart signs with the same key and browsers' subscriptions stay valid.
 */
final class VapidKeys {
    private static final String CONTEXT = "push:vapid";
    private final String subject;
    private final ECPrivateKey privateKey;
    private final String publicKey;

    private VapidKeys(String subject, ECPrivateKey privateKey, String publicKey) {
        if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https://"))) {
            throw new IllegalStateException("JANUA_PUSH_WEBPUSH_SUBJECT must be a mailto: or https: URI (RFC 8292 §2.1), got " + subject);
        }
        this.subject = subject;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static VapidKeys configured(String subject, String publicKey, String privateKey) {
        ECPrivateKey priv = EcKeys.decodeScalar(Base64.getUrlDecoder().decode(privateKey.trim()));
        ECPublicKey pub = EcKeys.decodePoint(Base64.getUrlDecoder().decode(publicKey.trim()));
        if (!Arrays.equals(EcKeys.encodePoint(pub), Base64.getUrlDecoder().decode(publicKey.trim()))) {
            throw new IllegalStateException("the VAPID public key does not decode");
        }
        return new VapidKeys(subject, priv, publicKey.trim());
    }

    static VapidKeys stored(String subject, JdbcVapidKeys store, SecretBox secrets, Clock clock) {
        JdbcVapidKeys.Stored s = store.find().orElse(null);
        if (s == null) {
            KeyPair pair = EcKeys.generate();
            String pub = b64(EcKeys.encodePoint((ECPublicKey) pair.getPublic()));
            String priv = secrets.seal(b64(EcKeys.encodeScalar((ECPrivateKey) pair.getPrivate())), CONTEXT);
            store.insert(new JdbcVapidKeys.Stored(pub, priv), clock.instant());
            s = store.find().orElseThrow();
        }
        return new VapidKeys(subject, EcKeys.decodeScalar(Base64.getUrlDecoder().decode(secrets.open(s.privateKeySealed(), CONTEXT))),
                s.publicKey());
    }

    String subject() {
        return subject;
    }

    ECPrivateKey privateKey() {
        return privateKey;
    }

    /** The {@code applicationServerKey} browsers subscribe with, and the VAPID {@code k}. */
    String publicKeyBase64Url() {
        return publicKey;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
