package dev.janua.server.hosted.web;

import dev.janua.server.social.SocialLogins;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the enabled social-login providers into the hosted sign-in page's model
 * ({@code socialProviders}), for the buttons of {@code hosted/social.html}. Kept apart from the
 * page controllers so adding or removing providers never touches their code.
 */
@ControllerAdvice(assignableTypes = HostedSignInController.class)
class HostedSocialButtons {
    private final SocialLogins social;

    HostedSocialButtons(SocialLogins social) {
        this.social = social;
    }

    @ModelAttribute("socialProviders")
    List<SocialLogins.ProviderSummary> socialProviders() {
        try {
            return social.enabledProviders(null);
        } catch (RuntimeException e) {
            return List.of(); // a page must render even when a stored configuration cannot be read
        }
    }
}
