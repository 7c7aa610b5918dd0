package dev.janua.server.graphql.web;

import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.SessionDirectory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Session revocation over GraphQL, as {@code DELETE /sessions/{id}} and {@code DELETE /sessions}. */
@Controller
public class SessionGraph {
    private final SessionDirectory sessions;

    public SessionGraph(SessionDirectory sessions) {
        this.sessions = sessions;
    }

    /** Another user's session answers {@code SESSION_NOT_FOUND}, exactly like an unknown id. */
    @MutationMapping
    public boolean revokeSession(@Argument String id, Caller caller, ClientInfo client) {
        sessions.requireOwn(id, caller.userId());
        sessions.revoke(id, "user_revoked", client);
        return true;
    }

    @MutationMapping
    public int revokeOtherSessions(Caller caller, ClientInfo client) {
        return sessions.revokeAllForUser(caller.userId(), caller.sessionId(), "user_revoked_others", client);
    }
}
