package dev.janua.server.sso.app;

import com.onelogin.saml2.authn.AuthnRequest;
import com.onelogin.saml2.authn.AuthnRequestParams;
import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.settings.Metadata;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import com.onelogin.saml2.util.Constants;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.sso.domain.SafeXml;
import dev.janua.server.sso.domain.SamlRejection;
import dev.janua.server.sso.domain.SsoConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Janua as a SAML 2.0 service provider for one organization (SAML 2.0 Profiles §4.1, Web Browser SSO),
 * on java-saml in strict mode: the response or its assertion must be signed by a certificate of the
 * IdP's metadata (SHA-1 refused), and Destination, Recipient, Audience, Issuer, NotBefore/NotOnOrAfter
 * (3 minutes of clock skew, java-saml's constant) and InResponseTo are all checked, as is the XML
 * schema. Each organization is its own SP: entity id {@code …/sso/saml/{org}/metadata}, ACS
 * {@code …/sso/saml/{org}/acs}, so a response made for one organization fails the audience and
 * destination checks of every other.
 *
 * <p>No network and no database here: {@link #validate} is a pure function of the connection and
 * the posted response (replay and InResponseTo bookkeeping are {@link SamlSignIn}'s).
 */
@Component
public class SamlServiceProvider {
    private static final Logger log = LoggerFactory.getLogger(SamlServiceProvider.class);
    /** SAML responses are a few KB; anything near this is not one (BodySizeLimitFilter caps the request too). */
    private static final int MAX_RESPONSE_CHARS = 512 * 1024;
    private final PublicUrl publicUrl;

    public SamlServiceProvider(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String entityId(String organizationId) {
        return publicUrl.base() + "/api/v1/sso/saml/" + organizationId + "/metadata";
    }

    public String acsUrl(String organizationId) {
        return publicUrl.base() + "/api/v1/sso/saml/" + organizationId + "/acs";
    }

    /** The SP metadata document an IdP admin imports (SAML 2.0 Metadata §2.4.4 SPSSODescriptor). */
    public String metadata(String organizationId) {
        try {
            Saml2Settings settings = settings(organizationId, null);
            return new Metadata(settings).getMetadataString();
        } catch (Exception e) {
            throw new IllegalStateException("SP metadata could not be generated", e);
        }
    }

    /** An AuthnRequest for the HTTP-Redirect binding (Bindings §3.4): its id, and the URL to send the browser to. */
    public record Redirect(String requestId, String url) {}

    public Redirect authnRequest(SsoConnection c, String relayState) {
        try {
            Saml2Settings settings = settings(c.organizationId(), c);
            AuthnRequest request = new AuthnRequest(settings, new AuthnRequestParams(false, false, true));
            String sso = c.idp().ssoUrl();
            StringBuilder url = new StringBuilder(sso).append(sso.contains("?") ? '&' : '?')
                    .append("SAMLRequest=").append(URLEncoder.encode(request.getEncodedAuthnRequest(true), StandardCharsets.UTF_8));
            if (relayState != null) url.append("&RelayState=").append(URLEncoder.encode(relayState, StandardCharsets.UTF_8));
            return new Redirect(request.getId(), url.toString());
        } catch (Exception e) {
            throw new IllegalStateException("AuthnRequest could not be built", e);
        }
    }

    /** What the response claims before anything is trusted: only used to pick the pending request to check against. */
    public record Envelope(String inResponseTo) {}

    /** Decodes the POST-binding value (Bindings §3.5.4) and parses it safely; refuses DOCTYPEs (XXE, entity expansion). */
    public Envelope open(String samlResponse) {
        Document doc;
        try {
            doc = SafeXml.parse(decode(samlResponse));
        } catch (IllegalArgumentException e) {
            // malformed, or a DOCTYPE (XXE, entity expansion): refused before anything is expanded
            throw SamlRejection.of(ErrorCode.SAML_RESPONSE_INVALID, "unacceptable_xml");
        }
        Element root = doc.getDocumentElement();
        if (!Constants.NS_SAMLP.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw SamlRejection.of(ErrorCode.SAML_RESPONSE_INVALID, "not_a_response");
        }
        String irt = root.hasAttribute("InResponseTo") ? root.getAttribute("InResponseTo") : null;
        return new Envelope(irt == null || irt.isBlank() ? null : irt);
    }

    /** A response that passed every check, as far as sign-in needs it. */
    public record ValidatedAssertion(String assertionId, String subject, String nameIdFormat, Map<String, List<String>> attributes,
                                     Instant notOnOrAfter) {}

    /**
     * Validates the response for {@code c}: {@code requestId} is the AuthnRequest it must answer, or
     * null for an IdP-initiated response (which must then carry no InResponseTo).
     */
    public ValidatedAssertion validate(SsoConnection c, String samlResponse, String requestId) {
        open(samlResponse); // the DOCTYPE guard runs before java-saml's own parser ever sees the bytes
        try {
            Saml2Settings settings = settings(c.organizationId(), c);
            SamlResponse response = new SamlResponse(settings, acsUrl(c.organizationId()), samlResponse.replaceAll("\\s", ""));
            if (!response.isValid(requestId)) {
                Exception why = response.getValidationException();
                log.info("SAML response refused for {}: {}", c.organizationId(), why == null ? "unknown" : why.getMessage());
                throw SamlRejection.from(why == null ? new IllegalStateException("invalid") : why);
            }
            String subject = response.getNameId();
            if (subject == null || subject.isBlank()) throw SamlRejection.of(ErrorCode.SAML_RESPONSE_INVALID, "no_nameid");
            List<org.joda.time.Instant> expiries = response.getAssertionNotOnOrAfter();
            Instant notOnOrAfter = expiries == null ? null
                    : expiries.stream().map(i -> Instant.ofEpochMilli(i.getMillis())).max(Instant::compareTo).orElse(null);
            Map<String, List<String>> attributes = new HashMap<>(response.getAttributes());
            return new ValidatedAssertion(response.getAssertionId(), subject.trim(), response.getNameIdFormat(), attributes, notOnOrAfter);
        } catch (dev.janua.server.platform.errors.JanuaException e) {
            throw e;
        } catch (Exception e) {
            log.info("SAML response unreadable for {}: {}", c.organizationId(), e.toString());
            throw SamlRejection.from(e);
        }
    }

    private static String decode(String samlResponse) {
        if (samlResponse == null || samlResponse.isBlank()) throw SamlRejection.of(ErrorCode.SAML_RESPONSE_INVALID, "missing");
        if (samlResponse.length() > MAX_RESPONSE_CHARS) throw SamlRejection.of(ErrorCode.SAML_RESPONSE_INVALID, "too_large");
        try {
            return new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SamlRejection.of(ErrorCode.SAML_RESPONSE_INVALID, "not_base64");
        }
    }

    private Saml2Settings settings(String organizationId, SsoConnection c) {
        Map<String, Object> v = new HashMap<>();
        v.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        v.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, entityId(organizationId));
        v.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, acsUrl(organizationId));
        v.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_BINDING_PROPERTY_KEY, Constants.BINDING_HTTP_POST);
        v.put(SettingsBuilder.SP_NAMEIDFORMAT_PROPERTY_KEY, Constants.NAMEID_UNSPECIFIED);
        v.put(SettingsBuilder.SECURITY_WANT_XML_VALIDATION, true);
        v.put(SettingsBuilder.SECURITY_REJECT_DEPRECATED_ALGORITHM, true);
        v.put(SettingsBuilder.SECURITY_REJECT_UNSOLICITED_RESPONSES_WITH_INRESPONSETO, true);
        v.put(SettingsBuilder.SECURITY_WANT_NAMEID, true);
        // either the Response or the Assertion must carry a valid signature: java-saml refuses a response with
        // neither ("No Signature found"), and IdPs differ in which one they sign (Okta: both; Entra: assertion)
        v.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, false);
        v.put(SettingsBuilder.SECURITY_WANT_MESSAGES_SIGNED, false);
        v.put(SettingsBuilder.SECURITY_AUTHREQUEST_SIGNED, false);
        v.put(SettingsBuilder.UNIQUE_ID_PREFIX_PROPERTY_KEY, "janua_");
        if (c != null && c.idp() != null) {
            v.put(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY, c.idp().entityId());
            v.put(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY, c.idp().ssoUrl());
            v.put(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_BINDING_PROPERTY_KEY, Constants.BINDING_HTTP_REDIRECT);
            List<String> certs = c.idp().certificates();
            for (int i = 0; i < certs.size(); i++) v.put(SettingsBuilder.IDP_X509CERTMULTI_PROPERTY_KEY + "." + i, pem(certs.get(i)));
        }
        return new SettingsBuilder().fromValues(v).build();
    }

    private static String pem(String base64Der) {
        return "-----BEGIN CERTIFICATE-----\n" + base64Der + "\n-----END CERTIFICATE-----";
    }
}
