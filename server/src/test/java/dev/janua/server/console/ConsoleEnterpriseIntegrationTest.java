package dev.janua.server.console;

import static dev.janua.server.console.ConsolePagesIntegrationTest.between;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's enterprise pages over plain HTTP: an organization's SSO connection and domains, its
 * SCIM tokens (the secret shown once), its own audit log; a user's passkeys and linked identities;
 * the audit log's actor and target filters. An organization admin never reaches another
 * organization's SSO, SCIM or audit pages, by link or by form.
 */
class ConsoleEnterpriseIntegrationTest extends ConsoleTestSupport {

    @Test
    void anOrganizationAdminCannotReachAnotherOrganizationsSsoScimOrAuditPages() {
        Account owner = newUser("e-own");
        String mine = createOrg(owner, "name", "Mine Enterprise");
        Account admin = memberOf(mine, "admin", "e-orgadmin");
        Account theirOwner = newUser("e-other");
        String theirs = createOrg(theirOwner, "name", "Theirs Enterprise");
        BrowserClient b = signedIn(admin);

        for (String tab : List.of("/sso", "/scim", "/audit")) {
            HttpResponse<String> own = b.get("/console/organizations/" + mine + tab);
            assertThat(own.statusCode()).as(tab + "\n" + own.body()).isEqualTo(200);
            assertThat(own.body()).as(tab).contains("Mine Enterprise").doesNotContain("Theirs Enterprise");
        }
        int refused = 0;
        for (String path : List.of("/sso", "/scim", "/audit", "/audit?type=organization.created", "/audit?organization=" + theirs)) {
            HttpResponse<String> r = b.get("/console/organizations/" + theirs + path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("ORGANIZATION_NOT_FOUND").doesNotContain("Theirs Enterprise").doesNotContain(theirOwner.id());
            refused++;
        }
        // forms aimed at the other organization, with a valid CSRF token from one's own page, change nothing
        Map<String, String> token = Map.of("_csrf", BrowserClient.hiddenFields(b.get("/console/organizations/" + mine + "/scim").body(),
                "/console/organizations/" + mine + "/scim/tokens").get("_csrf"));
        for (var post : List.of(Map.entry("/scim/tokens", Map.of("name", "stolen")),
                Map.entry("/sso", Map.of("protocol", "oidc", "provider", "oidc", "oidcIssuer", "https://evil.example", "clientId", "x",
                        "clientSecret", "y", "enabled", "true")),
                Map.entry("/sso/domains", Map.of("domain", "theirs-enterprise.example")),
                Map.entry("/sso/delete", Map.of("confirm", "yes")))) {
            Map<String, String> form = new java.util.HashMap<>(token);
            form.putAll(post.getValue());
            HttpResponse<String> r = b.post("/console/organizations/" + theirs + post.getKey(), form);
            assertThat(r.statusCode()).as(post.getKey()).isEqualTo(404);
            refused++;
        }
        assertThat(refused).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM scim_tokens WHERE organization_id = :o", "o", theirs)).isZero();
        assertThat(count("SELECT COUNT(*) FROM sso_connections WHERE organization_id = :o", "o", theirs)).isZero();
        assertThat(count("SELECT COUNT(*) FROM sso_domains WHERE organization_id = :o", "o", theirs)).isZero();
        // a plain member of one's own organization sees none of it
        Account member = memberOf(mine, "member", "e-member");
        BrowserClient m = signedIn(member);
        for (String tab : List.of("/sso", "/scim", "/audit")) assertThat(m.get("/console/organizations/" + mine + tab).statusCode()).isEqualTo(403);
    }

    @Test
    void anOrganizationAdminsAuditLogHoldsOnlyTheirOrganizationsEntries() {
        Account owner = newUser("e-aud-own");
        String mine = createOrg(owner, "name", "Audited Mine");
        Account admin = memberOf(mine, "admin", "e-aud-admin");
        Account theirOwner = newUser("e-aud-other");
        String theirs = createOrg(theirOwner, "name", "Audited Theirs");
        BrowserClient b = signedIn(admin);

        HttpResponse<String> page = b.get("/console/organizations/" + mine + "/audit");
        assertThat(page.statusCode()).isEqualTo(200);
        long mineCount = count("SELECT COUNT(*) FROM audit_log WHERE organization_id = :o", "o", mine);
        assertThat(mineCount).isGreaterThanOrEqualTo(2); // created, member added
        assertThat(page.body()).contains(mineCount + " entries match").contains("organization.created").contains(owner.id())
                .doesNotContain(theirOwner.id()).doesNotContain("href=\"/console/audit/");
        // asking for the other organization's entries through one's own page still shows one's own
        HttpResponse<String> sneaky = b.get("/console/organizations/" + mine + "/audit?organization=" + theirs + "&actor=" + theirOwner.id());
        assertThat(sneaky.statusCode()).isEqualTo(200);
        assertThat(sneaky.body()).contains("0 entries match").doesNotContain(theirOwner.id() + "</code>");
        assertThat(b.get("/console/audit?organization=" + theirs).statusCode()).isEqualTo(403);
        // a platform admin reads either organization's log
        BrowserClient p = signedIn(platformAdmin());
        assertThat(p.get("/console/organizations/" + theirs + "/audit").body()).contains(theirOwner.id());
    }

    @Test
    void theAuditLogFiltersByActorAndByTarget() {
        Account admin = platformAdmin();
        Account target = newUser("e-target");
        Account bystander = newUser("e-bystander");
        BrowserClient b = signedIn(admin);
        assertThat(submit(b, "/console/users/" + target.id(), "/console/users/" + target.id() + "/suspend",
                Map.of("reason", "audit filters", "duration", "1h")).statusCode()).isEqualTo(303);
        assertThat(submit(b, "/console/users/" + bystander.id(), "/console/users/" + bystander.id() + "/suspend",
                Map.of("reason", "audit filters", "duration", "1h")).statusCode()).isEqualTo(303);

        HttpResponse<String> both = b.get("/console/audit?type=user.suspended&actor=" + admin.id() + "&target=" + target.id());
        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(both.body()).contains("1 entries match").contains(target.id()).doesNotContain(bystander.id());
        HttpResponse<String> byActor = b.get("/console/audit?type=user.suspended&actor=" + admin.id());
        assertThat(byActor.body()).contains(target.id()).contains(bystander.id());
        // the suspended user did not act: nothing by them as actor
        HttpResponse<String> none = b.get("/console/audit?type=user.suspended&actor=" + target.id());
        assertThat(none.body()).contains("0 entries match").contains("No entry matches these filters");
        // the filters travel to the export and the pager
        HttpResponse<String> csv = b.get("/console/audit/export?format=csv&actor=" + admin.id() + "&target=" + bystander.id());
        assertThat(csv.body()).contains(bystander.id()).doesNotContain(target.id());
        assertThat(both.body()).contains("actor=" + admin.id() + "&amp;target=" + target.id());
    }

    @Test
    void scimTokensAreCreatedShownOnceAndRevokedWithConfirmation() {
        Account owner = newUser("e-scim");
        String org = createOrg(owner, "name", "Scim Co");
        BrowserClient b = signedIn(owner);
        String base = "/console/organizations/" + org + "/scim";
        HttpResponse<String> empty = b.get(base);
        assertThat(empty.body()).contains("No SCIM token").contains("/api/v1/scim/v2");

        HttpResponse<String> created = submit(b, base, base + "/tokens", Map.of("name", "Okta prod"));
        assertThat(created.statusCode()).isEqualTo(200);
        String secret = between(created.body(), "id=\"new-secret\">", "<");
        assertThat(secret).startsWith("scim_");
        assertThat(api.get("/api/v1/scim/v2/Users", "Authorization", "Bearer " + secret).status()).isEqualTo(200);
        HttpResponse<String> later = b.get(base);
        assertThat(later.body()).contains("Okta prod").doesNotContain(secret);
        String tokenId = jdbc.sql("SELECT id FROM scim_tokens WHERE organization_id = :o").param("o", org).query(String.class).single();
        assertThat(jdbc.sql("SELECT actor_id FROM domain_events WHERE type = 'scim.token_created' AND subject_id = :t").param("t", tokenId)
                .query(String.class).single()).isEqualTo(owner.id());

        HttpResponse<String> unconfirmed = submit(b, base, base + "/tokens/" + tokenId + "/revoke", Map.of());
        assertThat(location(unconfirmed)).contains("error=VALIDATION_ERROR");
        assertThat(api.get("/api/v1/scim/v2/Users", "Authorization", "Bearer " + secret).status()).isEqualTo(200);
        HttpResponse<String> revoked = submit(b, base, base + "/tokens/" + tokenId + "/revoke", Map.of("confirm", "yes"));
        assertThat(location(revoked)).endsWith(base + "?done=scim_token_revoked");
        assertThat(api.get("/api/v1/scim/v2/Users", "Authorization", "Bearer " + secret).status()).isEqualTo(401);
        assertThat(b.get(base).body()).contains("revoked");
    }

    @Test
    void anSsoConnectionIsConfiguredChangedAndRemovedAndDomainsClaimed() {
        Account owner = newUser("e-sso");
        String org = createOrg(owner, "name", "Sso Co");
        BrowserClient b = signedIn(owner);
        String base = "/console/organizations/" + org + "/sso";
        assertThat(b.get(base).body()).contains("No SSO connection yet");

        HttpResponse<String> missing = submit(b, base, base, Map.of("protocol", "oidc", "provider", "oidc", "oidcIssuer", "https://idp.example"));
        assertThat(location(missing)).contains("error=VALIDATION_ERROR");
        assertThat(count("SELECT COUNT(*) FROM sso_connections WHERE organization_id = :o", "o", org)).isZero();

        HttpResponse<String> saved = submit(b, base, base, Map.of("protocol", "oidc", "provider", "oidc", "oidcIssuer", "https://idp.example",
                "clientId", "janua-client", "clientSecret", "s3cret-value", "enabled", "true", "jitProvisioning", "true"));
        assertThat(location(saved)).endsWith(base + "?done=sso_configured");
        HttpResponse<String> page = b.get(base);
        assertThat(page.body()).contains("https://idp.example").contains("janua-client").contains("/api/v1/sso/oidc/" + org + "/callback")
                .doesNotContain("s3cret-value");
        HttpResponse<String> changed = submit(b, base, base, Map.of("protocol", "oidc", "provider", "oidc", "oidcIssuer", "https://idp2.example",
                "clientId", "janua-client", "enabled", "true"));
        assertThat(location(changed)).endsWith(base + "?done=sso_updated");
        assertThat(b.get(base).body()).contains("https://idp2.example");
        assertThat(jdbc.sql("SELECT actor_id FROM domain_events WHERE type = 'sso.updated' AND organization_id = :o").param("o", org)
                .query(String.class).single()).isEqualTo(owner.id());

        HttpResponse<String> domain = submit(b, base, base + "/domains", Map.of("domain", "sso-co-" + System.nanoTime() + ".example"));
        assertThat(location(domain)).endsWith(base + "?done=domain_added");
        String claimed = jdbc.sql("SELECT domain FROM sso_domains WHERE organization_id = :o").param("o", org).query(String.class).single();
        assertThat(b.get(base).body()).contains(claimed).contains("not verified");
        assertThat(location(submit(b, base, base + "/domains/" + claimed + "/remove", Map.of()))).contains("error=VALIDATION_ERROR");
        assertThat(location(submit(b, base, base + "/domains/" + claimed + "/remove", Map.of("confirm", "yes")))).endsWith("done=domain_removed");
        assertThat(count("SELECT COUNT(*) FROM sso_domains WHERE organization_id = :o", "o", org)).isZero();

        assertThat(location(submit(b, base, base + "/delete", Map.of()))).contains("error=VALIDATION_ERROR");
        assertThat(location(submit(b, base, base + "/delete", Map.of("confirm", "yes")))).endsWith("done=sso_deleted");
        assertThat(count("SELECT COUNT(*) FROM sso_connections WHERE organization_id = :o", "o", org)).isZero();
    }

    @Test
    void aUsersPasskeysAndLinkedIdentitiesAreListedAndRemovedWithTheAdminAsActor() {
        Account admin = platformAdmin();
        Account user = newUser("e-methods");
        Timestamp now = Timestamp.from(Instant.now());
        String passkey = "pk_console" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO passkeys (id, user_id, credential_id, public_key_cose, sign_count, uv_initialized, backup_eligible, backed_up,
                  transports, aaguid, attestation_format, name, created_at)
                VALUES (:id, :u, :c, 'cose', 0, TRUE, TRUE, TRUE, 'internal', '00000000-0000-0000-0000-000000000000', 'none', 'Work laptop', :t)""")
                .param("id", passkey).param("u", user.id()).param("c", "cred-" + passkey).param("t", now).update();
        String identity = "idn_console" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO social_identities (id, user_id, provider, subject, email, email_verified, display_name, created_at)
                VALUES (:id, :u, 'github', :s, 'octo@example.com', TRUE, 'Octo', :t)""")
                .param("id", identity).param("u", user.id()).param("s", "gh-" + identity).param("t", now).update();
        BrowserClient b = signedIn(admin);
        String page = "/console/users/" + user.id();
        HttpResponse<String> shown = b.get(page);
        assertThat(shown.body()).contains("id=\"user-passkeys\"").contains("Work laptop").contains("id=\"user-identities\"")
                .contains("github").contains("octo@example.com");

        assertThat(location(submit(b, page, page + "/passkeys/" + passkey + "/remove", Map.of()))).contains("error=VALIDATION_ERROR");
        assertThat(count("SELECT COUNT(*) FROM passkeys WHERE id = :p", "p", passkey)).isOne();
        assertThat(location(submit(b, page, page + "/passkeys/" + passkey + "/remove", Map.of("confirm", "yes")))).endsWith("done=passkey_removed");
        assertThat(count("SELECT COUNT(*) FROM passkeys WHERE id = :p", "p", passkey)).isZero();
        assertThat(location(submit(b, page, page + "/identities/" + identity + "/unlink", Map.of("confirm", "yes")))).endsWith("done=identity_unlinked");
        assertThat(count("SELECT COUNT(*) FROM social_identities WHERE id = :i", "i", identity)).isZero();
        for (String type : List.of("passkey.deleted", "identity.unlinked")) {
            assertThat(jdbc.sql("SELECT actor_id FROM domain_events WHERE type = :t AND subject_id = :u").param("t", type).param("u", user.id())
                    .query(String.class).single()).as(type).isEqualTo(admin.id());
        }
        HttpResponse<String> after = b.get(page);
        assertThat(after.body()).contains("No passkey.").contains("No linked account.");
        // an organization admin does not reach users' pages at all
        String org = createOrg(newUser("e-m-owner"));
        Account orgAdmin = memberOf(org, "admin", "e-m-orgadmin");
        HttpResponse<String> refused = signedIn(orgAdmin).get(page);
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
