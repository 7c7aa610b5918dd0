package dev.janua.server.devices.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.devices.WebPushReceiver;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** RFC 8291 message encryption: the RFC's own example, and a round trip through the receiver's side. */
class WebPushEncryptionTest {
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    @Test
    void encryptWithTheKeysAndSaltOfRfc8291AppendixAThenProducesTheRfcMessage() throws Exception {
        byte[] asPrivate = B64.decode("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw");
        byte[] asPublic = B64.decode("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
        KeyPair as = new KeyPair(EcKeys.decodePoint(asPublic), EcKeys.decodeScalar(asPrivate));
        byte[] salt = B64.decode("DGv6ra1nlYgDCS1FRnbzlw");
        WebPushEncryption encryption = new WebPushEncryption(() -> as, () -> salt);

        byte[] message = encryption.encrypt("When I grow up, I want to be a watermelon".getBytes(StandardCharsets.UTF_8),
                B64.decode("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
                B64.decode("BTBZMqHH6r4Tts7J_aSIgg"));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(message)).isEqualTo(
                "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
        assertThat(EcKeys.encodePoint((ECPublicKey) as.getPublic())).isEqualTo(asPublic);
    }

    @Test
    void theRfcReceiverKeysDecryptTheRfcMessage() throws Exception {
        WebPushReceiver rfcReceiver = new WebPushReceiver(B64.decode("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"),
                B64.decode("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
                B64.decode("BTBZMqHH6r4Tts7J_aSIgg"));
        byte[] message = B64.decode(
                "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
        assertThat(rfcReceiver.decryptToString(message)).isEqualTo("When I grow up, I want to be a watermelon");
    }

    @Test
    void aFreshlyKeyedMessageDecryptsForItsReceiverOnlyAndNeverRepeats() throws Exception {
        byte[] p256dh = B64.decode(subscriptionKey(new WebPushReceiver(), "p256dh"));
        WebPushReceiver receiver = new WebPushReceiver();
        String sub = receiver.subscription("https://push.example/x");
        byte[] ua = B64.decode(field(sub, "p256dh"));
        byte[] auth = B64.decode(field(sub, "auth"));
        WebPushEncryption encryption = new WebPushEncryption();
        byte[] plaintext = "{\"title\":\"Security Alert\"}".getBytes(StandardCharsets.UTF_8);

        byte[] first = encryption.encrypt(plaintext, ua, auth);
        byte[] second = encryption.encrypt(plaintext, ua, auth);

        assertThat(receiver.decryptToString(first)).isEqualTo("{\"title\":\"Security Alert\"}");
        assertThat(first).isNotEqualTo(second); // new salt and ephemeral key each time (RFC 8291 §3.1, RFC 8188 §2.1)
        assertThat(first.length).isEqualTo(16 + 4 + 1 + 65 + plaintext.length + 1 + 16);
        assertThat(p256dh).hasSize(65);
        assertThatThrownBy(() -> new WebPushReceiver().decrypt(first)).isInstanceOf(AEADBadTagException.class);
        byte[] tampered = Arrays.copyOf(first, first.length);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> receiver.decrypt(tampered)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void refusesWhatCannotBeAValidMessage() {
        WebPushReceiver receiver = new WebPushReceiver();
        String sub = receiver.subscription("https://push.example/x");
        WebPushEncryption encryption = new WebPushEncryption();
        assertThatThrownBy(() -> encryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT + 1], B64.decode(field(sub, "p256dh")),
                B64.decode(field(sub, "auth")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encryption.encrypt(new byte[1], B64.decode(field(sub, "p256dh")), new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        offCurve[64] = 1;
        assertThatThrownBy(() -> encryption.encrypt(new byte[1], offCurve, new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static String subscriptionKey(WebPushReceiver r, String key) {
        return field(r.subscription("https://push.example/x"), key);
    }

    private static String field(String json, String key) {
        int i = json.indexOf("\"" + key + "\":\"") + key.length() + 4;
        return json.substring(i, json.indexOf('"', i));
    }
}
