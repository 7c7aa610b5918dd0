package dev.janua.server.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.List;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server driven by a real SCIM client: UnboundID's {@code ScimService} (scim2-sdk-client, the SDK's
 * own request builders, JSON mapping and error decoding) over Jersey's JAX-RS client (on the JDK's HTTP
 * client, see {@link JdkHttpConnector}). Everything the SDK
 * does — {@code meta.location} for replace/modify/delete, {@code If-Match} from {@code meta.version},
 * {@code application/scim+json} both ways, the error schema turned into typed exceptions — has to match.
 */
class ScimSdkClientIntegrationTest extends ScimTestSupport {
    private Client client;

    private ScimService scim(Tenant t) {
        client = ClientBuilder.newClient(new ClientConfig().connectorProvider((c, config) -> new JdkHttpConnector()));
        client.register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", "Bearer " + t.token()));
        // the server's public base URL (meta.location is built on it): the SDK refuses locations outside its base
        return new ScimService(client.target("http://localhost:" + port + SCIM));
    }

    @AfterEach
    void closeClient() {
        if (client != null) client.close();
    }

    private static UserResource user(String userName, String given) {
        UserResource u = new UserResource().setUserName(userName)
                .setName(new Name().setGivenName(given).setFamilyName("Hopper"))
                .setEmails(List.of(new Email().setValue(userName).setType("work").setPrimary(true)))
                .setActive(true);
        u.setExternalId("ext-" + userName);
        return u;
    }

