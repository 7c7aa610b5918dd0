package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventCatalogueTest {
    @Test
    void seedNamesAreAliasesOfOneCanonicalType() {
        assertThat(EventCatalogue.canonical("auth.login")).contains("user.signin");
        assertThat(EventCatalogue.canonical("auth.logout")).contains("user.signout");
        assertThat(EventCatalogue.canonical("organization.member_role_changed")).contains("organization.role_changed");
        // issue 9 names passkey.created / passkey.deleted canonical; seed 002's name and the earlier ones stay aliases
        assertThat(EventCatalogue.canonical("auth.passkey_registered")).contains("passkey.created");
        assertThat(EventCatalogue.canonical("passkey.registered")).contains("passkey.created");
        assertThat(EventCatalogue.canonical("passkey.removed")).contains("passkey.deleted");
        assertThat(EventCatalogue.canonical("session.deleted")).contains("session.revoked");
        assertThat(EventCatalogue.canonical("user.created")).contains("user.created");
        assertThat(EventCatalogue.canonical("user.teleported")).isEmpty();
    }

    @Test
    void patternsMatchExactTypesPrefixesAndEverything() {
        assertThat(EventCatalogue.normalisePattern("auth.login")).contains("user.signin");
        assertThat(EventCatalogue.normalisePattern("user.*")).contains("user.*");
        assertThat(EventCatalogue.normalisePattern("nothing.*")).isEmpty();
        assertThat(EventCatalogue.matches("*", "webhook.disabled")).isTrue();
        assertThat(EventCatalogue.matches("user.*", "user.signin")).isTrue();
        assertThat(EventCatalogue.matches("user.*", "session.created")).isFalse();
        assertThat(EventCatalogue.matches("auth.*", "user.signin")).isTrue(); // auth.login is an alias of user.signin
        assertThat(EventCatalogue.matches("user.signin", "user.signout")).isFalse();
    }
}
