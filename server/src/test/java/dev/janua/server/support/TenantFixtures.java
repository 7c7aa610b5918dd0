package dev.janua.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * Integration-test helpers for organizations: accounts, platform admins (promoted in the database,
 * as the bootstrap admin is created), organizations and members.
 */
public abstract class TenantFixtures extends IntegrationTest {
    private Account platformAdmin;

    /** A signed-up user and a live access token. */
    public record Account(String id, String email, String token) {
        public String[] auth() {
            return new String[] {"Authorization", Api.bearer(token)};
        }

        public String[] auth(String... more) {
            String[] all = new String[2 + more.length];
            all[0] = "Authorization";
            all[1] = Api.bearer(token);
            System.arraycopy(more, 0, all, 2, more.length);
            return all;
        }
    }

    protected Account newUser(String tag) {
        String email = uniqueEmail(tag);
        Api.Response up = signUp(email);
        return new Account(up.text("/user/id"), email, accessToken(up));
    }

    /** A fresh session for the account (after moving the clock past its old one). */
    protected Account signIn(Account a) {
        Api.Response r = api.post("/api/v1/auth/signin", Api.map("email", a.email(), "password", PASSWORD));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return new Account(a.id(), a.email(), accessToken(r));
    }

    /** A platform admin: the users.is_admin flag, as JANUA_ADMIN_EMAIL's bootstrap account has. */
    protected Account platformAdmin() {
        if (platformAdmin == null) {
            Account a = newUser("admin");
            jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", a.id()).update();
            platformAdmin = a;
        }
        return platformAdmin;
    }

    protected String createOrg(Account owner, Object... fields) {
        Map<String, Object> body = Api.map(fields);
        body.putIfAbsent("name", "Org " + owner.email());
        Api.Response r = api.post("/api/v1/organizations", body, owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("/id");
    }

    /** Adds an existing user with a role, as server-side code does (platform admin, direct add). */
    protected void addMember(String orgId, Account member, String role) {
        Api.Response r = api.post("/api/v1/organizations/" + orgId + "/members", Api.map("userId", member.id(), "role", role),
                platformAdmin().auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    }

    protected Account memberOf(String orgId, String role, String tag) {
        Account a = newUser(tag);
        addMember(orgId, a, role);
        return a;
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i + 1 < params.length; i += 2) spec = spec.param((String) params[i], params[i + 1]);
        return spec.query(Long.class).single();
    }
}
