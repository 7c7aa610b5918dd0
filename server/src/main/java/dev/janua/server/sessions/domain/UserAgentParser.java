package dev.janua.server.sessions.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small User-Agent reader for the session list: the common browsers, operating systems and
 * device kinds. Order matters — Edge, Opera and Samsung Internet also say "Chrome", Chrome also
 * says "Safari", iPads may say "Macintosh" — so the more specific tokens are tried first.
 */
public final class UserAgentParser {
    private record Rule(String name, Pattern pattern) {}

    private static final List<Rule> BROWSERS = List.of(
            rule("Edge", "(?:Edg|EdgA|EdgiOS|Edge)/([\\d.]+)"),
            rule("Opera", "(?:OPR|Opera|OPiOS)/([\\d.]+)"),
            rule("Samsung Internet", "SamsungBrowser/([\\d.]+)"),
            rule("Vivaldi", "Vivaldi/([\\d.]+)"),
            rule("Yandex", "YaBrowser/([\\d.]+)"),
            rule("Firefox", "(?:Firefox|FxiOS)/([\\d.]+)"),
            rule("Chrome", "(?:Chrome|CriOS|HeadlessChrome)/([\\d.]+)"),
            rule("Internet Explorer", "(?:MSIE |Trident/.*rv:)([\\d.]+)"),
            rule("Safari", "Version/([\\d.]+).*Safari/"),
            rule("curl", "^curl/([\\d.]+)"),
            rule("Postman", "PostmanRuntime/([\\d.]+)"),
            rule("okhttp", "okhttp/([\\d.]+)"),
            rule("Python", "python-(?:requests|httpx|urllib)/([\\d.]+)"),
            rule("Java", "Java(?:-http-client)?/([\\d.]+)"));

    private static final Pattern BOT = Pattern.compile("bot|crawler|spider|slurp|bingpreview|facebookexternalhit",
            Pattern.CASE_INSENSITIVE);

    private UserAgentParser() {}

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex));
    }

    public static DeviceInfo parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return DeviceInfo.UNKNOWN;
        String ua = userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent;
        String browser = "Unknown";
        String browserVersion = null;
        for (Rule r : BROWSERS) {
            Matcher m = r.pattern().matcher(ua);
            if (m.find()) {
                browser = r.name();
                browserVersion = major(m.group(1));
                break;
            }
        }
        String[] os = os(ua);
        return new DeviceInfo(browser, browserVersion, os[0], os[1], deviceType(ua, os[0]));
    }

    private static String[] os(String ua) {
        Matcher m;
        if ((m = find("Windows Phone(?: OS)? ([\\d.]+)", ua)) != null) return new String[] {"Windows Phone", m.group(1)};
        if ((m = find("Windows NT ([\\d.]+)", ua)) != null) return new String[] {"Windows", windowsVersion(m.group(1))};
        if (ua.contains("Windows")) return new String[] {"Windows", null};
        if ((m = find("(?:iPhone|CPU) OS ([\\d_]+)", ua)) != null) return new String[] {"iOS", m.group(1).replace('_', '.')};
        if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) return new String[] {"iOS", null};
        if ((m = find("Android ([\\d.]+)", ua)) != null) return new String[] {"Android", m.group(1)};
        if (ua.contains("Android")) return new String[] {"Android", null};
        if (ua.contains("CrOS")) return new String[] {"ChromeOS", null};
        if ((m = find("Mac OS X ([\\d_.]+)", ua)) != null) return new String[] {"macOS", m.group(1).replace('_', '.')};
        if (ua.contains("Macintosh")) return new String[] {"macOS", null};
        if (ua.contains("Linux") || ua.contains("X11")) return new String[] {"Linux", null};
        return new String[] {"Unknown", null};
    }

    private static String deviceType(String ua, String os) {
        if (BOT.matcher(ua).find()) return "bot";
        String lower = ua.toLowerCase(Locale.ROOT);
        if (lower.contains("ipad") || lower.contains("tablet")
                || ("Android".equals(os) && !lower.contains("mobile"))) return "tablet";
        if (lower.contains("mobi") || lower.contains("iphone") || lower.contains("ipod")
                || "Windows Phone".equals(os)) return "mobile";
        if ("Unknown".equals(os)) return "unknown";
        return "desktop";
    }

    private static String windowsVersion(String nt) {
        return switch (nt) {
            case "10.0" -> "10";
            case "6.3" -> "8.1";
            case "6.2" -> "8";
            case "6.1" -> "7";
            default -> nt;
        };
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static Matcher find(String regex, String ua) {
        Matcher m = Pattern.compile(regex).matcher(ua);
        return m.find() ? m : null;
    }
}
