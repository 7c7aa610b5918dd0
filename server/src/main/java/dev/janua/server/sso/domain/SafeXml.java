package dev.janua.server.sso.domain;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The only way SAML XML (responses, IdP metadata) is parsed before a library sees it: namespace
 * aware, and any DOCTYPE refused outright — SAML never needs one, and refusing it closes XXE and
 * entity expansion ("billion laughs") at the door (OWASP XXE prevention cheat sheet, JAXP).
 */
public final class SafeXml {
    private SafeXml() {}

    /** Parses {@code xml}; throws {@link IllegalArgumentException} for anything malformed or carrying a DOCTYPE. */
    public static Document parse(String xml) {
        if (xml == null || xml.isBlank()) throw new IllegalArgumentException("empty document");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not acceptable XML: " + e.getClass().getSimpleName(), e);
        }
    }
}
