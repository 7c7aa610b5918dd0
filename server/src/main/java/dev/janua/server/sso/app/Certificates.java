package dev.janua.server.sso.app;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** IdP signing certificates as stored: base64 DER, one per entry; PEM armour and whitespace accepted on input. */
public final class Certificates {
    private Certificates() {}

    /** Throws {@link IllegalArgumentException} for anything that is not an X.509 certificate. */
    public static List<String> normalize(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            if (r == null) continue;
            String b64 = r.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "").replaceAll("\\s+", "");
            if (b64.isEmpty()) continue;
            parse(b64);
            if (!out.contains(b64)) out.add(b64);
        }
        return List.copyOf(out);
    }

    public static X509Certificate parse(String base64Der) {
        try {
            byte[] der = Base64.getDecoder().decode(base64Der);
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate");
        }
    }

    public static String sha256Fingerprint(String base64Der) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Der));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
