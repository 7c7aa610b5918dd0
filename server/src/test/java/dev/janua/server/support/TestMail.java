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

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
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
