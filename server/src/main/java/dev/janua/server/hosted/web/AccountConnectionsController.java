package dev.janua.server.hosted.web;

import dev.janua.server.hosted.GrantedApplications;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.social.LinkedIdentities;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The account page's connections: withdrawing consent from an application (its tokens for this
 * person stop working at once) and unlinking a provider account (refused, with the page's error,
 * when it is the last way to sign in). Only the signed-in person's own: an id of someone else's
 * consent or identity changes nothing.
 */
@Controller
@HostedPages
@RequestMapping("/hosted/account")
public class AccountConnectionsController {
    private final GrantedApplications consents;
    private final LinkedIdentities identities;
    private final AccountPageController page;
    private final BrowserSignIn signIn;

    public AccountConnectionsController(GrantedApplications consents, LinkedIdentities identities, AccountPageController page,
                                        BrowserSignIn signIn) {
        this.consents = consents;
        this.identities = identities;
        this.page = page;
        this.signIn = signIn;
    }

    @PostMapping("/consents/{applicationId}/revoke")
    ModelAndView revokeConsent(@PathVariable String applicationId, HttpServletRequest request, ClientInfo client) {
        var me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        boolean revoked = consents.revoke(me.userId(), applicationId, client);
        return Browser.redirect(AccountPageController.PATH + (revoked ? "?done=consent_revoked" : ""));
    }

    @PostMapping("/identities/{id}/unlink")
    ModelAndView unlink(@PathVariable String id, HttpServletRequest request, ClientInfo client, Locale locale) {
        var me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        try {
            identities.unlink(me.userId(), id, client);
        } catch (dev.janua.server.platform.errors.JanuaException e) {
            return page.render(me, signIn.message(e.code(), locale), e.code().status());
        }
        return Browser.redirect(AccountPageController.PATH + "?done=identity_unlinked");
    }
}
