package dev.janua.server.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Small helpers of the console's page controllers. */
final class Console {
    /** A path inside the console, with an optional query of plain characters: nothing else is ever redirected to. */
    private static final Pattern CONSOLE_PATH = Pattern.compile("/console(/[A-Za-z0-9_\\-/.]*)?(\\?[A-Za-z0-9_\\-=&.%+:]*)?");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Console() {}

    static boolean isConsolePath(String path) {
        return path != null && path.length() <= 500 && !path.contains("//") && !path.contains("..") && CONSOLE_PATH.matcher(path).matches();
    }

    /** 303 to a console path, with query parameters added (empty values left out). */
    static ModelAndView redirect(String path, Map<String, String> query) {
        StringBuilder target = new StringBuilder(path);
        query.forEach((k, v) -> {
            if (v == null || v.isEmpty()) return;
            target.append(target.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        RedirectView view = new RedirectView(target.toString(), true, false);
        view.setExpandUriTemplateVariables(false);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    static ModelAndView redirect(String path) {
        return redirect(path, Map.of());
    }

    /** After a successful action: back to the page, which shows the localised confirmation {@code console.done.<done>}. */
    static ModelAndView done(String path, String done) {
        return redirect(path, Map.of("done", done));
    }

    static String when(Instant t) {
        return t == null ? "" : WHEN.format(t);
    }

    /** The localised text of an error code (the console's own, else the API's), with the details appended. */
    static String errorMessage(MessageSource messages, String code, String detail, Locale locale) {
        if (code == null || !code.matches("[A-Z_]{1,64}")) return null;
        String text = messages.getMessage("console.error." + code, null,
                messages.getMessage("error." + code, null, messages.getMessage("hosted.error.generic", null, locale), locale), locale);
        return detail == null || detail.isBlank() ? text : text + " (" + detail + ")";
    }

    /** The localised confirmation for a known {@code done} key, else null (an unknown key shows nothing). */
    static String doneMessage(MessageSource messages, String done, Locale locale) {
        if (done == null || !done.matches("[a-z_]{1,40}")) return null;
        return messages.getMessage("console.done." + done, null, null, locale);
    }

    /** Query parameters trimmed to null. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
