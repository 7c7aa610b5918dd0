package dev.janua.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.StatementLog;
import dev.janua.server.support.TenantFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL over real HTTP: the seed's samples return the seed's shapes, and each authorization rule
 * of the REST twins holds (one test per rule), with Janua's codes in {@code extensions.code}.
 */
class GraphQlIntegrationTest extends TenantFixtures {
    static final String SEED_USER = """
            query GetUserWithOrganizations($userId: ID!) {
              user(id: $userId) {
                id email firstName lastName profileImageUrl
                organizations { id name role permissions }
                sessions { id deviceInfo location lastActiveAt }
              }
            }""";
    static final String SEED_ORG = """
            query GetOrganizationWithMembers($orgId: ID!, $limit: Int = 50) {
              organization(id: $orgId) {
                id name description memberCount
                members(limit: $limit) { user { id email firstName lastName } role joinedAt }
                ssoConfiguration { provider enabled domains }
              }
            }""";
    static final String SEED_CREATE_USER = """
            mutation CreateUser($input: CreateUserInput!) {
              createUser(input: $input) {
                user { id email firstName lastName }
                success
                errors { field message code }
              }
            }""";

    @Autowired
    StatementLog statements;

    @Autowired
    GraphQlSource graphQlSource;

    Api.Response gql(String path, String query, Map<String, Object> variables, String... headers) {
        Map<String, Object> body = Api.map("query", query);
        if (variables != null) body.put("variables", variables);
        return api.post(path, body, headers);
    }

    Api.Response gql(String query, Map<String, Object> variables, String... headers) {
        return gql("/v1/graphql", query, variables, headers);
    }

    static String code(Api.Response r, int error) {
        return r.text("/errors/" + error + "/extensions/code");
    }

    /** Issue 16: the schema is built on first use (LazyGraphQlSchema), behind a proxy that still answers with the whole schema (the other tests query through it). */
    @Test
    void theSchemaIsBuiltOnFirstUseBehindAProxyThatAnswersWithTheWholeSchema() {
        assertThat(AopUtils.isAopProxy(graphQlSource)).isTrue();
        assertThat(graphQlSource.schema().getQueryType().getFieldDefinition("user")).isNotNull();
    }

    @Test
    void seedGetUserWithOrganizationsReturnsTheSeedShape() {
        Account user = newUser("gqlseed");
        String org = createOrg(user, "name", "Seed Org");
        Api.Response r = gql(SEED_USER, Map.of("userId", user.id()), user.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json().has("errors")).as(r.raw().body()).isFalse();
        JsonNode u = r.json().at("/data/user");
        assertThat(u.path("id").asString()).isEqualTo(user.id());
        assertThat(u.path("email").asString()).isEqualTo(user.email());
        assertThat(u.path("firstName").asString()).isEqualTo("Test");
        assertThat(u.path("lastName").asString()).isEqualTo("User");
        assertThat(u.has("profileImageUrl")).isTrue();
        JsonNode o = u.path("organizations").get(0);
        assertThat(o.path("id").asString()).isEqualTo(org);
        assertThat(o.path("name").asString()).isEqualTo("Seed Org");
        assertThat(o.path("role").asString()).isEqualTo("owner");
        assertThat(o.path("permissions").isArray()).isTrue();
        assertThat(o.path("permissions").size()).isPositive();
        JsonNode s = u.path("sessions").get(0);
        assertThat(s.path("id").asString()).startsWith("sess_");
        assertThat(s.has("deviceInfo")).isTrue();
        assertThat(s.has("location")).isTrue();
        assertThat(s.path("lastActiveAt").asString()).isNotBlank();
    }

    @Test
    void seedGetOrganizationWithMembersReturnsTheSeedShape() {
        Account owner = newUser("gqlorg");
        String org = createOrg(owner, "name", "Members Org", "description", "we build things");
        Account member = memberOf(org, "member", "gqlmember");
        Api.Response r = gql(SEED_ORG, Map.of("orgId", org, "limit", 10), owner.auth());
        assertThat(r.json().has("errors")).as(r.raw().body()).isFalse();
        JsonNode o = r.json().at("/data/organization");
        assertThat(o.path("id").asString()).isEqualTo(org);
        assertThat(o.path("name").asString()).isEqualTo("Members Org");
        assertThat(o.path("description").asString()).isEqualTo("we build things");
        assertThat(o.path("memberCount").asInt()).isEqualTo(2);
        List<String> emails = new ArrayList<>();
        o.path("members").forEach(m -> {
            emails.add(m.at("/user/email").asString());
            assertThat(m.at("/user/id").asString()).startsWith("usr_");
            assertThat(m.path("role").asString()).isIn("owner", "member");
            assertThat(m.path("joinedAt").asString()).isNotBlank();
        });
        assertThat(emails).containsExactlyInAnyOrder(owner.email(), member.email());
        assertThat(o.at("/ssoConfiguration/enabled").asBoolean()).isFalse();
        assertThat(o.at("/ssoConfiguration/domains").isArray()).isTrue();
    }

