package dev.janua.server.scim.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.janua.server.scim.domain.ScimCaller;
import dev.janua.server.scim.domain.ScimProblem;
import dev.janua.server.scim.domain.ScimSchemas;
import dev.janua.server.scim.domain.ScimUser;
import dev.janua.server.scim.domain.SearchRequest;
import dev.janua.server.scim.domain.UserResources;
import dev.janua.server.scim.persistence.JdbcScimGroupRepository;
import dev.janua.server.scim.persistence.JdbcScimUserRepository;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * SCIM reads on Users. An equality on an indexed attribute ({@code userName}, {@code externalId},
 * {@code id}, {@code emails.value} — what Okta and Entra ID look up before a create) is answered by
 * an index; any other filter is evaluated in memory over the organization's users, up to
 * {@link #MAX_SCAN} of them (beyond that: 400 {@code tooMany}, and the client should filter by one of those).
 */
@Service
public class ScimUserQueries {
    static final int MAX_SCAN = 20_000;
    private final JdbcScimUserRepository scimUsers;
    private final UserDirectory users;
    private final Locations locations;
    private final JdbcScimGroupRepository scimGroups;

    public ScimUserQueries(JdbcScimUserRepository scimUsers, JdbcScimGroupRepository scimGroups, UserDirectory users, Locations locations) {
        this.scimUsers = scimUsers;
        this.scimGroups = scimGroups;
        this.users = users;
        this.locations = locations;
    }

    public ObjectNode get(ScimCaller caller, String userId) {
        return scimUsers.find(caller.organizationId(), userId).map(this::render)
                .orElseThrow(() -> ScimProblem.notFound("User " + userId + " not found"));
    }

    public SearchRequest.Page list(ScimCaller caller, SearchRequest search) {
        String org = caller.organizationId();
        if (search.plain()) {
            long total = scimUsers.count(org);
            List<ObjectNode> page = search.count() == 0 ? List.of()
                    : renderAll(org, scimUsers.page(org, search.startIndex() - 1, search.count()));
            return new SearchRequest.Page(total, page);
        }
        List<ScimUser> candidates = indexed(org, search.filter()).orElseGet(() -> {
            if (scimUsers.count(org) > MAX_SCAN) {
                throw ScimProblem.badRequest(ScimProblem.TOO_MANY,
                        "Too many users to evaluate this filter; filter by userName, externalId, id or emails.value with eq");
            }
            return scimUsers.page(org, 0, MAX_SCAN);
        });
        return search.page(renderAll(org, candidates));
    }

    /** Candidates for an equality on an indexed attribute, alone or inside an {@code and}; empty when none is. */
    private Optional<List<ScimUser>> indexed(String org, Filter f) {
        if (f == null) return Optional.empty();
        if (f.getFilterType() == FilterType.AND) {
            for (Filter child : f.getCombinedFilters()) {
                Optional<List<ScimUser>> hit = indexed(org, child);
                if (hit.isPresent()) return hit;
            }
            return Optional.empty();
        }
        if (f.getFilterType() != FilterType.EQUAL || !f.getComparisonValue().isTextual()) return Optional.empty();
        String value = f.getComparisonValue().textValue();
        String attr = attribute(f);
        return switch (attr) {
            case "username" -> Optional.of(scimUsers.findByUserName(org, value).map(List::of).orElse(List.of()));
            case "externalid" -> Optional.of(scimUsers.findByExternalId(org, value));
            case "id" -> Optional.of(scimUsers.find(org, value).map(List::of).orElse(List.of()));
            case "emails.value", "emails" -> Optional.of(users.findByEmail(value)
                    .flatMap(u -> scimUsers.find(org, u.id())).map(List::of).orElse(List.of()));
            default -> Optional.empty();
        };
    }

    private static String attribute(Filter f) {
        String path = f.getAttributePath().toString();
        String lower = path.toLowerCase(Locale.ROOT);
        String urn = ScimSchemas.USER.toLowerCase(Locale.ROOT) + ":";
        return lower.startsWith(urn) ? lower.substring(urn.length()) : lower;
    }

    public ObjectNode render(ScimUser u) {
        User account = users.findById(u.userId()).orElseThrow(() -> ScimProblem.notFound("User " + u.userId() + " not found"));
        List<UserResources.GroupRef> groups = scimGroups.groupRefsOf(u.organizationId(), List.of(u.userId())).getOrDefault(u.userId(), List.of());
        return UserResources.render(u, new UserResources.Account(account.email(), account.firstName(), account.lastName()), groups,
                locations.users() + "/" + u.userId(), locations.groups());
    }

    /**
     * Renders a list with two queries per 500 users (accounts, groups) rather than two per user: a filter
     * evaluated in memory renders up to {@link #MAX_SCAN} users. A user whose account vanished meanwhile
     * (deleted concurrently) is left out rather than failing the whole list.
     */
    List<ObjectNode> renderAll(String org, List<ScimUser> list) {
        List<String> ids = list.stream().map(ScimUser::userId).toList();
        Map<String, UserResources.Account> accounts = scimUsers.accounts(ids);
        Map<String, List<UserResources.GroupRef>> groups = scimGroups.groupRefsOf(org, ids);
        List<ObjectNode> out = new ArrayList<>(list.size());
        for (ScimUser u : list) {
            UserResources.Account account = accounts.get(u.userId());
            if (account == null) continue;
            out.add(UserResources.render(u, account, groups.getOrDefault(u.userId(), List.of()), locations.users() + "/" + u.userId(),
                    locations.groups()));
        }
        return out;
    }
}
