package dev.janua.server.sso.app;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * TXT lookups with the JDK's DNS client (module jdk.naming.dns). {@code janua.sso.dns-server}
 * ({@code host:port}) points it at a chosen resolver — the tests run a local one; empty uses the
 * system's. 3 s timeout, one retry.
 */
@Component
public class JndiDnsTxtResolver implements DnsTxtResolver {
    private final String server;

    public JndiDnsTxtResolver(@Value("${janua.sso.dns-server:}") String server) {
        this.server = server == null ? "" : server.trim();
    }

    @Override
    public List<String> txt(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", server.isEmpty() ? "dns:" : "dns://" + server);
        env.put("com.sun.jndi.dns.timeout.initial", "3000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        List<String> out = new ArrayList<>();
        try {
            InitialDirContext ctx = new InitialDirContext(env);
            try {
                Attributes attrs = ctx.getAttributes(name, new String[] {"TXT"});
                Attribute txt = attrs.get("TXT");
                if (txt == null) return out;
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) out.add(unquote(String.valueOf(values.next())));
            } finally {
                ctx.close();
            }
        } catch (NamingException e) {
            return out; // NXDOMAIN, no records, timeout: no proof
        }
        return out;
    }

    /** JNDI renders a TXT record as its character-strings, quoted when they contain spaces; joined as RFC 7208 §3.3 does. */
    private static String unquote(String s) {
        String t = s.trim();
        if (!t.contains("\"")) return t;
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (char ch : t.toCharArray()) {
            if (ch == '"') in = !in;
            else if (in) b.append(ch);
        }
        return b.toString();
    }
}
