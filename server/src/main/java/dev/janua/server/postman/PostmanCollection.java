package dev.janua.server.postman;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Janua's OpenAPI document into a Postman collection (format v2.1,
 * https://schema.getpostman.com/json/collection/v2.1.0/collection.json): one request per operation,
 * one folder per tag (in the document's tag order), the collection variables {@code baseUrl} and
 * {@code apiKey} of seed 002, and bearer auth set once on the collection ({@code {{apiKey}}}, which
 * may hold an API key or an access token) and inherited by every request that declares a security
 * requirement; operations without one (sign-in, JWKS, health) say {@code noauth}.
 *
 * <p>Pure: no Spring, no HTTP. Generated from the document the server serves, so the collection
 * lists exactly the operations of {@code /openapi.json} and cannot drift from it.
 */
public final class PostmanCollection {
    public static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final int MAX_EXAMPLE_DEPTH = 4;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode openApi;

    private PostmanCollection(JsonNode openApi) {
        this.openApi = Objects.requireNonNull(openApi, "openApi");
    }

    /** The collection for {@code openApi}; {@code defaultBaseUrl} is the initial value of {@code baseUrl}. */
    public static ObjectNode from(JsonNode openApi, String defaultBaseUrl) {
        return new PostmanCollection(openApi).build(defaultBaseUrl);
    }

    private ObjectNode build(String defaultBaseUrl) {
        ObjectNode root = NODES.objectNode();
        ObjectNode info = root.putObject("info");
        info.put("name", openApi.path("info").path("title").asString("Janua API"));
        info.put("description", openApi.path("info").path("description").asString(""));
        info.put("version", openApi.path("info").path("version").asString(""));
        info.put("schema", SCHEMA);

        ObjectNode auth = root.putObject("auth");
        auth.put("type", "bearer");
        auth.putArray("bearer").add(keyValue("token", "{{apiKey}}", "string"));

        ArrayNode variables = root.putArray("variable");
        variables.add(keyValue("baseUrl", defaultBaseUrl, "string"));
        variables.add(keyValue("apiKey", "your-api-key", "string"));

        Map<String, ArrayNode> folders = new LinkedHashMap<>();
        for (JsonNode tag : openApi.path("tags")) folders.put(tag.path("name").asString(), NODES.arrayNode());
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) continue;
                String tag = operation.path("tags").path(0).asString("Other");
                folders.computeIfAbsent(tag, t -> NODES.arrayNode())
                        .add(request(path.getKey(), method, operation, path.getValue().path("parameters")));
            }
        }
        ArrayNode items = root.putArray("item");
        folders.forEach((tag, requests) -> {
            if (requests.isEmpty()) return;
            ObjectNode folder = items.addObject();
            folder.put("name", tag);
            String description = tagDescription(tag);
            if (description != null) folder.put("description", description);
            folder.set("item", requests);
        });
        return root;
    }

    private ObjectNode request(String path, String method, JsonNode operation, JsonNode sharedParameters) {
        ObjectNode item = NODES.objectNode();
        String summary = operation.path("summary").asString("");
        item.put("name", summary.isBlank() ? method.toUpperCase() + " " + path : summary);
        ObjectNode request = item.putObject("request");
        request.put("method", method.toUpperCase());
        String description = operation.path("description").asString("");
        String operationId = operation.path("operationId").asString("");
        request.put("description", (operationId.isEmpty() ? "" : "operationId: `" + operationId + "`\n\n") + description);
        if (!operation.path("security").isArray() || operation.path("security").isEmpty()) {
            request.putObject("auth").put("type", "noauth");
        }

        List<JsonNode> parameters = new ArrayList<>();
        sharedParameters.forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);

        ArrayNode headers = request.putArray("header");
        JsonNode body = requestBodySchema(operation);
        if (body != null) headers.add(keyValue("Content-Type", body.path("mediaType").asString(), null));

        ObjectNode url = request.putObject("url");
        String postmanPath = PATH_PARAM.matcher(path).replaceAll(m -> ":" + Matcher.quoteReplacement(m.group(1)));
        ArrayNode query = NODES.arrayNode();
        ArrayNode pathVariables = NODES.arrayNode();
        StringBuilder queryString = new StringBuilder();
        for (JsonNode p : parameters) {
            JsonNode parameter = resolve(p);
            String name = parameter.path("name").asString();
            switch (parameter.path("in").asString()) {
                case "path" -> {
                    ObjectNode v = pathVariables.addObject();
                    v.put("key", name);
                    v.put("value", "");
                    v.put("description", parameter.path("description").asString(""));
                }
                case "query" -> {
                    ObjectNode q = query.addObject();
                    q.put("key", name);
                    q.put("value", "");
                    boolean required = parameter.path("required").asBoolean(false);
                    q.put("disabled", !required);
                    q.put("description", parameter.path("description").asString(""));
                    if (required) queryString.append(queryString.isEmpty() ? "?" : "&").append(name).append('=');
                }
                case "header" -> {
                    if (Set.of("authorization", "content-type", "accept").contains(name.toLowerCase())) break;
                    ObjectNode h = headers.addObject();
                    h.put("key", name);
                    h.put("value", "");
                    h.put("disabled", !parameter.path("required").asBoolean(false));
                }
                default -> { }
            }
        }
        url.put("raw", "{{baseUrl}}" + postmanPath + queryString);
        url.putArray("host").add("{{baseUrl}}");
        ArrayNode segments = url.putArray("path");
        for (String segment : postmanPath.split("/")) if (!segment.isEmpty()) segments.add(segment);
        if (!query.isEmpty()) url.set("query", query);
        if (!pathVariables.isEmpty()) url.set("variable", pathVariables);

        if (body != null) {
            ObjectNode b = request.putObject("body");
            b.put("mode", "raw");
            b.put("raw", body.path("example").toPrettyString());
            b.putObject("options").putObject("raw").put("language", "json");
        }
        return item;
    }

    /** {mediaType, example} of the operation's JSON body, or null when it takes none. */
    private JsonNode requestBodySchema(JsonNode operation) {
        JsonNode body = resolve(operation.path("requestBody"));
        JsonNode content = body.path("content");
        if (!content.isObject() || content.isEmpty()) return null;
        String mediaType = content.has("application/json") ? "application/json" : content.propertyNames().iterator().next();
        ObjectNode result = NODES.objectNode();
        result.put("mediaType", mediaType);
        result.set("example", example(content.path(mediaType).path("schema"), 0));
        return result;
    }

    /** A skeleton value of {@code schema}: its example, first enum value, or a typed blank. */
    private JsonNode example(JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("example")) return schema.get("example");
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) return schema.path("examples").get(0);
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) return schema.path("enum").get(0);
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(composite).isArray() && !schema.path(composite).isEmpty()) {
                if (!"allOf".equals(composite)) return example(schema.path(composite).get(0), depth);
                ObjectNode merged = NODES.objectNode();
                for (JsonNode part : schema.path(composite)) {
                    JsonNode e = example(part, depth);
                    if (e.isObject()) merged.setAll((ObjectNode) e);
                }
                return merged;
            }
        }
        String type = type(schema);
        if (depth >= MAX_EXAMPLE_DEPTH) return "object".equals(type) ? NODES.objectNode() : NODES.nullNode();
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    o.set(p.getKey(), example(p.getValue(), depth + 1));
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                JsonNode item = example(schema.path("items"), depth + 1);
                if (!item.isNull() && !(item.isString() && item.asString().isEmpty())) a.add(item);
                yield a;
            }
            case "integer", "number" -> NODES.numberNode(0);
            case "boolean" -> NODES.booleanNode(false);
            case "string" -> NODES.stringNode("date-time".equals(schema.path("format").asString()) ? "2026-01-01T00:00:00Z" : "");
            default -> NODES.nullNode();
        };
    }

    /** The schema's type; OpenAPI 3.1 allows a list ({@code ["string", "null"]}): the first non-null one. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) if (!"null".equals(t.asString())) return t.asString();
            return "null";
        }
        if (type.isString()) return type.asString();
        return schema.has("properties") ? "object" : "";
    }

    /** Follows a local {@code $ref} ({@code #/components/…}); other nodes are returned as they are. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 8 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asString();
            if (!ref.startsWith("#/")) break;
            current = openApi.at(ref.substring(1));
        }
        return current;
    }

    private String tagDescription(String tag) {
        for (JsonNode t : openApi.path("tags")) {
            if (tag.equals(t.path("name").asString()) && t.hasNonNull("description")) return t.path("description").asString();
        }
        return null;
    }

    private static ObjectNode keyValue(String key, String value, String type) {
        ObjectNode kv = NODES.objectNode();
        kv.put("key", key);
        kv.put("value", value);
        if (type != null) kv.put("type", type);
        return kv;
    }
}
