package dev.janua.sdk;

/** Accepting an invitation: the token from the email; a new invitee also sends a password (and names) and is signed in. */
public final class AcceptInvitationParams extends Params<AcceptInvitationParams> {
    public static AcceptInvitationParams builder() { return new AcceptInvitationParams(); }

    public AcceptInvitationParams token(String value) { return set("token", value); }
    public AcceptInvitationParams password(String value) { return set("password", value); }
    public AcceptInvitationParams firstName(String value) { return set("firstName", value); }
    public AcceptInvitationParams lastName(String value) { return set("lastName", value); }
    public AcceptInvitationParams name(String value) { return set("name", value); }
    public AcceptInvitationParams username(String value) { return set("username", value); }
}
