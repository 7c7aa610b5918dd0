package dev.janua.server.passkeys;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A software WebAuthn authenticator with ES256 keys, for API tests: it answers Janua's options the
 * way a browser's {@code PublicKeyCredential.toJSON()} would (clientDataJSON, attestationObject or
 * authenticatorData + signature, base64url), with knobs for every way a response can be wrong.
 * Credentials are discoverable (kept here with their user handle), as a platform passkey is.
 */
public final class SoftAuthenticator {
    public static final byte UP = 0x01;
    public static final byte UV = 0x04;
    public static final byte BE = 0x08;
    public static final byte BS = 0x10;
    private static final byte AT = 0x40;
    private static final byte[] AAGUID = new byte[16];
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One stored credential. */
    public static final class Credential {
        public final byte[] id;
        final KeyPair keys;
        public final String userHandle;
        public long counter;

        Credential(byte[] id, KeyPair keys, String userHandle) {
            this.id = id;
            this.keys = keys;
            this.userHandle = userHandle;
        }

        public String id() {
            return b64(id);
        }
    }

    /** What the next ceremony does; tests change these to produce each kind of wrong response. */
    public String origin;
    public String rpIdForHash;
    public String clientDataType;
    public byte flags = (byte) (UP | UV | BE | BS);
    public String attestationFormat = "none";
    public boolean breakAttestationSignature;
    public boolean breakSignature;
    public boolean countersAdvance = true;
    public final Map<String, Credential> credentials = new LinkedHashMap<>();

    public SoftAuthenticator(String origin) {
        this.origin = origin;
    }

    /** {@code navigator.credentials.create(options)}, then {@code toJSON()}. */
    public Map<String, Object> create(JsonNode options) {
        String rpId = options.path("rp").path("id").asString();
        byte[] credId = new byte[32];
        RANDOM.nextBytes(credId);
        Credential c = new Credential(credId, newKeys(), options.path("user").path("id").asString());
        credentials.put(c.id(), c);
        byte[] clientData = clientData(clientDataType != null ? clientDataType : "webauthn.create", options.path("challenge").asString());
        byte[] cose = CONVERTER.getCborConverter().writeValueAsBytes(EC2COSEKey.create((ECPublicKey) c.keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        ByteArrayOutputStream auth = new ByteArrayOutputStream();
        auth.writeBytes(sha256(rpIdForHash != null ? rpIdForHash : rpId));
        auth.write(flags | AT);
        auth.writeBytes(ByteBuffer.allocate(4).putInt((int) c.counter).array());
        auth.writeBytes(AAGUID);
        auth.writeBytes(ByteBuffer.allocate(2).putShort((short) credId.length).array());
        auth.writeBytes(credId);
        auth.writeBytes(cose);
        byte[] authData = auth.toByteArray();
        Map<String, Object> attStmt = new LinkedHashMap<>();
        if ("packed".equals(attestationFormat)) {
            // self attestation (WebAuthn L3 §8.2): signed by the credential key itself
            byte[] sig = sign(c, concat(authData, sha256(clientData)));
            if (breakAttestationSignature) sig[sig.length - 1] ^= 0x01;
            attStmt.put("alg", -7);
            attStmt.put("sig", sig);
        }
        Map<String, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", attestationFormat);
        attestation.put("attStmt", attStmt);
        attestation.put("authData", authData);
        byte[] attestationObject = CONVERTER.getCborMapper().writeValueAsBytes(attestation);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", b64(clientData));
        response.put("attestationObject", b64(attestationObject));
        response.put("transports", java.util.List.of("internal", "hybrid"));
        return credentialJson(credId, response);
    }

    /** {@code navigator.credentials.get(options)} with a credential this authenticator holds for the rp, then {@code toJSON()}. */
    public Map<String, Object> get(JsonNode options) {
        Credential c = pick(options);
        return get(options, c);
    }

    public Map<String, Object> get(JsonNode options, Credential c) {
        String rpId = options.path("rpId").asString();
        byte[] clientData = clientData(clientDataType != null ? clientDataType : "webauthn.get", options.path("challenge").asString());
        if (countersAdvance) c.counter++;
        ByteArrayOutputStream auth = new ByteArrayOutputStream();
        auth.writeBytes(sha256(rpIdForHash != null ? rpIdForHash : rpId));
        auth.write(flags);
        auth.writeBytes(ByteBuffer.allocate(4).putInt((int) c.counter).array());
        byte[] authData = auth.toByteArray();
        byte[] sig = sign(c, concat(authData, sha256(clientData)));
        if (breakSignature) sig[sig.length - 1] ^= 0x01;
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", b64(clientData));
        response.put("authenticatorData", b64(authData));
        response.put("signature", b64(sig));
        response.put("userHandle", c.userHandle);
        return credentialJson(c.id, response);
    }

    /** The allowCredentials entry this authenticator holds, or (usernameless) its newest credential. */
    private Credential pick(JsonNode options) {
        for (JsonNode allowed : options.path("allowCredentials")) {
            Credential c = credentials.get(allowed.path("id").asString());
            if (c != null) return c;
        }
        if (!options.path("allowCredentials").isEmpty()) throw new IllegalStateException("no allowed credential here");
        return credentials.values().stream().reduce((a, b) -> b).orElseThrow();
    }

    private Map<String, Object> credentialJson(byte[] id, Map<String, Object> response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b64(id));
        out.put("rawId", b64(id));
        out.put("type", "public-key");
        out.put("response", response);
        out.put("authenticatorAttachment", "platform");
        out.put("clientExtensionResults", Map.of());
        return out;
    }

    private byte[] clientData(String type, String challenge) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("challenge", challenge);
        data.put("origin", origin);
        data.put("crossOrigin", false);
        return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(Credential c, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(c.keys.getPrivate());
            s.update(data);
            return s.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    public static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
