package dev.janua.sdk;

/** Finishing a sign-in with a second factor: the {@code mfaToken} of the sign-in, the code, and optionally {@code trustDevice}. */
public final class MfaChallengeParams extends Params<MfaChallengeParams> {
    public static MfaChallengeParams builder() { return new MfaChallengeParams(); }

    public MfaChallengeParams mfaToken(String value) { return set("mfaToken", value); }
    public MfaChallengeParams code(String value) { return set("code", value); }
    public MfaChallengeParams method(String value) { return set("method", value); }
    public MfaChallengeParams trustDevice(Boolean value) { return set("trustDevice", value); }
}
