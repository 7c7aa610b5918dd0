package dev.janua.server.devices.app;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.push.*} ({@code JANUA_PUSH_*}). A service is on when its credentials are set; a
 * device whose service is off gets the development recorder outside production
 * ({@code devProvider}), and its messages are dead-lettered in production. See docs/devices-and-push.md.
 */
@ConfigurationProperties("janua.push")
public record PushProperties(
        @DefaultValue("true") boolean devProvider,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Fcm fcm,
        @DefaultValue Apns apns,
        @DefaultValue WebPush webpush) {

    /** {@code serviceAccount}: the key file's JSON, or a path to it. {@code baseUrl} only changes for tests. */
    public record Fcm(@DefaultValue("") String serviceAccount, @DefaultValue("https://fcm.googleapis.com") String baseUrl) {}

    /**
     * Token-based APNs: the {@code .p8} key (PEM text or a path), its key id, the team id and the
     * app's bundle id as {@code topic}. {@code url}: production {@code https://api.push.apple.com}, or
     * {@code https://api.sandbox.push.apple.com} for development builds. {@code caFile}: a PEM
     * certificate to trust instead of the JDK's roots (a relay or a test stub).
     */
    public record Apns(@DefaultValue("https://api.push.apple.com") String url, @DefaultValue("") String keyId,
                       @DefaultValue("") String teamId, @DefaultValue("") String privateKey, @DefaultValue("") String topic,
                       @DefaultValue("") String caFile) {}

    /**
     * Web Push: VAPID keys (base64url; generated and stored when absent), the contact
     * {@code subject} (mailto: or https:, default the server's public URL) and the push services
     * subscriptions may point at.
     */
    public record WebPush(@DefaultValue("") String vapidPublicKey, @DefaultValue("") String vapidPrivateKey,
                          @DefaultValue("") String subject,
                          @DefaultValue({"fcm.googleapis.com", "*.push.services.mozilla.com", "updates.push.services.mozilla.com",
                                  "web.push.apple.com", "*.push.apple.com", "*.notify.windows.com"}) List<String> allowedHosts,
                          @DefaultValue("false") boolean allowHttp) {}
}