    @Test
    void seedCreateUserMutationReportsSuccessAndInputErrors() {
        String email = uniqueEmail("gqlcreated");
        Api.Response ok = gql(SEED_CREATE_USER, Map.of("input", Map.of("email", email, "password", PASSWORD,
                "firstName", "Ada", "lastName", "Lovelace")), platformAdmin().auth());
        assertThat(ok.json().has("errors")).as(ok.raw().body()).isFalse();
        assertThat(ok.json().at("/data/createUser/success").asBoolean()).isTrue();
        assertThat(ok.text("/data/createUser/user/email")).isEqualTo(email);
        assertThat(ok.text("/data/createUser/user/firstName")).isEqualTo("Ada");
        assertThat(ok.json().at("/data/createUser/errors").size()).isZero();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = :id", "id", ok.text("/data/createUser/user/id"))).isEqualTo(1);

        Api.Response taken = gql(SEED_CREATE_USER, Map.of("input", Map.of("email", email, "password", PASSWORD)),
                platformAdmin().auth("Accept-Language", "fr"));
        assertThat(taken.json().at("/data/createUser/success").asBoolean()).isFalse();
        assertThat(taken.json().at("/data/createUser/user").isNull()).isTrue();
        assertThat(taken.text("/data/createUser/errors/0/field")).isEqualTo("email");
        assertThat(taken.text("/data/createUser/errors/0/code")).isEqualTo("EMAIL_ALREADY_EXISTS");
        assertThat(taken.text("/data/createUser/errors/0/message")).isNotBlank();

        Api.Response weak = gql(SEED_CREATE_USER, Map.of("input", Map.of("email", uniqueEmail("gqlweak"), "password", "password")),
                platformAdmin().auth());
        assertThat(weak.text("/data/createUser/errors/0/field")).isEqualTo("password");
        assertThat(weak.text("/data/createUser/errors/0/code")).isEqualTo("WEAK_PASSWORD");
    }

    @Test
    void answersOnAllThreePaths() {
        Account user = newUser("gqlpaths");
        for (String path : List.of("/api/v1/graphql", "/v1/graphql", "/graphql")) {
            Api.Response r = gql(path, "{ me { id email } }", null, user.auth());
            assertThat(r.status()).as(path + " " + r.raw().body()).isEqualTo(200);
            assertThat(r.text("/data/me/id")).as(path).isEqualTo(user.id());
        }
    }

    // --- authorization: one test per rule class ---

