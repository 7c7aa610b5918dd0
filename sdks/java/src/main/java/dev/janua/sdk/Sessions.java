package dev.janua.sdk;

import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.Session;
import dev.janua.sdk.model.Tokens;

/** The signed-in user's sessions (devices). */
public final class Sessions extends Namespace {
    Sessions(Transport t) { super(t); }

    /** {@code GET /sessions}. */
    public Page<Session> list() { return list(null); }

    public Page<Session> list(ListParams params) {
        return page("/sessions", params, Credential.USER, Session::new);
    }

    /** {@code GET /sessions/{id}}. */
    public Session get(String id) {
        return new Session(get("/sessions/" + seg(id), Credential.USER));
    }

    /** {@code GET /sessions/current}. */
    public Session getCurrent() {
        return new Session(get("/sessions/current", Credential.USER));
    }

    /** {@code DELETE /sessions/{id}}: signs that device out. */
    public Ack revoke(String id) {
        return new Ack(delete("/sessions/" + seg(id), Credential.USER));
    }

    /** {@code DELETE /sessions}: every session but this one. */
    public Ack revokeOthers() {
        return new Ack(delete("/sessions", Credential.USER));
    }

    /** {@code POST /sessions/revoke-all}: the server's other spelling of {@link #revokeOthers()} — this session stays. */
    public Ack revokeAll() {
        return new Ack(post("/sessions/revoke-all", null, Credential.USER));
    }

    /** The same as {@code auth().refreshToken()}. */
    public Tokens refresh() {
        return t.session.refresh(null);
    }
}
