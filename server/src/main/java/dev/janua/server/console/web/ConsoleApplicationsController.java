package dev.janua.server.console.web;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.oidc.app.ApplicationService;
import dev.janua.server.oidc.app.ApplicationService.Fields;
import dev.janua.server.oidc.domain.Application;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.themes.app.ThemeService;
import dev.janua.server.themes.web.HostedTheme;
import dev.janua.server.users.PlatformAdmins;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Applications (OAuth clients of Janua's OpenID Provider; platform admins): register, edit the
 * redirect URIs, grants and scopes, rotate the client secret (shown once), delete. The rules are
 * the application service's ({@code ApplicationRules}): the console only turns form fields into lists.
 */
@Controller
@ConsolePages
@RequestMapping("/console/applications")
public class ConsoleApplicationsController {
    static final int PAGE_SIZE = 25;
    static final List<String> TYPES = List.of("confidential", "public", "machine");
    static final List<String> GRANTS = List.of("authorization_code", "refresh_token", "client_credentials");
    private final ApplicationService applications;
    private final PlatformAdmins admins;
    private final ThemeService themes;

    public ConsoleApplicationsController(ApplicationService applications, PlatformAdmins admins, ThemeService themes) {
        this.themes = themes;
        this.applications = applications;
        this.admins = admins;
    }

    @GetMapping
    ModelAndView list(ConsoleViewer viewer, @RequestParam(required = false) String cursor) {
        admins.require(viewer.caller());
        Page<Application> page = applications.list(null, PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null));
        ModelAndView mv = new ModelAndView("console/applications");
        mv.addObject("apps", page.data());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        mv.addObject("types", TYPES);
        return mv;
    }

    /** Answers with the application's page: a confidential client's secret is in this response only. */
    @PostMapping
    ModelAndView create(ConsoleViewer viewer, @RequestParam(required = false) String name, @RequestParam(required = false) String type,
                        @RequestParam(required = false) String redirectUris, @RequestParam(required = false) String scopes,
                        ClientInfo client) {
        admins.require(viewer.caller());
        ApplicationService.Registered r = applications.create(new Fields(name, type, lines(redirectUris), null, null, words(scopes), null,
                null, null, null), viewer.userId(), client);
        return page(viewer, r.application().id(), r.clientSecret(), "application_created");
    }

    @GetMapping("/{id}")
    ModelAndView application(ConsoleViewer viewer, @PathVariable String id) {
        return page(viewer, id, null, null);
    }

    @PostMapping("/{id}")
    ModelAndView update(ConsoleViewer viewer, @PathVariable String id, @RequestParam(required = false) String name,
                        @RequestParam(required = false) String redirectUris, @RequestParam(required = false) String postLogoutRedirectUris,
                        @RequestParam(required = false) List<String> grants, @RequestParam(required = false) String scopes,
                        ClientInfo client) {
        admins.require(viewer.caller());
        applications.update(id, new Fields(Console.blankToNull(name), null, lines(redirectUris), lines(postLogoutRedirectUris),
                grants == null ? List.of() : grants, words(scopes), null, null, null, null), viewer.userId(), client);
        return Console.done(path(id), "application_saved");
    }

    @PostMapping("/{id}/rotate-secret")
    ModelAndView rotate(ConsoleViewer viewer, @PathVariable String id, @RequestParam(required = false) String confirm, ClientInfo client) {
        admins.require(viewer.caller());
        Confirmations.require(confirm);
        return page(viewer, id, applications.rotateSecret(id, viewer.userId(), client).clientSecret(), null);
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(ConsoleViewer viewer, @PathVariable String id, @RequestParam(required = false) String confirmName, ClientInfo client) {
        admins.require(viewer.caller());
        Confirmations.requireTyped(applications.get(id).name(), confirmName);
        applications.delete(id, viewer.userId(), client);
        return Console.done("/console/applications", "application_deleted");
    }

    private ModelAndView page(ConsoleViewer viewer, String id, String secret, String done) {
        admins.require(viewer.caller());
        Application a = applications.get(id);
        ModelAndView mv = new ModelAndView("console/application");
        mv.addObject("app", a);
        mv.addObject("newSecret", secret);
        mv.addObject("grantChoices", GRANTS.stream().filter(g -> a.type().allowedGrants().contains(g)).toList());
        mv.addObject("redirectText", String.join("\n", a.redirectUris()));
        mv.addObject("postLogoutText", String.join("\n", a.postLogoutRedirectUris()));
        mv.addObject("scopesText", String.join(" ", a.scopes().stream().sorted().toList()));
        mv.addObject("branding", Branding.of(a));
        // the preview renders the hosted pages' brand fragment, which reads the same model entry as a real sign-in
        HostedTheme.of(themes, a.clientId()).ifPresent(t -> mv.addObject(HostedTheme.MODEL, t));
        if (done != null) mv.addObject("justCreated", true);
        return mv;
    }

    /**
     * What the hosted sign-in and consent pages show of an application besides its theme: the
     * application's name in the consent heading and its scopes. The logo, the name on the card and the
     * colours come from the application's theme (else its organization's, else the default), through
     * the hosted pages' own brand fragment and {@code /hosted/theme.css?scope=preview}.
     */
    public record Branding(String applicationName, List<String> scopes) {
        static Branding of(Application a) {
            return new Branding(a.name(), a.scopes().stream().sorted().toList());
        }
    }

    /** One URI per line (blank lines ignored); null when the field was not sent. */
    static List<String> lines(String text) {
        return text == null ? null : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> words(String text) {
        return text == null || text.isBlank() ? null : Arrays.stream(text.strip().split("[\\s,]+")).toList();
    }

    private static String path(String id) {
        return "/console/applications/" + id;
    }
}
