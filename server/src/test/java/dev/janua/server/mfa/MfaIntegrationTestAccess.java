package dev.janua.server.mfa;

import dev.janua.server.support.Api;
import java.util.List;
import java.util.concurrent.Callable;

/** Lets other test packages run requests in parallel the way the MFA tests do. */
public final class MfaIntegrationTestAccess {
    private MfaIntegrationTestAccess() {}

    public static List<Api.Response> parallel(List<Callable<Api.Response>> calls) throws Exception {
        return MfaIntegrationTest.parallel(calls);
    }
}
