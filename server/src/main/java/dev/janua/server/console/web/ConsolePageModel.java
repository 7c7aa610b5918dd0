package dev.janua.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page gets: the viewer (for the navigation and the organization switcher) and the
 * outcome of the form just posted ({@code ?done=…} or {@code ?error=…}).
 *
 * <p>Selected by package, not by {@code annotations = ConsolePages.class}: Spring tests an advice with model
 * attributes against the controller of every request, API routes included, and an annotation selector searches
 * the class hierarchy each time (issue 16's profile). The package also holds the MFA detour, which is not a
 * console page: it has no viewer (the console's interceptor resolves one for every {@code @ConsolePages}
 * request, or refuses it), so it gets nothing, as before.
 */
@ControllerAdvice(basePackageClasses = ConsolePageModel.class)
class ConsolePageModel {
    private final MessageSource messages;

    ConsolePageModel(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request, Locale locale) {
        Object viewer = request.getAttribute(ConsoleInterceptor.VIEWER);
        if (viewer == null) return;
        model.addAttribute("viewer", viewer);
        model.addAttribute("noticeMessage", Console.doneMessage(messages, request.getParameter("done"), locale));
        model.addAttribute("errorMessage", Console.errorMessage(messages, request.getParameter("error"), request.getParameter("detail"), locale));
        model.addAttribute("here", request.getRequestURI());
    }
}
