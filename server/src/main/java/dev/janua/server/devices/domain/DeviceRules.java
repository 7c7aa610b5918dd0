package dev.janua.server.devices.domain;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of what apps register and send. Vocabularies stay open (a new platform or biometric
 * name needs no release) but every value is short and plain, so it is safe in logs and pages.
 */
public final class DeviceRules {
    public static final Set<String> PROVIDERS = Set.of("fcm", "apns", "webpush", "dev");
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+ ()-]{1,64}");
    private static final int MAX_TOKEN = 4000;
    private static final int MAX_CAPABILITIES = 10;
    /** FCM and APNs both cap a notification at 4 KB; a little below leaves room for their envelopes. */
    public static final int MAX_PUSH_BYTES = 3500;
    public static final int MAX_DATA_KEYS = 20;

    private DeviceRules() {}

    /** 422 {@code VALIDATION_ERROR} naming the field and why. */
    static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }

    public static String deviceId(String v) {
        if (v == null || !DEVICE_ID.matcher(v).matches()) throw invalid("deviceId", "1-200 characters: letters, digits . _ : -");
        return v;
    }

    /** Lower-cased word, e.g. {@code mobile}, {@code ios}; null stays null when optional. */
    public static String word(String field, String v, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) throw invalid(field, "required");
            return null;
        }
        String w = v.trim().toLowerCase(Locale.ROOT);
        if (!WORD.matcher(w).matches()) throw invalid(field, "a short lower-case word");
        return w;
    }

    public static String version(String field, String v) {
        if (v == null || v.isBlank()) return null;
        if (!VERSION.matcher(v.trim()).matches()) throw invalid(field, "at most 64 plain characters");
        return v.trim();
    }

    public static String name(String v) {
        if (v == null || v.isBlank()) return null;
        String n = v.strip();
        if (n.length() > 200 || n.chars().anyMatch(Character::isISOControl)) throw invalid("name", "at most 200 characters, no control characters");
        return n;
    }

    public static String provider(String v) {
        String p = word("pushProvider", v, false);
        if (p != null && !PROVIDERS.contains(p)) throw invalid("pushProvider", "one of fcm, apns, webpush, dev");
        return p;
    }

    public static String pushToken(String v) {
        if (v == null || v.isBlank()) return null;
        if (v.length() > MAX_TOKEN || v.chars().anyMatch(Character::isISOControl)) throw invalid("pushToken", "at most 4000 characters");
        return v.trim();
    }

    public static List<String> capabilities(List<String> v) {
        if (v == null) return List.of();
        if (v.size() > MAX_CAPABILITIES) throw invalid("biometricCapabilities", "at most 10");
        Set<String> out = new LinkedHashSet<>();
        for (String c : v) out.add(word("biometricCapabilities", c, true));
        return List.copyOf(out);
    }

    /** Title, body and data together must fit a provider's payload; data values are strings (FCM's rule). */
    public static void pushContent(String title, String body, Map<String, String> data) {
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) throw invalid("title", "title or body required");
        if (data != null && data.size() > MAX_DATA_KEYS) throw invalid("data", "at most 20 keys");
        int size = len(title) + len(body);
        if (data != null) {
            for (Map.Entry<String, String> e : data.entrySet()) {
                if (e.getKey().isBlank() || e.getKey().length() > 64) throw invalid("data", "keys of 1-64 characters");
                size += len(e.getKey()) + len(e.getValue());
            }
        }
        if (size > MAX_PUSH_BYTES) throw invalid("data", "title, body and data over " + MAX_PUSH_BYTES + " bytes");
    }

    private static int len(String s) {
        return s == null ? 0 : s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
