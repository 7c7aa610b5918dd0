package dev.janua.server.scim.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.scim.domain.GroupResources;
import dev.janua.server.scim.domain.GroupResources.GroupInput;
import dev.janua.server.scim.domain.Patches;
import dev.janua.server.scim.domain.ScimCaller;
import dev.janua.server.scim.domain.ScimGroup;
import dev.janua.server.scim.domain.ScimProblem;
import dev.janua.server.scim.domain.Versions;
import dev.janua.server.scim.persistence.JdbcScimGroupRepository;
import dev.janua.server.scim.persistence.JdbcScimUserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM writes on Groups. Members must be users this organization's directory provisioned. When a
 * group is mapped to a role, every member who joins or leaves it has their role recomputed in the
 * same transaction ({@link RoleSync}).
 */
@Service
public class ScimGroupService {
    private final JdbcScimGroupRepository groups;
    private final JdbcScimUserRepository scimUsers;
    private final ScimGroupQueries queries;
    private final RoleSync roleSync;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;

    public ScimGroupService(JdbcScimGroupRepository groups, JdbcScimUserRepository scimUsers, ScimGroupQueries queries, RoleSync roleSync,
                            EventPublisher events, IdGenerator ids, Clock clock) {
        this.groups = groups;
        this.scimUsers = scimUsers;
        this.queries = queries;
        this.roleSync = roleSync;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public ObjectNode create(ScimCaller caller, JsonNode body, ClientInfo client) {
        GroupInput in = GroupResources.read(body);
        String org = caller.organizationId();
        if (groups.findByDisplayName(org, in.displayName()).isPresent()) throw ScimProblem.conflict("displayName is already taken");
        requireMembers(org, in.memberIds());
        Instant now = clock.instant();
        ScimGroup g = new ScimGroup(ids.next("grp"), org, in.displayName(), in.externalId(), null, now, now);
        try {
            groups.insert(g);
        } catch (DuplicateKeyException e) {
            throw ScimProblem.conflict("displayName is already taken");
        }
        groups.addMembers(org, g.id(), in.memberIds());
        events.publish(event("group.created", caller, g, List.copyOf(in.memberIds()), List.of()), client);
        return queries.render(g);
    }

    @Transactional
    public ObjectNode replace(ScimCaller caller, String groupId, JsonNode body, String ifMatch, ClientInfo client) {
        ScimGroup before = lock(caller, groupId, ifMatch);
        return apply(caller, before, GroupResources.read(body), client);
    }

    @Transactional
    public ObjectNode patch(ScimCaller caller, String groupId, JsonNode body, String ifMatch, ClientInfo client) {
        ScimGroup before = lock(caller, groupId, ifMatch);
        ObjectNode patched = Patches.apply(queries.render(before), body);
        return apply(caller, before, GroupResources.read(patched), client);
    }

    @Transactional
    public void delete(ScimCaller caller, String groupId, String ifMatch, ClientInfo client) {
        ScimGroup g = lock(caller, groupId, ifMatch);
        List<String> members = groups.memberIds(g.id());
        groups.delete(caller.organizationId(), g.id());
        if (g.roleId() != null) for (String u : members) roleSync.sync(caller, u, client);
        events.publish(event("group.deleted", caller, g, List.of(), members), client);
    }

    private ObjectNode apply(ScimCaller caller, ScimGroup before, GroupInput in, ClientInfo client) {
        String org = caller.organizationId();
        if (!in.displayName().equalsIgnoreCase(before.displayName())) {
            groups.findByDisplayName(org, in.displayName()).ifPresent(other -> {
                throw ScimProblem.conflict("displayName is already taken");
            });
        }
        requireMembers(org, in.memberIds());
        Set<String> current = new LinkedHashSet<>(groups.memberIds(before.id()));
        List<String> added = new ArrayList<>();
        for (String u : in.memberIds()) if (!current.contains(u)) added.add(u);
        List<String> removed = new ArrayList<>();
        for (String u : current) if (!in.memberIds().contains(u)) removed.add(u);
        Instant now = clock.instant();
        ScimGroup after = new ScimGroup(before.id(), org, in.displayName(), in.externalId(), before.roleId(), before.createdAt(), now);
        try {
            groups.update(after, now);
        } catch (DuplicateKeyException e) {
            throw ScimProblem.conflict("displayName is already taken");
        }
        groups.removeMembers(after.id(), removed);
        groups.addMembers(org, after.id(), added);
        if (after.roleId() != null) {
            for (String u : added) roleSync.sync(caller, u, client);
            for (String u : removed) roleSync.sync(caller, u, client);
        }
        events.publish(event("group.updated", caller, after, added, removed), client);
        return queries.render(after);
    }

    private void requireMembers(String org, Set<String> memberIds) {
        for (String id : memberIds) {
            if (scimUsers.find(org, id).isEmpty()) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "Member " + id + " is not a user of this organization");
            }
        }
    }

    private ScimGroup lock(ScimCaller caller, String groupId, String ifMatch) {
        ScimGroup g = groups.lock(caller.organizationId(), groupId).orElseThrow(() -> ScimProblem.notFound("Group " + groupId + " not found"));
        if (ifMatch != null && !Versions.matches(ifMatch, queries.render(g).path("meta").path("version").asText())) {
            throw ScimProblem.preconditionFailed();
        }
        return g;
    }

    static DomainEvent event(String type, ScimCaller caller, ScimGroup g, List<String> added, List<String> removed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", g.organizationId());
        data.put("groupId", g.id());
        data.put("displayName", g.displayName());
        data.put("externalId", g.externalId());
        data.put("roleId", g.roleId());
        data.put("membersAdded", added);
        data.put("membersRemoved", removed);
        data.put("scimTokenId", caller.tokenId());
        return new DomainEvent(type, g.id(), caller.tokenId(), g.organizationId(), data);
    }
}
