package dev.janua.server.hosted.web;

import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Sign-out asks first (a GET never signs anyone out, so a link or image cannot), then ends the Janua session. */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class HostedSignOutController {
    private final HostedSecurity hosted;

    public HostedSignOutController(HostedSecurity hosted) {
        this.hosted = hosted;
    }

    @GetMapping("/sign-out")
    ModelAndView confirm() {
        if (Browser.current() == null) return new ModelAndView("hosted/signed-out");
        return new ModelAndView("hosted/sign-out");
    }

    @PostMapping("/sign-out")
    ModelAndView signOut(HttpServletRequest request, HttpServletResponse response, ClientInfo client) {
        hosted.signOut(request, response, client);
        return new ModelAndView("hosted/signed-out");
    }
}
