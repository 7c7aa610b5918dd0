package dev.janua.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.organizations.domain.OrganizationRules;
import dev.janua.server.platform.errors.JanuaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationRulesTest {

    @Test
    void slugsComeFromNamesInPlainAscii() {
        assertThat(OrganizationRules.slugFromName("Acme Corporation")).isEqualTo("acme-corporation");
        assertThat(OrganizationRules.slugFromName("  Café Müller & Söhne!! ")).isEqualTo("cafe-muller-sohne");
        assertThat(OrganizationRules.slugFromName("株式会社")).isEqualTo("org");
        assertThat(OrganizationRules.slugFromName("x".repeat(80))).hasSize(55);
    }

    @Test
    void explicitSlugsMustAlreadyBeSlugs() {
        assertThat(OrganizationRules.slug("Acme-Corp")).isEqualTo("acme-corp");
        for (String bad : List.of("-acme", "acme-", "ac me", "acme_corp", "")) {
            assertThatThrownBy(() -> OrganizationRules.slug(bad)).as(bad).isInstanceOf(JanuaException.class);
        }
    }

    @Test
    void ipRangesAreLiteralCidrBlocks() {
        assertThat(OrganizationRules.ipRanges(List.of("192.168.1.0/24", "10.0.0.1", "2001:DB8::/32", "10.0.0.1")))
                .containsExactly("192.168.1.0/24", "10.0.0.1", "2001:db8::/32");
        for (String bad : List.of("192.168.1.0/33", "256.1.1.1", "example.com", "::1/129", "1.2.3.4/8/9", "fe80::zz")) {
            assertThatThrownBy(() -> OrganizationRules.ipRanges(List.of(bad))).as(bad).isInstanceOf(JanuaException.class);
        }
    }

    @Test
    void domainsAndTimeoutsAreChecked() {
        assertThat(OrganizationRules.domains(List.of("Acme.COM", "eu.acme.com", "acme.com"))).containsExactly("acme.com", "eu.acme.com");
        assertThatThrownBy(() -> OrganizationRules.domains(List.of("localhost"))).isInstanceOf(JanuaException.class);
        assertThat(OrganizationRules.sessionTimeout(28800)).isEqualTo(28800);
        assertThatThrownBy(() -> OrganizationRules.sessionTimeout(299)).isInstanceOf(JanuaException.class);
        assertThatThrownBy(() -> OrganizationRules.sessionTimeout(86401)).isInstanceOf(JanuaException.class);
    }

    @Test
    void allowedDomainsRestrictEmailsOnlyWhenSet() {
        OrganizationSettings open = OrganizationSettings.defaults();
        OrganizationSettings closed = new OrganizationSettings(true, false, "member", false, false, null, List.of("acme.com"), List.of());
        assertThat(open.allowsEmail("a@anything.org")).isTrue();
        assertThat(closed.allowsEmail("a@ACME.com")).isTrue();
        assertThat(closed.allowsEmail("a@evil-acme.com")).isFalse();
        assertThat(closed.allowsEmail("a@acme.com.evil.org")).isFalse();
    }
}
