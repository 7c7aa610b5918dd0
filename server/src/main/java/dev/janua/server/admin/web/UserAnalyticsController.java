package dev.janua.server.admin.web;

import dev.janua.server.admin.app.Analytics;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Seed 000's per-user analytics: a user may read their own, a platform admin anyone's. */
@JanuaApi
@Tag(name = "Analytics")
public class UserAnalyticsController {
    private final Analytics analytics;
    private final UserDirectory users;
    private final PlatformAdmins admins;
    private final Clock clock;

    public UserAnalyticsController(Analytics analytics, UserDirectory users, PlatformAdmins admins, Clock clock) {
        this.analytics = analytics;
        this.users = users;
        this.admins = admins;
        this.clock = clock;
    }

    @GetMapping("/analytics/users/{userId}")
    @Operation(summary = "Sessions, sign-ins, devices, IPs and a timeline for one user (self or admin)")
    public Map<String, Object> user(@PathVariable String userId, @RequestParam(required = false) String startDate,
                                    @RequestParam(required = false) String endDate, @RequestParam(defaultValue = "day") String granularity,
                                    Caller caller) {
        String id = "me".equals(userId) ? caller.userId() : userId;
        if (!id.equals(caller.userId())) admins.require(caller);
        User user = users.findById(id).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        Instant[] range = AdminController.range(startDate, endDate, clock);
        return analytics.user(user.id(), user.email(), range[0], range[1], AdminController.buckets(granularity));
    }
}