    @Test
    void discoveryAsTheSdkReadsIt() throws ScimException {
        ScimService service = scim(tenant("sdk-disc"));
        ServiceProviderConfigResource config = service.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getBulk().isSupported()).isFalse();
        ListResponse<ResourceTypeResource> types = service.getResourceTypes();
        assertThat(types.getResources()).extracting(ResourceTypeResource::getName).contains("User", "Group");
        assertThat(service.getSchemas().getTotalResults()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void usersCreateGetSearchReplaceModifyDelete() throws ScimException {
        ScimService service = scim(tenant("sdk-users"));
        String userName = uniqueUserName("grace");
        UserResource toCreate = user(userName, "Grace");
        toCreate.setExtension(new EnterpriseUserExtension().setEmployeeNumber("E-42").setDepartment("Compilers"));
        UserResource created = service.create("Users", toCreate);
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getMeta().getLocation().toString()).endsWith(SCIM + "/Users/" + created.getId());
        assertThat(created.getMeta().getVersion()).isNotBlank();
        assertThat(created.getExternalId()).isEqualTo("ext-" + userName);

        UserResource read = service.retrieve("Users", created.getId(), UserResource.class);
        assertThat(read.getUserName()).isEqualTo(userName);
        assertThat(read.getName().getGivenName()).isEqualTo("Grace");
        assertThat(read.getExtension(EnterpriseUserExtension.class).getDepartment()).isEqualTo("Compilers");

        // the lookup Okta does before a create, case-insensitively, plus a projection
        ListResponse<UserResource> found = service.searchRequest("Users")
                .filter(Filter.eq("userName", userName.toUpperCase(java.util.Locale.ROOT)))
                .attributes("userName").page(1, 10).invoke(UserResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources().getFirst().getId()).isEqualTo(created.getId());
        assertThat(found.getResources().getFirst().getName()).as("not asked for").isNull();

        // a second create of the same userName: the SDK decodes the SCIM error
        assertThatThrownBy(() -> service.create("Users", user(userName, "Again")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(409);
                    assertThat(e.getScimError().getScimType()).isEqualTo("uniqueness");
                });

        // PUT through meta.location, with If-Match from meta.version
        read.setName(new Name().setGivenName("Grace B.").setFamilyName("Hopper"));
        UserResource replaced = service.replaceRequest(read).ifMatch().invoke();
        assertThat(replaced.getName().getGivenName()).isEqualTo("Grace B.");
        assertThat(replaced.getMeta().getVersion()).isNotEqualTo(read.getMeta().getVersion());
        // the version the SDK still holds is stale now: 412
        assertThatThrownBy(() -> service.replaceRequest(read).ifMatch().invoke())
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getScimError().getStatus()).isEqualTo(412));

        // PATCH: deactivate, then a value path
        UserResource inactive = service.modifyRequest("Users", created.getId()).replaceValue("active", false).invoke(UserResource.class);
        assertThat(inactive.getActive()).isFalse();
        UserResource renamed = service.modifyRequest("Users", created.getId())
                .replaceValue("name.familyName", "Murray Hopper").invoke(UserResource.class);
        assertThat(renamed.getName().getFamilyName()).isEqualTo("Murray Hopper");
        assertThat(renamed.getActive()).isFalse();

        // sorted, paged search over two users
        service.create("Users", user(uniqueUserName("alan"), "Alan"));
        ListResponse<UserResource> page = service.searchRequest("Users").sort("userName", SortOrder.ASCENDING).page(1, 1)
                .invoke(UserResource.class);
        assertThat(page.getTotalResults()).isGreaterThanOrEqualTo(2);
        assertThat(page.getResources()).hasSize(1);
        assertThat(page.getItemsPerPage()).isEqualTo(1);

        service.delete(renamed);
        assertThatThrownBy(() -> service.retrieve("Users", created.getId(), UserResource.class))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getScimError().getStatus()).isEqualTo(404));
    }

    @Test
    void groupsCreateGetSearchReplaceModifyDelete() throws ScimException {
        ScimService service = scim(tenant("sdk-groups"));
        UserResource ada = service.create("Users", user(uniqueUserName("ada"), "Ada"));
        UserResource alan = service.create("Users", user(uniqueUserName("alan"), "Alan"));
        String name = "Engineering " + java.util.UUID.randomUUID();

        GroupResource created = service.create("Groups",
                new GroupResource().setDisplayName(name).setMembers(List.of(new Member().setValue(ada.getId()))));
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getMembers()).extracting(Member::getValue).containsExactly(ada.getId());

        // the user shows its groups (read-only), on a single read and in a list (rendered in one batch)
        assertThat(service.retrieve("Users", ada.getId(), UserResource.class).getGroups())
                .extracting(g -> g.getValue() + "|" + g.getDisplay()).containsExactly(created.getId() + "|" + name);
        ListResponse<UserResource> both = service.searchRequest("Users")
                .filter(Filter.or(Filter.eq("id", ada.getId()), Filter.eq("id", alan.getId()))).invoke(UserResource.class);
        assertThat(both.getResources()).extracting(UserResource::getId).containsExactlyInAnyOrder(ada.getId(), alan.getId());
        assertThat(both.getResources()).filteredOn(u -> u.getId().equals(ada.getId())).first()
                .satisfies(u -> assertThat(u.getGroups()).extracting(g -> g.getValue()).containsExactly(created.getId()));
        assertThat(both.getResources()).filteredOn(u -> u.getId().equals(alan.getId())).first()
                .satisfies(u -> assertThat(u.getGroups()).isNullOrEmpty());

        GroupResource read = service.retrieve("Groups", created.getId(), GroupResource.class);
        assertThat(read.getDisplayName()).isEqualTo(name);
        ListResponse<GroupResource> found = service.searchRequest("Groups").filter(Filter.eq("displayName", name))
                .excludedAttributes("members").invoke(GroupResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources().getFirst().getMembers()).isNullOrEmpty();

        // PATCH: add a member, then remove one by a value filter (Entra ID's shape)
        GroupResource two = service.modifyRequest("Groups", created.getId())
                .addValues("members", new Member().setValue(alan.getId())).invoke(GroupResource.class);
        assertThat(two.getMembers()).extracting(Member::getValue).containsExactlyInAnyOrder(ada.getId(), alan.getId());
        GroupResource one = service.modifyRequest("Groups", created.getId())
                .removeValues("members[value eq \"" + ada.getId() + "\"]").invoke(GroupResource.class);
        assertThat(one.getMembers()).extracting(Member::getValue).containsExactly(alan.getId());

        // PUT with the full member list (Okta's group push)
        one.setDisplayName(name + " (renamed)").setMembers(List.of(new Member().setValue(ada.getId())));
        GroupResource replaced = service.replace(one);
        assertThat(replaced.getDisplayName()).isEqualTo(name + " (renamed)");
        assertThat(replaced.getMembers()).extracting(Member::getValue).containsExactly(ada.getId());

        service.delete("Groups", created.getId());
        assertThatThrownBy(() -> service.retrieve("Groups", created.getId(), GroupResource.class))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getScimError().getStatus()).isEqualTo(404));
    }
}
