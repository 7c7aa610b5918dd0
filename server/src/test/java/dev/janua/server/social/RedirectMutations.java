package dev.janua.server.social;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Near misses of a registered redirect URI: none may be accepted as a return target. */
final class RedirectMutations {
    private RedirectMutations() {}

    static List<String> of(String registered) {
        // registered looks like https://app.example.test/cb-x
        String host = "app.example.test";
        String path = registered.substring(registered.indexOf(host) + host.length());
        List<String> m = new ArrayList<>();
        m.add(registered + "/");
        m.add(registered + "/..");
        m.add(registered + "/../evil");
        m.add(registered + "?x=1");
        m.add(registered + "#frag");
        m.add(registered + "%2F");
        m.add(registered + "%00");
        m.add(registered + " ");
        m.add(registered.toUpperCase());
        m.add(registered.replace("https://", "http://"));
        m.add(registered.replace("https://", "HTTPS://"));
        m.add(registered.replace("https://", "https:///"));
        m.add(registered.replace("https://", "//"));
        m.add(registered.replace(host, host + ":443"));
        m.add(registered.replace(host, host + ":8443"));
        m.add(registered.replace(host, "evil.example"));
        m.add(registered.replace(host, host + ".evil.example"));
        m.add(registered.replace(host, "sub." + host));
        m.add(registered.replace(host, "evil.example@" + host));
        m.add(registered.replace(host, host + "@evil.example"));
        m.add(registered.replace(host, "app.examp1e.test"));
        m.add(registered.replace(host, "аpp.example.test")); // Cyrillic a
        m.add(registered.replace(host, "APP.EXAMPLE.TEST"));
        m.add(registered.replace(host, host + "."));
        m.add(registered.replace(path, path.toUpperCase()));
        m.add(registered.replace(path, "/." + path));
        m.add(registered.replace(path, "/x/.." + path));
        m.add(registered.replace(path, "//" + path.substring(1)));
        m.add(registered.replace(path, path + ";jsessionid=1"));
        m.add(registered.replace(path, path.replace("c", "%63")));
        m.add(registered.replace(path, path + "\\"));
        m.add(registered.replace(path, "\\" + path));
        m.add(registered.substring(0, registered.length() - 1));
        m.add(registered + "x");
        m.add("https://evil.example/?next=" + registered);
        m.add("https://evil.example" + path);
        m.add("javascript:alert(1)//" + registered);
        m.add("data:text/html," + registered);
        m.add(registered.replace("https:", "ftp:"));
        m.add(" " + registered);
        m.add(registered + "\t");
        m.add(registered + "\n");
        m.add(registered.replace(".test", ".test%2e"));
        m.add(registered.replace("https://", "https://user:pass@"));
        m.add(registered + "?redirect=https://evil.example");
        m.add(registered + "&x=1");
        m.add("/" + path);
        m.add(path);
        return List.copyOf(new LinkedHashSet<>(m));
    }
}
