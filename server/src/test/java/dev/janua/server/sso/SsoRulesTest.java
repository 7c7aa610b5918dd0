package dev.janua.server.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onelogin.saml2.exception.ValidationError;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.sso.domain.AttributeMapping;
import dev.janua.server.sso.domain.DomainNames;
import dev.janua.server.sso.domain.SafeXml;
import dev.janua.server.sso.domain.SamlMetadata;
import dev.janua.server.sso.domain.SamlRejection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSO module's rules without a server: attribute mapping, domain names, metadata, refusal codes, XML safety. */
class SsoRulesTest {

    @Test
    void mappingUsesTheAdminsAttributeNamesElseTheCommonOnesElseTheNameId() {
        Map<String, List<String>> entra = Map.of(
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", List.of("Ada@Acme.test"),
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", List.of("Ada"),
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", List.of("g1", "g2"));
        AttributeMapping.MappedProfile p = AttributeMapping.defaults().apply("nameid-123", entra);
        assertThat(p.email()).isEqualTo("ada@acme.test");
        assertThat(p.firstName()).isEqualTo("Ada");
        assertThat(p.groups()).containsExactly("g1", "g2");

        AttributeMapping explicit = new AttributeMapping("mail", null, null, "roles");
        assertThat(explicit.apply("x", Map.of("email", List.of("other@acme.test"))).email())
                .as("an explicit mapping is never second-guessed").isNull();
        assertThat(AttributeMapping.defaults().apply("grace@acme.test", Map.of()).email()).isEqualTo("grace@acme.test");
        assertThat(AttributeMapping.defaults().apply("opaque-id", Map.of()).email()).isNull();
    }

    @Test
    void domainsAreNormalisedAndJunkIsRefused() {
        assertThat(DomainNames.normalize(" Acme.Test. ")).contains("acme.test");
        assertThat(DomainNames.normalize("bücher.example")).contains("xn--bcher-kva.example");
        assertThat(DomainNames.normalize("localhost")).isEmpty();
        assertThat(DomainNames.normalize("*.acme.test")).isEmpty();
        assertThat(DomainNames.normalize("10.0.0.1")).isEmpty();
        assertThat(DomainNames.normalize("a b.test")).isEmpty();
        assertThat(DomainNames.ofEmail("x@Sub.Acme.test")).contains("sub.acme.test");
        assertThat(DomainNames.ofEmail("no-at-sign")).isEmpty();
    }

    @Test
    void metadataListsEveryCertificateForRolloverAndRefusesIncompleteDocuments() {
        SamlTestIdp idp = new SamlTestIdp("https://idp.test/x", SamlTestIdp.key("idp"), SamlTestIdp.key("idp-next"));
        var d = SamlMetadata.parse(idp.metadataXml());
        assertThat(d.entityId()).isEqualTo("https://idp.test/x");
        assertThat(d.ssoUrl()).isEqualTo(idp.ssoUrl);
        assertThat(d.certificates()).hasSize(2);
        assertThatThrownBy(() -> SamlMetadata.parse("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"e\"/>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamlMetadata.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void xmlWithADoctypeIsNeverParsed() {
        assertThatThrownBy(() -> SafeXml.parse("<!DOCTYPE a><a/>")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SafeXml.parse("<a xmlns=\"urn:x\"/>").getDocumentElement().getLocalName()).isEqualTo("a");
    }

    @Test
    void everyJavaSamlFailureMapsToAStableClientErrorCode() throws Exception {
        for (var f : ValidationError.class.getFields()) {
            if (f.getType() != int.class) continue;
            ErrorCode code = SamlRejection.from(new ValidationError("x", f.getInt(null))).code();
            assertThat(code.status().is4xxClientError()).as(f.getName()).isTrue();
            assertThat(code.name()).as(f.getName()).startsWith("SAML_");
        }
        assertThat(SamlRejection.from(new ValidationError("x", ValidationError.WRONG_AUDIENCE)).code()).isEqualTo(ErrorCode.SAML_AUDIENCE_INVALID);
        assertThat(SamlRejection.from(new ValidationError("A valid SubjectConfirmation was not found on this Response: "
                + "SubjectConfirmationData doesn't match a valid Recipient", ValidationError.WRONG_SUBJECTCONFIRMATION)).code())
                .isEqualTo(ErrorCode.SAML_RECIPIENT_INVALID);
        assertThat(SamlRejection.from(new IllegalStateException("boom")).code()).isEqualTo(ErrorCode.SAML_RESPONSE_INVALID);
    }
}
