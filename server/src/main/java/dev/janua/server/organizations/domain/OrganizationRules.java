package dev.janua.server.organizations.domain;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Edge checks of organization fields and settings, each failing with a field-named {@code VALIDATION_ERROR}. */
public final class OrganizationRules {
    public static final int MIN_SESSION_TIMEOUT = 300;
    /** An organization may shorten sessions, never stretch them past the default absolute lifetime. */
    public static final int MAX_SESSION_TIMEOUT = 86_400;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern HOSTNAME = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]{2,}$");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final int MAX_LIST = 100;

    private OrganizationRules() {}

    public static String name(String name) {
        if (name == null || name.isBlank()) throw invalid("name", "required");
        String n = name.trim();
        if (n.length() > 200) throw invalid("name", "too_long");
        return n;
    }

    public static String slug(String slug) {
        String s = slug.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(s).matches()) throw invalid("slug", "invalid_format");
        return s;
    }

    /** {@code Acme Corporation} → {@code acme-corporation}; falls back to {@code org} for names with no letters or digits. */
    public static String slugFromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 55) s = s.substring(0, 55).replaceAll("-+$", "");
        return s.isEmpty() ? "org" : s;
    }

    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > max) throw invalid(field, "too_long");
        return value.trim();
    }

    public static String url(String field, String value) {
        String v = text(field, value, 2048);
        if (v != null && !v.matches("https?://\\S+")) throw invalid(field, "invalid_url");
        return v;
    }

    public static String email(String field, String value) {
        String v = text(field, value, 320);
        if (v != null && !EMAIL.matcher(v).matches()) throw invalid(field, "invalid_format");
        return v;
    }

    public static String domain(String field, String value) {
        String v = text(field, value, 253);
        if (v == null) return null;
        String d = v.toLowerCase(Locale.ROOT);
        if (!HOSTNAME.matcher(d).matches()) throw invalid(field, "invalid_domain");
        return d;
    }

    public static List<String> domains(List<String> values) {
        if (values == null) return null;
        if (values.size() > MAX_LIST) throw invalid("settings.allowedDomains", "too_many");
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String d = domain("settings.allowedDomains", v);
            if (d != null) out.add(d);
        }
        return new ArrayList<>(out);
    }

    public static Integer sessionTimeout(Integer seconds) {
        if (seconds == null) return null;
        if (seconds < MIN_SESSION_TIMEOUT || seconds > MAX_SESSION_TIMEOUT) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "settings.sessionTimeout", "reason", "out_of_range",
                    "min", MIN_SESSION_TIMEOUT, "max", MAX_SESSION_TIMEOUT));
        }
        return seconds;
    }

    /** CIDR blocks ({@code 192.168.1.0/24}, {@code 2001:db8::/32}) or single addresses; literals only, never a DNS look-up. */
    public static List<String> ipRanges(List<String> values) {
        if (values == null) return null;
        if (values.size() > MAX_LIST) throw invalid("settings.allowedIpRanges", "too_many");
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) continue;
            out.add(cidr(v.trim()));
        }
        return new ArrayList<>(out);
    }

    static String cidr(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 2) throw invalid("settings.allowedIpRanges", "invalid_cidr");
        String address = parts[0];
        int maxPrefix;
        if (IPV4.matcher(address).matches()) {
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) throw invalid("settings.allowedIpRanges", "invalid_cidr");
            }
            maxPrefix = 32;
        } else if (address.contains(":") && IPV6.matcher(address).matches()) {
            try {
                InetAddress.getByName(address); // an IPv6 literal: parsed, not resolved
            } catch (UnknownHostException e) {
                throw invalid("settings.allowedIpRanges", "invalid_cidr");
            }
            maxPrefix = 128;
        } else {
            throw invalid("settings.allowedIpRanges", "invalid_cidr");
        }
        if (parts.length == 2) {
            if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > maxPrefix) {
                throw invalid("settings.allowedIpRanges", "invalid_cidr");
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }
}
