package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.OtpAuthUri;
import dev.janua.server.mfa.domain.QrCode;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.mfa.domain.Totp.Algorithm;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4226 Appendix D and RFC 6238 Appendix B known answers (SECURITY.md), base32, otpauth URI and QR code. */
class TotpTest {
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hotpMatchesEveryRfc4226Vector() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        Totp hotp = new Totp(Algorithm.SHA1, 6, 30);
        for (int count = 0; count < expected.length; count++) {
            assertThat(hotp.hotp(SHA1_SEED, count)).as("count %d", count).isEqualTo(expected[count]);
        }
    }

    @ParameterizedTest(name = "t={0}")
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void totpMatchesEveryRfc6238Vector(long time, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(time);
        assertThat(new Totp(Algorithm.SHA1, 8, 30).totp(SHA1_SEED, at)).isEqualTo(sha1);
        assertThat(new Totp(Algorithm.SHA256, 8, 30).totp(SHA256_SEED, at)).isEqualTo(sha256);
        assertThat(new Totp(Algorithm.SHA512, 8, 30).totp(SHA512_SEED, at)).isEqualTo(sha512);
    }

    @Test
    void acceptsOneStepEitherSideAndNothingFurther() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        Totp totp = Totp.DEFAULT;
        long step = totp.step(now);
        assertThat(totp.matchingStep(SHA1_SEED, totp.hotp(SHA1_SEED, step - 1), now, 1)).isEqualTo(step - 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.hotp(SHA1_SEED, step), now, 1)).isEqualTo(step);
        assertThat(totp.matchingStep(SHA1_SEED, totp.hotp(SHA1_SEED, step + 1), now, 1)).isEqualTo(step + 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.hotp(SHA1_SEED, step + 2), now, 1)).isEqualTo(-1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.hotp(SHA1_SEED, step - 2), now, 1)).isEqualTo(-1);
        assertThat(totp.matchingStep(SHA1_SEED, "12a456", now, 1)).isEqualTo(-1);
        assertThat(totp.matchingStep(SHA1_SEED, "1234567", now, 1)).isEqualTo(-1);
    }

    @Test
    void rejectsUnsupportedDigitCounts() {
        assertThatThrownBy(() -> new Totp(Algorithm.SHA1, 5, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp(Algorithm.SHA1, 9, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("mzxw6ytboi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.encode(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode(Base32.encode(SHA512_SEED))).isEqualTo(SHA512_SEED);
        assertThatThrownBy(() -> Base32.decode("ABC1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void qrCodeIsAPngThatDecodesBackToTheOtpauthUri() throws Exception {
        String uri = OtpAuthUri.totp("Janua", "ada+test@example.com", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.DEFAULT);
        assertThat(uri).startsWith("otpauth://totp/Janua:ada%2Btest%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Janua")
                .contains("digits=6").contains("period=30");
        String dataUrl = QrCode.pngDataUrl(uri);
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUrl.substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        assertThat(decoded).isEqualTo(uri);
    }
}
