package dev.janua.server.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One real SMTP server (GreenMail) for the whole test JVM; Janua sends to it over SMTP. */
public final class TestMail {
    private static GreenMail server;
    private static boolean down;
    private static int downPort;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** An SMTP outage: the server stops listening (its port is kept for {@link #up()}). */
    public static synchronized void down() {
        server();
        if (down) return;
        downPort = server.getSmtp().getPort();
        server.stop();
        down = true;
    }

    /** The end of the outage: a fresh server on the same port (messages received before the outage are gone). */
    public static synchronized void up() {
        if (!down) return;
        server = startOn(downPort);
        down = false;
    }

    /** A GreenMail on a given port, retried briefly while the port is still being released. */
    public static GreenMail startOn(int port) {
        RuntimeException last = null;
        for (int i = 0; i < 50; i++) {
            GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            try {
                g.start();
                return g;
            } catch (RuntimeException e) {
                last = e;
                g.stop();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("cannot start GreenMail on port " + port, last);
    }

    public static synchronized int port() {
        return down ? downPort : server().getSmtp().getPort();
    }

    /** Waits for a message to {@code to} whose body matches {@code pattern}; returns group 1. */
    public static String awaitToken(String to, String subjectContains, Pattern pattern) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = Arrays.stream(server().getReceivedMessages())
                    .filter(m -> matches(m, to, subjectContains))
                    .reduce((a, b) -> b)
                    .map(GreenMailUtil::getBody)
                    .map(body -> body.replace("=\r\n", "").replace("=3D", "="))
                    .map(pattern::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1));
            if (found.isPresent()) return found.get();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no email to " + to + " with subject containing '" + subjectContains + "'");
    }

    private static boolean matches(MimeMessage m, String to, String subjectContains) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to))
                    && m.getSubject().contains(subjectContains);
        } catch (Exception e) {
            return false;
        }
    }
}
