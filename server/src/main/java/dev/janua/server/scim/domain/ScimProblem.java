package dev.janua.server.scim.domain;

/**
 * A SCIM protocol error (RFC 7644 §3.12): the HTTP status, the {@code scimType} keyword when the
 * RFC defines one for the case, and a detail for people. The web layer renders it in the error schema.
 */
public final class ScimProblem extends RuntimeException {
    public static final String UNIQUENESS = "uniqueness";
    public static final String INVALID_FILTER = "invalidFilter";
    public static final String INVALID_VALUE = "invalidValue";
    public static final String INVALID_SYNTAX = "invalidSyntax";
    public static final String INVALID_PATH = "invalidPath";
    public static final String MUTABILITY = "mutability";
    public static final String NO_TARGET = "noTarget";
    public static final String TOO_MANY = "tooMany";

    private final int status;
    private final String scimType;

    public ScimProblem(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimProblem badRequest(String scimType, String detail) {
        return new ScimProblem(400, scimType, detail);
    }

    public static ScimProblem notFound(String detail) {
        return new ScimProblem(404, null, detail);
    }

    public static ScimProblem conflict(String detail) {
        return new ScimProblem(409, UNIQUENESS, detail);
    }

    public static ScimProblem preconditionFailed() {
        return new ScimProblem(412, null, "The resource changed since the version given in If-Match");
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }
}
