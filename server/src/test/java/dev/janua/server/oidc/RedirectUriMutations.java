package dev.janua.server.oidc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Near-misses of a registered redirect URI, the ways attackers try to get a code sent elsewhere
 * (RFC 9700 §4.1): case, trailing slash, dot segments, percent-encoding, userinfo, extra query,
 * fragment, scheme, port, subdomain and look-alike hosts, look-alike Unicode, open redirect through a
 * parameter, whitespace and control characters. None may ever be redirected to.
 */
final class RedirectUriMutations {
    private RedirectUriMutations() {}

    /** Mutations of {@code https://HOST/callback}; the registered URI itself is never in the list. */
    static List<String> of(String host) {
        String registered = "https://" + host + "/callback";
        Set<String> m = new LinkedHashSet<>();
        String[] evilHosts = {"evil.example", "attacker.test", "127.0.0.1", "localhost", "0x7f000001", "[::1]", "169.254.169.254"};
        String[] paths = {"/callback", "/Callback", "/CALLBACK", "/callback/", "/callback//", "//callback", "/callback/.", "/callback/..",
                "/./callback", "/x/../callback", "/callback/../callback", "/%63allback", "/callbac%6B", "/callback%2F", "/callback%2f",
                "/callback%00", "/callback%20", "/callback%09", "/callback%0d%0a", "/callback;", "/callback;x=1", "/callback.json",
                "/callback%2e", "/%2e/callback", "/%2e%2e/callback", "/callback%23", "/callback%3F", "/callbackx", "/callbac",
                "/call%62ack", "/%2Fcallback", "/callback\\", "/callback%5C", "/callback/%2e%2e", "/CallBack/"};
        for (String p : paths) {
            m.add("https://" + host + p);
            m.add("http://" + host + p); // each path near-miss once more over plain http
        }
        String[] suffixes = {"?", "?x=1", "?code=1", "?state=x", "?next=https://evil.example", "?redirect=//evil.example",
                "?url=https%3A%2F%2Fevil.example", "&x=1", "#", "#x", "#@evil.example", "?#", "?x=1#y", "%3Fx=1", "%23x",
                "/../../evil", "?callback=https://evil.example/callback", "?return_to=//evil.example"};
        for (String s : suffixes) m.add(registered + s);
        String[] schemes = {"http", "HTTPS", "Https", "ftp", "javascript", "data", "file", "ws", "wss", "app", "com.example.app"};
        for (String s : schemes) m.add(s + "://" + host + "/callback");
        m.add("javascript:alert(document.domain)//" + host + "/callback");
        m.add("data:text/html,<script>location='https://evil.example'</script>");
        m.add("//" + host + "/callback");
        m.add("/" + "/" + host + "/callback");
        m.add(host + "/callback");
        m.add("/callback");
        m.add("https:/" + host + "/callback");
        m.add("https:" + host + "/callback");
        m.add("https:///" + host + "/callback");
        m.add("https:\\\\" + host + "\\callback");
        m.add(" " + registered);
        m.add(registered + " ");
        m.add(registered + "\t");
        m.add("\t" + registered);
        String[] ports = {":443", ":80", ":8443", ":0", ":1", ":65535", ":443/", ":0443", ":", ":-1", ":99999"};
        for (String p : ports) m.add("https://" + host + p + "/callback");
        for (String e : evilHosts) {
            m.add("https://" + e + "/callback");
            m.add("https://" + host + "@" + e + "/callback");
            m.add("https://" + e + "@" + host + "/callback");
            m.add("https://user:pass@" + host + "/callback");
            m.add("https://" + host + "." + e + "/callback");
            m.add("https://" + e + "/" + host + "/callback");
            m.add("https://" + e + "?" + host + "/callback");
            m.add("https://" + e + "#" + host + "/callback");
            m.add("https://" + e + "\\@" + host + "/callback");
            m.add("https://" + host + "%40" + e + "/callback");
            m.add("https://" + host + "%2F" + e + "/callback");
            m.add("https://" + host + "\\" + e + "/callback");
            m.add(registered + "?next=https://" + e);
            m.add(registered + "/https://" + e);
            m.add("https://" + host + ":443@" + e + "/callback");
            m.add("https://" + host + "&@" + e + "/callback");
            m.add("https://" + host + "%00." + e + "/callback");
            m.add("https://" + host + "%2e" + e + "/callback");
        }
        String[] hostVariants = {host.toUpperCase(), capitalize(host), host + ".", "." + host, "www." + host, "evil." + host,
                "a." + host, "xapp.example.com", host.replace("app", "app-evil"), host.replace("example", "examp1e"),
                host.replace("example", "exarnple"), host.replace(".com", ".co"), host.replace(".com", ".com.evil.example"),
                host.replace("a", "\u0430"), host.replace("e", "\u0435"), host.replace("o", "\u043e"), host.replace("p", "\u0440"),
                host.replace("c", "\u0441"), "xn--pp-8kc.example.com", host.replace(".", "%2e"), host.replace(".", "\u3002"),
                host.replace(".", "\uff0e"), host + "%00", host + "%2f", host.replace("app", "ap"), host.replace("app", "appp"),
                host.replace(".example", "example"), host + ".evil.example", host.replace("app.", "app-"),
                "app.example.org", "app.example.net", "app.examples.com", "app2.example.com", "api.example.com",
                "example.com", "app.example.com.", "APP.example.com", "app.EXAMPLE.com", "app.example.COM"};
        for (String h : hostVariants) {
            m.add("https://" + h + "/callback");
            m.add("http://" + h + "/callback");
        }
        m.add("https://" + host + "/callback?" + registered);
        m.add(registered + "?" + registered);
        m.add(registered + "," + "https://evil.example/callback");
        m.add(registered + " https://evil.example/callback");
        m.add(registered + "%20https://evil.example/callback");
        m.add(registered + "\nhttps://evil.example/callback");
        m.add(registered.replace("https://", "https%3A%2F%2F"));
        m.add(registered.replace("/callback", "%2Fcallback"));
        m.remove(registered);
        return List.copyOf(m);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
