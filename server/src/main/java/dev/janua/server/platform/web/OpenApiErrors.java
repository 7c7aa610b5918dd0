package dev.janua.server.platform.web;

import dev.janua.server.platform.errors.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the API's one error body ({@code {"error": {code, message, details, requestId,
 * timestamp}}}, codes from {@link ErrorCode}) and the client errors each operation can answer, by
 * rules that follow from how the server works rather than from annotations on every handler:
 * <ul>
 *   <li>400 {@code INVALID_REQUEST}: the operation reads a body or parameters (malformed JSON, a bad value);</li>
 *   <li>401 and 403: the operation needs a caller (it declares a security requirement);</li>
 *   <li>404: the path names a resource ({@code {id}});</li>
 *   <li>422 {@code VALIDATION_ERROR}: the operation reads a body;</li>
 *   <li>429 {@code RATE_LIMITED}: every request is counted in a rate-limit bucket;</li>
 *   <li>{@code 4XX}: any other client error (409, 410, 423…), with the same body.</li>
 * </ul>
 * Responses a handler declares itself are left as they are.
 */
@Component
public class OpenApiErrors implements OpenApiCustomizer {
    static final String ERROR_SCHEMA = "ApiError";
    private static final String REF = "#/components/responses/";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private enum Answer {
        BAD_REQUEST("400", "BadRequest", "The request could not be read: malformed JSON, a parameter of the wrong type or encoding."),
        UNAUTHORIZED("401", "Unauthorized", "No valid credential: the access token or API key is missing, invalid or expired, "
                + "or the session has ended."),
        FORBIDDEN("403", "Forbidden", "The caller is known but may not do this: a missing permission, a suspended account, "
                + "an unverified email, a second factor due."),
        NOT_FOUND("404", "NotFound", "The resource named in the path does not exist, or is not visible to the caller."),
        UNPROCESSABLE("422", "UnprocessableContent", "The body was read but a field is invalid; error.details names the field."),
        RATE_LIMITED("429", "TooManyRequests", "Too many requests in this rate-limit bucket; retry after the time in "
                + "error.details and the X-RateLimit-Reset header."),
        OTHER("4XX", "ClientError", "Any other client error (a conflict, an expired invitation, a locked account…). "
                + "error.code says which.");

        final String status;
        final String name;
        final String text;

        Answer(String status, String name, String text) {
            this.status = status;
            this.name = name;
            this.text = text;
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        components.addSchemas(ERROR_SCHEMA, errorSchema());
        for (Answer a : Answer.values()) components.addResponses(a.name, response(a));
        if (openApi.getPaths() == null) return;
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> declare(path, op)));
    }

    private static void declare(String path, Operation op) {
        ApiResponses responses = op.getResponses() != null ? op.getResponses() : new ApiResponses();
        op.setResponses(responses);
        boolean body = op.getRequestBody() != null;
        boolean parameters = op.getParameters() != null && !op.getParameters().isEmpty();
        boolean caller = op.getSecurity() != null && !op.getSecurity().isEmpty();
        if (body || parameters) add(responses, Answer.BAD_REQUEST);
        if (caller) {
            add(responses, Answer.UNAUTHORIZED);
            add(responses, Answer.FORBIDDEN);
        }
        if (path.contains("{")) add(responses, Answer.NOT_FOUND);
        if (body) add(responses, Answer.UNPROCESSABLE);
        add(responses, Answer.RATE_LIMITED);
        add(responses, Answer.OTHER);
    }

    private static void add(ApiResponses responses, Answer a) {
        if (!responses.containsKey(a.status)) responses.addApiResponse(a.status, new ApiResponse().$ref(REF + a.name));
    }

    private static ApiResponse response(Answer a) {
        String codes = a == Answer.OTHER ? "" : " Codes: " + codesOf(a.status) + ".";
        return new ApiResponse().description(a.text + codes)
                .content(new Content().addMediaType(JSON, new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + ERROR_SCHEMA))));
    }

    /** The error codes answered with this status, e.g. "INVALID_TOKEN, SESSION_EXPIRED" for 401. */
    static String codesOf(String status) {
        return Arrays.stream(ErrorCode.values()).filter(c -> String.valueOf(c.status().value()).equals(status))
                .map(Enum::name).collect(Collectors.joining(", "));
    }

    @SuppressWarnings("rawtypes")
    private static Schema errorSchema() {
        Schema code = new JsonSchema().typesItem("string").description("Permanent machine code; never changes once published");
        for (ErrorCode c : ErrorCode.values()) code.addEnumItemObject(c.name());
        Schema body = new JsonSchema().typesItem("object")
                .required(List.of("code", "message", "requestId", "timestamp"))
                .properties(properties(
                        "code", code,
                        "message", new JsonSchema().typesItem("string").description("Human-readable, localised by Accept-Language"),
                        "details", new JsonSchema().typesItem("object").description("Machine-readable context, e.g. the invalid field"),
                        "requestId", new JsonSchema().typesItem("string").description("The X-Request-ID of the request"),
                        "timestamp", new JsonSchema().typesItem("string").format("date-time")));
        return new JsonSchema().typesItem("object").description("The one error body of the API")
                .required(List.of("error")).properties(properties("error", body));
    }

    /** Properties in the order given, so the document reads code, message, details… */
    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> properties(Object... nameSchema) {
        Map<String, Schema> out = new LinkedHashMap<>();
        for (int i = 0; i < nameSchema.length; i += 2) out.put((String) nameSchema[i], (Schema) nameSchema[i + 1]);
        return out;
    }
}