    @Test
    void withoutValidCredentialsTheRouteGuardAnswers401() {
        for (String path : List.of("/api/v1/graphql", "/v1/graphql", "/graphql")) {
            Api.Response r = gql(path, "{ me { id } }", null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
        }
        Api.Response bad = gql("{ me { id } }", null, "Authorization", "Bearer not.a.jwt");
        assertThat(bad.errorCode()).as(bad.raw().body()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aRevokedSessionsTokenAnswersSessionExpired() {
        Account user = newUser("gqlrevoked");
        Account second = signIn(user);
        Api.Response revoke = gql("mutation { revokeOtherSessions }", null, second.auth());
        assertThat(revoke.json().at("/data/revokeOtherSessions").asInt()).as(revoke.raw().body()).isEqualTo(1);
        Api.Response r = gql("{ me { id } }", null, user.auth());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void anotherUserNeedsPlatformUsersRead() {
        Account a = newUser("gqlselfa");
        Account b = newUser("gqlselfb");
        Api.Response r = gql("query($id: ID!) { user(id: $id) { id email } }", Map.of("id", b.id()), a.auth());
        assertThat(code(r, 0)).as(r.raw().body()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(r.json().at("/data/user").isNull()).isTrue();
        Api.Response admin = gql("query($id: ID!) { user(id: $id) { id email } }", Map.of("id", b.id()), platformAdmin().auth());
        assertThat(admin.text("/data/user/email")).as(admin.raw().body()).isEqualTo(b.email());
        Api.Response list = gql("{ users(first: 5) { nodes { id } } }", null, a.auth());
        assertThat(code(list, 0)).isEqualTo("INSUFFICIENT_PERMISSIONS");
        Api.Response create = gql(SEED_CREATE_USER, Map.of("input", Map.of("email", uniqueEmail("gqlnope"))), a.auth());
        assertThat(code(create, 0)).isEqualTo("INSUFFICIENT_PERMISSIONS");
    }

    @Test
    void sessionsAreTheirOwnersAlone() {
        Account b = newUser("gqlsessb");
        Api.Response r = gql("query($id: ID!) { user(id: $id) { id sessions { id } } }", Map.of("id", b.id()), platformAdmin().auth());
        assertThat(r.text("/data/user/id")).as(r.raw().body()).isEqualTo(b.id());
        assertThat(code(r, 0)).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(r.text("/errors/0/path/1")).isEqualTo("sessions");
        String bSession = gql("{ sessions { id } }", null, b.auth()).text("/data/sessions/0/id");
        Api.Response steal = gql("mutation($id: ID!) { revokeSession(id: $id) }", Map.of("id", bSession), platformAdmin().auth());
        assertThat(code(steal, 0)).isEqualTo("SESSION_NOT_FOUND");
        assertThat(gql("{ me { id } }", null, b.auth()).text("/data/me/id")).isEqualTo(b.id());
    }

    @Test
    void anOrganizationOutsiderSeesNotFound() {
        Account owner = newUser("gqlout1");
        String org = createOrg(owner);
        Account outsider = newUser("gqlout2");
        Api.Response r = gql(SEED_ORG, Map.of("orgId", org), outsider.auth());
        assertThat(code(r, 0)).as(r.raw().body()).isEqualTo("ORGANIZATION_NOT_FOUND");
        Api.Response missing = gql(SEED_ORG, Map.of("orgId", "org_doesnotexist"), outsider.auth());
        assertThat(code(missing, 0)).isEqualTo("ORGANIZATION_NOT_FOUND");
    }

    @Test
    void membersNeedTheRolesPermissions() {
        Account owner = newUser("gqlperm1");
        String org = createOrg(owner);
        Account member = memberOf(org, "viewer", "gqlperm2");
        Api.Response invite = gql("""
                mutation($org: ID!) { inviteMember(organizationId: $org, input: {email: "x@example.com", role: "member"}) { id } }""",
                Map.of("org", org), member.auth());
        assertThat(code(invite, 0)).as(invite.raw().body()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        Api.Response promote = gql("""
                mutation($org: ID!, $u: ID!) { updateMemberRole(organizationId: $org, userId: $u, role: "admin") { role } }""",
                Map.of("org", org, "u", member.id()), member.auth());
        assertThat(code(promote, 0)).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND user_id = :u AND role_id LIKE '%admin%'",
                "o", org, "u", member.id())).isZero();

        Api.Response byOwner = gql("""
                mutation($org: ID!, $u: ID!) { updateMemberRole(organizationId: $org, userId: $u, role: "admin") { role user { id } } }""",
                Map.of("org", org, "u", member.id()), owner.auth());
        assertThat(byOwner.text("/data/updateMemberRole/role")).as(byOwner.raw().body()).isEqualTo("admin");
        Api.Response invited = gql("""
                mutation($org: ID!) { inviteMember(organizationId: $org, input: {email: "gql-invitee@example.com"}) { id status } }""",
                Map.of("org", org), owner.auth());
        assertThat(invited.text("/data/inviteMember/status")).as(invited.raw().body()).isEqualTo("pending");
    }

    @Test
    void platformViewsArePlatformAdminsOnly() {
        Account user = newUser("gqlplat");
        for (String q : List.of("{ auditLogs(first: 5) { nodes { id } } }", "{ webhooks { nodes { id } } }")) {
            assertThat(code(gql(q, null, user.auth()), 0)).as(q).isEqualTo("INSUFFICIENT_PERMISSIONS");
            Api.Response admin = gql(q, null, platformAdmin().auth());
            assertThat(admin.json().has("errors")).as(admin.raw().body()).isFalse();
        }
    }

    @Test
    void apiKeysReachOnlyFieldsThatAcceptThem() {
        Account owner = newUser("gqlkey");
        String org = createOrg(owner);
        String key = api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "Backend",
                "permissions", List.of("organization:read", "members:read")), owner.auth()).text("/key");
        Api.Response me = gql("{ me { id } }", null, "Authorization", Api.bearer(key));
        assertThat(code(me, 0)).as(me.raw().body()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        Api.Response orgView = gql(SEED_ORG, Map.of("orgId", org), "X-API-Key", key);
        assertThat(orgView.json().has("errors")).as(orgView.raw().body()).isFalse();
        assertThat(orgView.json().at("/data/organization/memberCount").asInt()).isEqualTo(1);
    }

    // --- batching and limits ---

    @Test
    void userOrganizationsAreBatchedNotOneQueryPerUser() {
        Account owner = newUser("gqlbatch");
        String org = createOrg(owner);
        for (int i = 0; i < 7; i++) memberOf(org, "member", "gqlbatch" + i);
        String q = "query($org: ID!, $n: Int) { users(organizationId: $org, first: $n) { nodes { id organizations { id role } } } }";
        statements.clear();
        Api.Response two = gql(q, Map.of("org", org, "n", 2), platformAdmin().auth());
        long forTwo = statements.count("FROM organization_members m JOIN organizations");
        statements.clear();
        Api.Response eight = gql(q, Map.of("org", org, "n", 8), platformAdmin().auth());
        long forEight = statements.count("FROM organization_members m JOIN organizations");
        assertThat(two.json().at("/data/users/nodes").size()).as(two.raw().body()).isEqualTo(2);
        assertThat(eight.json().at("/data/users/nodes").size()).as(eight.raw().body()).isEqualTo(8);
        eight.json().at("/data/users/nodes").forEach(n -> assertThat(n.at("/organizations/0/id").asString()).isEqualTo(org));
        assertThat(forEight).isEqualTo(forTwo).isEqualTo(1);
    }

    @Test
    void tooDeepOrTooComplexQueriesAreRefusedWithACode() {
        Account user = newUser("gqllimits");
        String nested = "name";
        for (int i = 0; i < 12; i++) nested = "ofType { " + nested + " }";
        Api.Response deep = gql("{ __schema { types { fields { type { " + nested + " } } } } }", null, user.auth());
        assertThat(code(deep, 0)).as(deep.raw().body()).isEqualTo("QUERY_TOO_COMPLEX");
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 400; i++) wide.append(" a").append(i).append(": me { id email firstName }");
        Api.Response complex = gql(wide.append(" }").toString(), null, user.auth());
        assertThat(code(complex, 0)).as(complex.raw().body()).isEqualTo("QUERY_TOO_COMPLEX");
        Api.Response syntax = gql("{ me { id ", null, user.auth());
        assertThat(code(syntax, 0)).as(syntax.raw().body()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void introspectionAndGraphiQlAnswerInDevelopment() {
        Account user = newUser("gqlintro");
        Api.Response r = gql("{ __schema { queryType { name } } }", null, user.auth());
        assertThat(r.text("/data/__schema/queryType/name")).as(r.raw().body()).isEqualTo("Query");
        Api.Response page = api.get("/graphiql?path=/api/v1/graphql", user.auth());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).containsIgnoringCase("graphiql");
    }

    @Test
    void profileAndOrganizationMutationsGoThroughTheServices() {
        Account user = newUser("gqlmut");
        Api.Response p = gql("mutation { updateProfile(input: {firstName: \"Grace\", bio: \"admiral\"}) { firstName bio } }", null, user.auth());
        assertThat(p.text("/data/updateProfile/firstName")).as(p.raw().body()).isEqualTo("Grace");
        assertThat(api.get("/api/v1/auth/me", user.auth()).text("/firstName")).isEqualTo("Grace");
        Api.Response created = gql("mutation { createOrganization(input: {name: \"GQL Co\"}) { id name role memberCount } }", null, user.auth());
        String org = created.text("/data/createOrganization/id");
        assertThat(created.text("/data/createOrganization/role")).as(created.raw().body()).isEqualTo("owner");
        Api.Response renamed = gql("mutation($id: ID!) { updateOrganization(id: $id, input: {name: \"GQL Two\"}) { name } }",
                Map.of("id", org), user.auth());
        assertThat(renamed.text("/data/updateOrganization/name")).isEqualTo("GQL Two");
        Api.Response mine = gql("{ organizations { nodes { id name } pageInfo { hasNextPage } totalCount } }", null, user.auth());
        assertThat(mine.text("/data/organizations/nodes/0/name")).as(mine.raw().body()).isEqualTo("GQL Two");
        Api.Response roles = gql("query($id: ID!) { roles(organizationId: $id) { key isSystem } }", Map.of("id", org), user.auth());
        assertThat(roles.json().at("/data/roles").size()).as(roles.raw().body()).isPositive();
        Api.Response deleted = gql("mutation($id: ID!) { deleteOrganization(id: $id) }", Map.of("id", org), user.auth());
        assertThat(deleted.json().at("/data/deleteOrganization").asBoolean()).as(deleted.raw().body()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM organizations WHERE id = :id", "id", org)).isZero();
    }
}
