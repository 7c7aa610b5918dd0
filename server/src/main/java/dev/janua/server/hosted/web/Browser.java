package dev.janua.server.hosted.web;

import dev.janua.server.hosted.BrowserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Small helpers of the page controllers. */
final class Browser {
    private Browser() {}

    /** The signed-in person of this request (set by {@link BrowserSessionFilter}), or null. */
    static BrowserAuthentication current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a instanceof BrowserAuthentication b ? b : null;
    }

    /** 303 to a path on this server; the target is used as is (no URI-template expansion of an authorize query). */
    static ModelAndView redirect(String path) {
        RedirectView view = new RedirectView(path, true, false);
        view.setExpandUriTemplateVariables(false);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
