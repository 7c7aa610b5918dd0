package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The served {@code /openapi.json} is a valid OpenAPI 3.1 document — checked against the OpenAPI
 * Initiative's published JSON Schema for 3.1 (test resource {@code openapi/}, see its README), each
 * Schema Object against the JSON Schema 2020-12 meta-schema, and the rules a schema cannot express —
 * documents each operation once, answers JSON, and describes the shared error body.
 */
class OpenApiDocumentIntegrationTest extends IntegrationTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    OpenApiAliases aliases;

    private JsonNode doc;

    @BeforeEach
    void fetch() {
        Api.Response r = api.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        doc = r.json();
    }

    @Test
    void theServedDocumentValidatesAgainstTheOpenApi31Schema() throws Exception {
        assertThat(doc.path("openapi").asString()).startsWith("3.1.");
        Schema oas;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
            oas = SCHEMAS.getSchema(in, InputFormat.JSON);
        }
        assertThat(messages(oas.validate(doc))).as("OpenAPI 3.1 schema").isEmpty();

        Schema metaSchema = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> invalidSchemas = new ArrayList<>();
        schemaObjects(doc, "", invalidSchemas, metaSchema);
        assertThat(invalidSchemas).as("Schema Objects against JSON Schema 2020-12").isEmpty();
    }

    @Test
    void theLicenseNamesItsSpdxIdentifier() {
        assertThat(doc.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
    }

    @Test
    void whatTheSchemaCannotSayHoldsToo() {
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            Set<String> templated = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) templated.add(m.group(1));
            for (Map.Entry<String, JsonNode> op : operations(path.getValue())) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                if (!operationIds.add(op.getValue().path("operationId").asString())) problems.add(where + ": duplicate operationId");
                Set<String> declared = new TreeSet<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("path".equals(p.path("in").asString())) declared.add(p.path("name").asString());
                }
                if (!declared.equals(templated)) problems.add(where + ": path parameters " + declared + " vs template " + templated);
            }
        }
        refs(doc, problems);
        assertThat(problems).isEmpty();
        // names an SDK generator can use: no springdoc numbering (list_7)
        assertThat(operationIds).noneMatch(id -> id.matches(".*_\\d+"));
        assertThat(doc.at("/paths/~1api~1v1~1api-keys/get/operationId").asString()).isEqualTo("apiKeyList");
        assertThat(doc.at("/paths/~1api~1v1~1auth~1signin/post/operationId").asString()).isEqualTo("signIn");
    }

    @Test
    void eachOperationIsDocumentedOnceAtItsCanonicalPathAndNamesItsAliases() {
        Set<String> apiPaths = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            info.getPatternValues().stream().map(OpenApiAliases::openApiPath).filter(p -> p.startsWith("/api/v1/")).forEach(apiPaths::add);
        }
        List<OpenApiAliases.AliasGroup> groups = aliases.groups(apiPaths);
        assertThat(groups).as("the seeds' aliases exist").hasSizeGreaterThan(40);
        for (OpenApiAliases.AliasGroup g : groups) {
            for (RequestMethod method : g.methods()) {
                String verb = method.name().toLowerCase();
                JsonNode kept = doc.path("paths").path(g.canonical()).path(verb);
                assertThat(kept.isObject()).as("%s %s is documented", method, g.canonical()).isTrue();
                for (String alias : g.aliases()) {
                    assertThat(doc.path("paths").path(alias).has(verb)).as("%s %s documented again as an alias", method, alias).isFalse();
                    assertThat(kept.path("description").asString()).as("%s %s names %s", method, g.canonical(), alias).contains(alias);
                }
            }
        }
        assertThat(doc.path("paths").has("/api/v1/auth/login")).isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1auth~1signin/post/description").asString()).contains("`/api/v1/auth/login`");
        assertThat(doc.at("/paths/~1api~1v1~1users~1me~1verify-email~1send/post/description").asString())
                .contains("/api/v1/auth/verify-email/send", "/api/v1/auth/email/verify/send");
        // GET and POST on one path belong to different handlers: only the alias method goes
        assertThat(doc.at("/paths/~1api~1v1~1mfa~1backup-codes/get").isObject()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1mfa~1backup-codes/post").isMissingNode()).isTrue();
    }

    @Test
    void undocumentedAliasesAreStillRouted() {
        for (String path : List.of("/api/v1/auth/login", "/v1/auth/login", "/api/v1/auth/signin")) {
            Api.Response r = api.post(path, Api.map("email", uniqueEmail("alias"), "password", "not the password"));
            assertThat(r.errorCode()).as(path).isEqualTo("INVALID_CREDENTIALS");
        }
    }

    @Test
    void noBodyIsDeclaredAsAnyMediaType() {
        List<String> anyType = new ArrayList<>();
        contentTypes(doc, "", anyType);
        assertThat(anyType).isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1auth~1signin/post/responses/200/content").has("application/json")).isTrue();
    }

    @Test
    void theErrorBodyIsDeclaredWithEveryCode() {
        JsonNode error = doc.at("/components/schemas/ApiError/properties/error");
        List<String> codes = new ArrayList<>();
        error.at("/properties/code/enum").forEach(c -> codes.add(c.asString()));
        assertThat(codes).containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat(error.path("properties").propertyNames()).containsExactly("code", "message", "details", "requestId", "timestamp");
        assertThat(doc.at("/components/responses/Unauthorized/description").asString()).contains("INVALID_TOKEN", "SESSION_EXPIRED");
    }

    @Test
    void everyOperationDeclaresTheClientErrorsItCanGive() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : operations(path.getValue())) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                boolean body = op.getValue().has("requestBody");
                boolean caller = !op.getValue().path("security").isEmpty();
                List<String> due = new ArrayList<>(List.of("429", "4XX"));
                if (body) due.addAll(List.of("400", "422"));
                if (caller) due.addAll(List.of("401", "403"));
                if (path.getKey().contains("{")) due.add("404");
                for (String status : due) {
                    if (!errorBody(responses.path(status))) missing.add(where + " " + status);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void anErrorTheServerSendsMatchesTheDeclaredSchema() {
        Schema apiError = SCHEMAS.getSchema(doc.at("/components/schemas/ApiError"));
        Api.Response unauthorized = api.get("/api/v1/auth/me");
        Api.Response invalid = api.post("/api/v1/auth/signup", Api.map("email", "not-an-email", "password", PASSWORD));
        Api.Response notFound = api.get("/api/v1/no-such-route");
        for (Api.Response r : List.of(unauthorized, invalid, notFound)) {
            assertThat(r.status()).isBetween(400, 499);
            assertThat(messages(apiError.validate(r.json()))).as(r.raw().body()).isEmpty();
        }
        assertThat(doc.at("/paths/~1api~1v1~1auth~1me/get/responses/401/$ref").asString()).isEqualTo("#/components/responses/Unauthorized");
    }

    private boolean errorBody(JsonNode response) {
        String ref = response.path("$ref").asString("");
        JsonNode resolved = ref.startsWith("#/") ? doc.at(ref.substring(1)) : response;
        return "#/components/schemas/ApiError".equals(resolved.at("/content/application~1json/schema/$ref").asString(null));
    }

    private static List<Map.Entry<String, JsonNode>> operations(JsonNode pathItem) {
        return pathItem.properties().stream().filter(e -> HTTP_METHODS.contains(e.getKey())).toList();
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Every Schema Object: components' schemas and the schema of each parameter and media type. */
    private static void schemaObjects(JsonNode node, String at, List<String> invalid, Schema metaSchema) {
        if (!node.isContainer()) return;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String here = at + "/" + e.getKey();
            if (e.getKey().equals("schema") && e.getValue().isObject()) check(e.getValue(), here, invalid, metaSchema);
            else if (here.equals("/components/schemas")) e.getValue().properties().forEach(s -> check(s.getValue(), here + "/" + s.getKey(), invalid, metaSchema));
            else schemaObjects(e.getValue(), here, invalid, metaSchema);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) schemaObjects(node.get(i), at + "/" + i, invalid, metaSchema);
        }
    }

    private static void check(JsonNode schema, String at, List<String> invalid, Schema metaSchema) {
        messages(metaSchema.validate(schema)).forEach(m -> invalid.add(at + " " + m));
    }

    private void refs(JsonNode node, List<String> problems) {
        if (!node.isContainer()) return;
        if (node.has("$ref")) {
            String ref = node.path("$ref").asString();
            if (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode()) problems.add("unresolved $ref " + ref);
        }
        for (JsonNode child : node) refs(child, problems);
    }

    private static void contentTypes(JsonNode node, String at, List<String> anyType) {
        if (!node.isContainer()) return;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals("content") && e.getValue().isObject() && e.getValue().has("*/*")) anyType.add(at);
            contentTypes(e.getValue(), at + "/" + e.getKey(), anyType);
        }
        if (node.isArray()) for (JsonNode child : node) contentTypes(child, at, anyType);
    }
}
