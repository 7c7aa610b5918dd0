package dev.janua.server.sso.domain;

import com.onelogin.saml2.settings.IdPMetadataParser;
import com.onelogin.saml2.settings.SettingsBuilder;
import com.onelogin.saml2.util.Constants;
import dev.janua.server.sso.domain.SsoConnection.IdpDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPathException;

/**
 * Reads an IdP's SAML metadata (SAML 2.0 Metadata, OASIS saml-metadata-2.0-os §2.4.3
 * IDPSSODescriptor): the entity id, the HTTP-Redirect single sign-on URL, and every signing
 * certificate — IdPs announce the next certificate beside the current one before a rollover, and
 * a response signed by either is accepted.
 */
public final class SamlMetadata {
    private SamlMetadata() {}

    /** Throws {@link IllegalArgumentException} when the document is not usable IdP metadata. */
    public static IdpDescriptor parse(String xml) {
        Map<String, Object> info;
        try {
            info = IdPMetadataParser.parseXML(SafeXml.parse(xml), null, null, Constants.BINDING_HTTP_REDIRECT, Constants.BINDING_HTTP_REDIRECT);
        } catch (XPathException e) {
            throw new IllegalArgumentException("unreadable metadata", e);
        }
        String entityId = (String) info.get(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY);
        String ssoUrl = (String) info.get(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY);
        List<String> certs = new ArrayList<>();
        addCert(certs, info.get(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY));
        for (int i = 0; info.containsKey(SettingsBuilder.IDP_X509CERTMULTI_PROPERTY_KEY + "." + i); i++) {
            addCert(certs, info.get(SettingsBuilder.IDP_X509CERTMULTI_PROPERTY_KEY + "." + i));
        }
        if (entityId == null || entityId.isBlank()) throw new IllegalArgumentException("no IDPSSODescriptor with an entityID");
        if (ssoUrl == null || !(ssoUrl.startsWith("https://") || ssoUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("no SingleSignOnService location");
        }
        if (certs.isEmpty()) throw new IllegalArgumentException("no signing certificate");
        return new IdpDescriptor(entityId, ssoUrl, certs);
    }

    private static void addCert(List<String> certs, Object value) {
        if (value == null) return;
        String c = value.toString().replaceAll("\\s+", "");
        if (!c.isEmpty() && !certs.contains(c)) certs.add(c);
    }
}
