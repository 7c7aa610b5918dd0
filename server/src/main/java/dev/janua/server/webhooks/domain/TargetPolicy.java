package dev.janua.server.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where deliveries may go (SSRF protection): http(s) URLs without credentials whose host resolves
 * only to public addresses — no loopback, private (RFC 1918, unique-local), link-local (including
 * the 169.254.169.254 metadata service), carrier-grade NAT, multicast or unspecified addresses —
 * unless the operator allows private targets. Checked when an endpoint is saved and again at every
 * connection, since DNS answers change: {@link #resolveChecked} is the delivery client's only
 * resolver, so a connection goes to an address that was checked (no DNS rebinding window).
 */
public final class TargetPolicy {
    private final boolean allowPrivate;
    private final Resolver resolver;

    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public TargetPolicy(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public TargetPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the URL is refused (a short reason code), or empty when deliveries may go there. */
    public Optional<String> refuse(String url) {
        Optional<String> shape = refuseUrl(url);
        if (shape.isPresent() || allowPrivate) return shape;
        try {
            resolveChecked(URI.create(url).getHost());
            return Optional.empty();
        } catch (Refused r) {
            return Optional.of(r.reason());
        } catch (UnknownHostException e) {
            return Optional.of("unresolvable_host");
        }
    }

    /** The checks that need no DNS: scheme, credentials, host present, no fragment. */
    public Optional<String> refuseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("malformed_url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http")) return Optional.of("scheme_not_http");
        if (uri.getRawUserInfo() != null) return Optional.of("credentials_in_url");
        String host = uri.getHost();
        if (host == null || host.isBlank()) return Optional.of("missing_host");
        if (uri.getRawFragment() != null) return Optional.of("fragment_not_allowed");
        return Optional.empty();
    }

    /**
     * Resolves {@code host} once and checks every address it gave. The delivery connects to these
     * addresses and resolves nothing itself (DNS rebinding: a second lookup could answer a private
     * address after the first passed the check). With private targets allowed, resolves without checking.
     *
     * @throws Refused when the name or one of its addresses is not a public target
     * @throws UnknownHostException when the name does not resolve
     */
    public InetAddress[] resolveChecked(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!allowPrivate && (h.equalsIgnoreCase("localhost") || h.toLowerCase().endsWith(".localhost")
                || h.equalsIgnoreCase("metadata.google.internal"))) {
            throw new Refused(host, "private_address");
        }
        InetAddress[] addresses = resolver.resolve(h);
        if (addresses == null || addresses.length == 0) throw new UnknownHostException(host);
        if (allowPrivate) return addresses.clone();
        for (InetAddress a : addresses) {
            if (!isPublic(a)) throw new Refused(host, "private_address");
        }
        return addresses.clone();
    }

    /** A target host refused by the policy; an {@link UnknownHostException} so an HTTP client's resolver may throw it. */
    public static final class Refused extends UnknownHostException {
        private final String reason;

        public Refused(String host, String reason) {
            super(host + ": target refused (" + reason + ")");
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return isPublicV4(b);
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false; // fc00::/7 unique local
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return false; // fec0::/10 site local
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) v4Mapped &= b[i] == 0;
            if (v4Mapped && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || b[10] == 0 && b[11] == 0)) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // ::ffff:a.b.c.d and ::a.b.c.d
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
        }
        return true;
    }

    private static boolean isPublicV4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        if (o0 == 0 || o0 == 10 || o0 == 127 || o0 >= 224) return false; // this network, private, loopback, multicast/reserved
        if (o0 == 169 && o1 == 254) return false; // link-local, cloud metadata
        if (o0 == 172 && o1 >= 16 && o1 <= 31) return false;
        if (o0 == 192 && o1 == 168) return false;
        if (o0 == 100 && o1 >= 64 && o1 <= 127) return false; // carrier-grade NAT
        if (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) return false; // IETF protocol assignments
        if (o0 == 198 && (o1 == 18 || o1 == 19)) return false; // benchmarking
        return true;
    }
}
