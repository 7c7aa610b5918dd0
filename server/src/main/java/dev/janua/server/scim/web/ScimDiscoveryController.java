package dev.janua.server.scim.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.scim.app.Locations;
import dev.janua.server.scim.domain.ScimProblem;
import dev.janua.server.scim.domain.ScimSchemas;
import dev.janua.server.scim.domain.SearchRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * Discovery (RFC 7644 §4): what this server supports, built from UnboundID's types and the schema
 * definitions it derives from its annotated User, Group and enterprise extension classes.
 */
@JanuaApi
@Tag(name = "SCIM")
public class ScimDiscoveryController {
    private final Locations locations;

    public ScimDiscoveryController(Locations locations) {
        this.locations = locations;
    }

    @GetMapping({"/scim/v2/ServiceProviderConfig", "/scim/ServiceProviderConfig"})
    @Operation(summary = "SCIM: service provider configuration")
    public ResponseEntity<String> serviceProviderConfig(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) Object caller) {
        ServiceProviderConfigResource config = new ServiceProviderConfigResource(locations.base().replace("/api/v1/scim/v2", "/docs"),
                new PatchConfig(true), new BulkConfig(false, 0, 0), new FilterConfig(true, SearchRequest.MAX_COUNT),
                new ChangePasswordConfig(false), new SortConfig(true), new ETagConfig(true),
                List.of(new AuthenticationScheme("OAuth Bearer Token", "A SCIM token created by an organization admin (scim_…)",
                        URI.create("https://www.rfc-editor.org/rfc/rfc6750"), null, "oauthbearertoken", true)));
        ObjectNode node = JsonUtils.valueToNode(config);
        meta(node, "ServiceProviderConfig", locations.base() + "/ServiceProviderConfig");
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(node.toString());
    }

    @GetMapping({"/scim/v2/ResourceTypes", "/scim/ResourceTypes"})
    @Operation(summary = "SCIM: resource types (User with the enterprise extension, Group)")
    public ResponseEntity<String> resourceTypes(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) Object caller) {
        return list(List.of(resourceType("User"), resourceType("Group")));
    }

    @GetMapping({"/scim/v2/ResourceTypes/{name}", "/scim/ResourceTypes/{name}"})
    @Operation(summary = "SCIM: one resource type")
    public ResponseEntity<String> resourceType(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) Object caller, @PathVariable String name) {
        if (!name.equals("User") && !name.equals("Group")) throw ScimProblem.notFound("Resource type " + name + " not found");
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(resourceType(name).toString());
    }

    @GetMapping({"/scim/v2/Schemas", "/scim/Schemas"})
    @Operation(summary = "SCIM: schemas (core User, enterprise User, Group)")
    public ResponseEntity<String> schemas(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) Object caller) {
        return list(List.of(schema(ScimSchemas.USER), schema(ScimSchemas.ENTERPRISE_USER), schema(ScimSchemas.GROUP)));
    }

    @GetMapping({"/scim/v2/Schemas/{id}", "/scim/Schemas/{id}"})
    @Operation(summary = "SCIM: one schema by URN")
    public ResponseEntity<String> schemaById(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) Object caller, @PathVariable String id) {
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(schema(id).toString());
    }

    private ObjectNode resourceType(String name) {
        ResourceTypeResource r = name.equals("User")
                ? new ResourceTypeResource("User", "User", "User account", URI.create("/Users"), URI.create(ScimSchemas.USER),
                        List.of(new ResourceTypeResource.SchemaExtension(URI.create(ScimSchemas.ENTERPRISE_USER), false)))
                : new ResourceTypeResource("Group", "Group", "Group", URI.create("/Groups"), URI.create(ScimSchemas.GROUP), List.of());
        ObjectNode node = JsonUtils.valueToNode(r);
        meta(node, "ResourceType", locations.base() + "/ResourceTypes/" + name);
        return node;
    }

    private ObjectNode schema(String urn) {
        Class<?> type = switch (urn) {
            case ScimSchemas.USER -> UserResource.class;
            case ScimSchemas.ENTERPRISE_USER -> EnterpriseUserExtension.class;
            case ScimSchemas.GROUP -> GroupResource.class;
            default -> throw ScimProblem.notFound("Schema " + urn + " not found");
        };
        try {
            SchemaResource schema = SchemaUtils.getSchema(type);
            ObjectNode node = JsonUtils.valueToNode(schema);
            meta(node, "Schema", locations.base() + "/Schemas/" + urn);
            return node;
        } catch (java.beans.IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void meta(ObjectNode node, String resourceType, String location) {
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("location", location);
    }

    private static ResponseEntity<String> list(List<ObjectNode> resources) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
        n.put("totalResults", resources.size());
        n.put("startIndex", 1);
        n.put("itemsPerPage", resources.size());
        ArrayNode arr = n.putArray("Resources");
        resources.forEach(arr::add);
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(n.toString());
    }
}
