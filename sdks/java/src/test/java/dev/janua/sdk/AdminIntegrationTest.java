package dev.janua.sdk;

import dev.janua.sdk.errors.AuthorizationException;
import dev.janua.sdk.model.AdminUser;
import dev.janua.sdk.model.AuditEntry;
import dev.janua.sdk.model.ChainVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;

import static dev.janua.sdk.TestSupport.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Administration as the bootstrap admin (JANUA_ADMIN_EMAIL / JANUA_ADMIN_PASSWORD). */
@ExtendWith(JanuaServer.class)
class AdminIntegrationTest {

    @Test
    void adminManagesUsersAndReadsTheAuditLog() {
        JanuaClient admin = TestSupport.admin();
        assertTrue(admin.auth().getCurrentUser().isAdmin());

        String email = TestSupport.email("managed");
        AdminUser created = admin.users().create(UserParams.builder().email(email).password(PASSWORD).firstName("Managed").emailVerified(true));
        assertEquals(email, created.email());
        assertEquals(created.id(), admin.users().get(created.id()).id());
        assertEquals(created.id(), admin.users().getByEmail(email).id());
        assertEquals("Renamed", admin.users().update(created.id(), UserParams.builder().firstName("Renamed")).firstName());

        // pages of two, walked by cursor, see every user once
        for (int i = 0; i < 3; i++) admin.users().create(UserParams.builder().email(TestSupport.email("bulk")).password(PASSWORD));
        Page<AdminUser> first = admin.users().list(UserListParams.builder().limit(2));
        assertEquals(2, first.size());
        assertTrue(first.hasMore());
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (AdminUser u : first.autoPagingIterable()) {
            ids.add(u.id());
            n++;
        }
        assertEquals(n, ids.size(), "no user twice");
        assertTrue(ids.contains(created.id()));
        assertEquals(1, admin.users().list(UserListParams.builder().search(email)).size());

        AdminUser suspended = admin.users().suspend(created.id(), "java sdk test");
        assertEquals("suspended", suspended.status());
        AuthorizationException refused = assertThrows(AuthorizationException.class, () -> TestSupport.client().auth().signIn(email, PASSWORD));
        assertEquals("ACCOUNT_SUSPENDED", refused.code());
        assertEquals("active", admin.users().unsuspend(created.id()).status());
        assertNotNull(TestSupport.client().auth().signIn(email, PASSWORD).tokens());
        assertFalse(admin.users().unlock(created.id()).locked());

        Page<AuditEntry> audit = admin.auditLogs().listAll(AuditLogParams.builder().userId(created.id()).limit(50));
        assertTrue(audit.data().stream().anyMatch(e -> e.eventType().startsWith("user.")), "audit records about the user");
        ChainVerification chain = admin.auditLogs().verify();
        assertTrue(chain.valid());
        assertTrue(admin.auditLogs().export("json", AuditLogParams.builder().userId(created.id())).contains(created.id()));

        assertTrue(admin.users().delete(created.id()).success());
        assertThrows(dev.janua.sdk.errors.NotFoundException.class, () -> admin.users().get(created.id()));

        // a plain user is not an admin
        JanuaClient plain = TestSupport.newUser(TestSupport.email("plain"));
        assertEquals("INSUFFICIENT_PERMISSIONS", assertThrows(AuthorizationException.class, () -> plain.users().list()).code());
    }
}
