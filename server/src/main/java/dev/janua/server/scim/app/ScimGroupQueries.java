package dev.janua.server.scim.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.janua.server.scim.domain.GroupResources;
import dev.janua.server.scim.domain.GroupResources.MemberRef;
import dev.janua.server.scim.domain.ScimCaller;
import dev.janua.server.scim.domain.ScimGroup;
import dev.janua.server.scim.domain.ScimProblem;
import dev.janua.server.scim.domain.ScimUser;
import dev.janua.server.scim.domain.SearchRequest;
import dev.janua.server.scim.persistence.JdbcScimGroupRepository;
import dev.janua.server.scim.persistence.JdbcScimUserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** SCIM reads on Groups; {@code displayName eq} and {@code id eq} use an index, other filters run in memory. */
@Service
public class ScimGroupQueries {
    static final int MAX_SCAN = 5_000;
    private final JdbcScimGroupRepository groups;
    private final JdbcScimUserRepository scimUsers;
    private final Locations locations;

    public ScimGroupQueries(JdbcScimGroupRepository groups, JdbcScimUserRepository scimUsers, Locations locations) {
        this.groups = groups;
        this.scimUsers = scimUsers;
        this.locations = locations;
    }

    public ObjectNode get(ScimCaller caller, String groupId) {
        return groups.find(caller.organizationId(), groupId).map(this::render)
                .orElseThrow(() -> ScimProblem.notFound("Group " + groupId + " not found"));
    }

    public SearchRequest.Page list(ScimCaller caller, SearchRequest search, boolean withMembers) {
        String org = caller.organizationId();
        if (search.plain()) {
            long total = groups.count(org);
            List<ObjectNode> page = search.count() == 0 ? List.of()
                    : groups.page(org, search.startIndex() - 1, search.count()).stream().map(g -> render(g, withMembers)).toList();
            return new SearchRequest.Page(total, page);
        }
        List<ScimGroup> candidates = indexed(org, search.filter()).orElseGet(() -> {
            if (groups.count(org) > MAX_SCAN) throw ScimProblem.badRequest(ScimProblem.TOO_MANY, "Too many groups to evaluate this filter");
            return groups.list(org);
        });
        List<ObjectNode> rendered = new ArrayList<>();
        for (ScimGroup g : candidates) rendered.add(render(g, true));
        SearchRequest.Page page = search.page(rendered);
        if (withMembers) return page;
        return new SearchRequest.Page(page.totalResults(), page.resources().stream().map(r -> {
            ObjectNode copy = r.deepCopy();
            copy.remove("members");
            return copy;
        }).toList());
    }

    private Optional<List<ScimGroup>> indexed(String org, Filter f) {
        if (f == null) return Optional.empty();
        if (f.getFilterType() == FilterType.AND) {
            for (Filter child : f.getCombinedFilters()) {
                Optional<List<ScimGroup>> hit = indexed(org, child);
                if (hit.isPresent()) return hit;
            }
            return Optional.empty();
        }
        if (f.getFilterType() != FilterType.EQUAL || !f.getComparisonValue().isTextual()) return Optional.empty();
        String value = f.getComparisonValue().textValue();
        String attr = f.getAttributePath().toString().toLowerCase(Locale.ROOT);
        if (attr.endsWith("displayname")) return Optional.of(groups.findByDisplayName(org, value).map(List::of).orElse(List.of()));
        if (attr.equals("id")) return Optional.of(groups.find(org, value).map(List::of).orElse(List.of()));
        return Optional.empty();
    }

    public ObjectNode render(ScimGroup g) {
        return render(g, true);
    }

    ObjectNode render(ScimGroup g, boolean withMembers) {
        List<MemberRef> members = new ArrayList<>();
        if (withMembers) {
            for (String userId : groups.memberIds(g.id())) {
                String display = scimUsers.find(g.organizationId(), userId).map(ScimUser::userName).orElse(null);
                members.add(new MemberRef(userId, display));
            }
        }
        ObjectNode node = GroupResources.render(g, members, locations.groups() + "/" + g.id(), locations.users());
        if (!withMembers) node.remove("members");
        return node;
    }
}
