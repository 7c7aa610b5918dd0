package dev.janua.server.postman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /postman/collection.json}, fetched anonymously like a developer importing it, lists every
 * operation of the served {@code /openapi.json} exactly once, in the folder of its tag, with the
 * seed's variables and bearer auth inherited where the operation needs credentials.
 */
class PostmanCollectionIntegrationTest extends IntegrationTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private JsonNode openApi;
    private JsonNode collection;

    @BeforeEach
    void fetch() {
        openApi = api.get("/openapi.json").json();
        Api.Response r = api.get("/postman/collection.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        collection = r.json();
    }

    @Test
    void isACollectionV21WithTheSeedsVariablesAndBearerAuth() {
        assertThat(collection.at("/info/schema").asString())
                .isEqualTo("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
        assertThat(collection.at("/info/name").asString()).isEqualTo("Janua API");
        Map<String, String> variables = new HashMap<>();
        collection.path("variable").forEach(v -> variables.put(v.path("key").asString(), v.path("value").asString()));
        assertThat(variables).containsOnlyKeys("baseUrl", "apiKey");
        assertThat(variables.get("baseUrl")).startsWith("http");
        assertThat(collection.at("/auth/type").asString()).isEqualTo("bearer");
        assertThat(collection.at("/auth/bearer/0/key").asString()).isEqualTo("token");
        assertThat(collection.at("/auth/bearer/0/value").asString()).isEqualTo("{{apiKey}}");
    }

    @Test
    void listsEveryOpenApiOperationOnceInTheFolderOfItsTag() {
        Map<String, String> expected = new HashMap<>();   // "GET /api/v1/users/:userId" -> tag
        Map<String, Boolean> secured = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) continue;
                String key = op.getKey().toUpperCase() + " " + path.getKey().replaceAll("\\{([^}]+)}", ":$1");
                expected.put(key, op.getValue().path("tags").path(0).asString());
                secured.put(key, !op.getValue().path("security").isEmpty());
            }
        }
        assertThat(expected).hasSizeGreaterThan(100);

        List<String> listed = new ArrayList<>();
        List<String> misfiled = new ArrayList<>();
        List<String> wrongAuth = new ArrayList<>();
        for (JsonNode folder : collection.path("item")) {
            for (JsonNode item : folder.path("item")) {
                JsonNode request = item.path("request");
                String path = request.at("/url/raw").asString().replaceFirst("^\\{\\{baseUrl}}", "").replaceFirst("\\?.*$", "");
                String key = request.path("method").asString() + " " + path;
                listed.add(key);
                if (!folder.path("name").asString().equals(expected.get(key))) misfiled.add(key + " in " + folder.path("name").asString());
                boolean inherits = !request.has("auth");
                if (secured.containsKey(key) && inherits != secured.get(key)) wrongAuth.add(key);
                // path variables are declared, and the URL's pieces agree with raw
                assertThat(String.join("/", strings(request.at("/url/path")))).isEqualTo(path.substring(1));
                List<String> declared = new ArrayList<>();
                request.at("/url/variable").forEach(v -> declared.add(":" + v.path("key").asString()));
                assertThat(declared).as(key).containsExactlyInAnyOrderElementsOf(
                        strings(request.at("/url/path")).stream().filter(s -> s.startsWith(":")).toList());
            }
        }
        assertThat(listed).as("one request per operation").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(listed)).isEqualTo(new TreeSet<>(expected.keySet()));
        assertThat(misfiled).isEmpty();
        assertThat(wrongAuth).isEmpty();
    }

    @Test
    void requestsCarryASkeletonOfTheirJsonBody() {
        JsonNode signIn = find("POST", "/api/v1/auth/signin");
        assertThat(signIn.at("/request/auth/type").asString()).as("public operation").isEqualTo("noauth");
        assertThat(signIn.at("/request/body/mode").asString()).isEqualTo("raw");
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(signIn.at("/request/body/raw").asString());
        assertThat(body.has("email")).isTrue();
        assertThat(body.has("password")).isTrue();
        assertThat(signIn.at("/request/header/0/value").asString()).isEqualTo("application/json");

        JsonNode members = find("GET", "/api/v1/organizations/:organizationId/members");
        assertThat(members.at("/request/auth").isMissingNode()).as("inherits the collection's bearer auth").isTrue();
        List<String> query = new ArrayList<>();
        members.at("/request/url/query").forEach(q -> query.add(q.path("key").asString()));
        assertThat(query).contains("limit", "cursor");
    }

    private JsonNode find(String method, String path) {
        for (JsonNode folder : collection.path("item")) {
            for (JsonNode item : folder.path("item")) {
                if (method.equals(item.at("/request/method").asString())
                        && item.at("/request/url/raw").asString().equals("{{baseUrl}}" + path)) return item;
            }
        }
        throw new AssertionError(method + " " + path + " not in the collection");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
