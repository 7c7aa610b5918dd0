package dev.janua.server.hosted.web;

import dev.janua.server.auth.app.InvitationSignUp;
import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.organizations.Invitations;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.UserDirectory;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The link in an invitation email. Signed in: a "join" button ({@link InvitationSignUp#acceptAs},
 * which checks the invited email). Not signed in, with an account: sign in first, then back here.
 * No account yet: a password (and name) creates it and joins in one transaction
 * ({@link InvitationSignUp#signUp}, as {@code POST /invitations/accept} with a password does).
 */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class HostedInvitationController {
    private final Invitations invitations;
    private final InvitationSignUp accept;
    private final UserDirectory users;
    private final BrowserSignIn signIn;

    public HostedInvitationController(Invitations invitations, InvitationSignUp accept, UserDirectory users, BrowserSignIn signIn) {
        this.invitations = invitations;
        this.accept = accept;
        this.users = users;
        this.signIn = signIn;
    }

    @GetMapping("/invitation")
    ModelAndView page(@RequestParam(defaultValue = "") String token, Locale locale) {
        return invitationPage(token, invitations.pending(token), null, HttpStatus.OK);
    }

    @PostMapping("/invitation/accept")
    ModelAndView acceptAsSignedIn(@RequestParam(defaultValue = "") String token, ClientInfo client, Locale locale) {
        BrowserAuthentication me = Browser.current();
        Invitations.Pending pending = invitations.pending(token);
        if (me == null) return invitationPage(token, pending, null, HttpStatus.OK);
        Invitations.Accepted accepted;
        try {
            accepted = accept.acceptAs(me.userId(), token, client);
        } catch (JanuaException e) {
            return invitationPage(token, pending, signIn.message(e.code(), locale), e.code().status());
        }
        return joined(accepted, locale);
    }

    @PostMapping("/invitation/sign-up")
    ModelAndView signUp(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                        @RequestParam(name = "first_name", defaultValue = "") String firstName,
                        @RequestParam(name = "last_name", defaultValue = "") String lastName,
                        ClientInfo client, HttpServletResponse response, Locale locale) {
        Invitations.Pending pending = invitations.pending(token);
        InvitationSignUp.SignedUp done;
        try {
            if (password.isEmpty()) throw new JanuaException(dev.janua.server.platform.errors.ErrorCode.VALIDATION_ERROR,
                    java.util.Map.of("field", "password", "reason", "required"));
            done = accept.signUp(token, new InvitationSignUp.NewAccount(password, HostedSelfServiceController.blankToNull(firstName),
                    HostedSelfServiceController.blankToNull(lastName), null), client);
        } catch (JanuaException e) {
            return invitationPage(token, pending, signIn.message(e.code(), locale), e.code().status());
        }
        return signIn.finish(done.signIn(), null, response, locale);
    }

    private ModelAndView joined(Invitations.Accepted accepted, Locale locale) {
        ModelAndView mv = HostedSelfServiceController.notice(signIn, locale, "hosted.invitation.joined.title",
                "hosted.invitation.joined.lead", accepted.organization().name(), accepted.role());
        mv.addObject("continueTo", AccountPageController.PATH);
        return mv;
    }

    private ModelAndView invitationPage(String token, Invitations.Pending pending, String error, HttpStatus status) {
        BrowserAuthentication me = Browser.current();
        ModelAndView mv = new ModelAndView("hosted/invitation", status);
        mv.addObject("token", token);
        mv.addObject("invitation", pending);
        mv.addObject("signedIn", me != null);
        mv.addObject("signedInAs", me == null ? null : users.findById(me.userId()).map(u -> u.email()).orElse(null));
        mv.addObject("hasAccount", me == null && users.findByEmail(pending.email()).isPresent());
        // back here after signing in; the token already came in this page's own link, and no page sends a Referer
        mv.addObject("signInUrl", HostedSecurity.SIGN_IN_PATH + "?return_to="
                + URLEncoder.encode("/hosted/invitation?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        mv.addObject("errorMessage", error);
        return mv;
    }
}
