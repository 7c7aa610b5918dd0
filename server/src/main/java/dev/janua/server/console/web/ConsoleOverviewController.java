package dev.janua.server.console.web;

import dev.janua.server.admin.app.ActivityQueries;
import dev.janua.server.admin.app.Analytics;
import dev.janua.server.admin.domain.TimeBuckets;
import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.webhooks.WebhookStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's home. Platform admins see the overview: the admin analytics ({@link Analytics},
 * the same numbers as {@code GET /admin/analytics} and {@code /admin/metrics}) as charts over the
 * chosen period, and the webhook queue's health. Organization admins go to their organization.
 */
@Controller
@ConsolePages
public class ConsoleOverviewController {
    static final Map<String, Duration> PERIODS = Map.of("7d", Duration.ofDays(7), "30d", Duration.ofDays(30), "90d", Duration.ofDays(90));
    private final Analytics analytics;
    private final ActivityQueries activity;
    private final WebhookStatus webhooks;
    private final PlatformAdmins admins;
    private final JsonMapper json;
    private final Clock clock;

    public ConsoleOverviewController(Analytics analytics, ActivityQueries activity, WebhookStatus webhooks, PlatformAdmins admins,
                                     JsonMapper json, Clock clock) {
        this.analytics = analytics;
        this.activity = activity;
        this.webhooks = webhooks;
        this.admins = admins;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping({"/console", "/console/"})
    ModelAndView overview(ConsoleViewer viewer, @RequestParam(defaultValue = "30d") String period) {
        if (!viewer.platformAdmin()) {
            return Console.redirect(viewer.organizations().size() == 1
                    ? "/console/organizations/" + viewer.organizations().getFirst().id() : "/console/organizations");
        }
        admins.require(viewer.caller());
        Duration span = PERIODS.getOrDefault(period, PERIODS.get("30d"));
        Instant now = clock.instant();
        Instant from = TimeBuckets.DAY.start(now.minus(span));
        Map<String, Object> system = analytics.system(from, now, TimeBuckets.DAY);
        List<Map<String, Object>> failures = analytics.series("signin_failures", from, now, TimeBuckets.DAY);
        long users = activity.totalUsers();
        long mfaUsers = activity.mfaUsers();
        Map<String, Long> deliveries = webhooks.deliveriesByStatus();

        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("timeline", system.get("timeline"));
        charts.put("failures", failures.stream().map(p -> p.get("value")).toList());
        ModelAndView mv = new ModelAndView("console/overview");
        mv.addObject("period", PERIODS.containsKey(period) ? period : "30d");
        mv.addObject("periods", List.of("7d", "30d", "90d"));
        mv.addObject("totals", system.get("totals"));
        mv.addObject("users", users);
        mv.addObject("dau", activity.activeUsers(now.minus(Duration.ofDays(1))));
        mv.addObject("wau", activity.activeUsers(now.minus(Duration.ofDays(7))));
        mv.addObject("mau", activity.activeUsers(now.minus(Duration.ofDays(30))));
        mv.addObject("activeSessions", activity.activeSessions(now));
        mv.addObject("mfaPercent", users == 0 ? 0 : Math.round(mfaUsers * 1000.0 / users) / 10.0);
        mv.addObject("failedSignIns", failures.stream().mapToLong(p -> ((Number) p.get("value")).longValue()).sum());
        mv.addObject("deliveries", deliveries);
        mv.addObject("fanoutBacklog", webhooks.fanoutBacklog());
        // read by console.js from a data block (no inline script: the page's CSP forbids it)
        mv.addObject("chartData", json.writeValueAsString(charts).replace("</", "<\\/"));
        return mv;
    }
}
