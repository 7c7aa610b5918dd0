package dev.janua.server.sso;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SAML 2.0 identity provider built for the tests: it writes Responses as an IdP would (the
 * elements and order of saml-schema-protocol-2.0), signs the Assertion and/or the Response with
 * its test key (RSA-SHA256, exclusive C14N, enveloped), and publishes its metadata over HTTP so a
 * connection can be configured by URL — the certificates it lists can be changed to play a rollover.
 */
public final class SamlTestIdp {
    public static final String NS_SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String NS_SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String NS_DS = "http://www.w3.org/2000/09/xmldsig#";

    static {
        org.apache.xml.security.Init.init();
    }

    public record Key(PrivateKey privateKey, X509Certificate certificate) {
        public String certBase64() {
            try {
                return Base64.getEncoder().encodeToString(certificate.getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Key key(String name) {
        try (InputStream crt = SamlTestIdp.class.getResourceAsStream("/sso/" + name + ".crt");
             InputStream pk = SamlTestIdp.class.getResourceAsStream("/sso/" + name + ".pk8.pem")) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(crt);
            String pem = new String(pk.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new Key(key, cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public final String entityId;
    public volatile String ssoUrl;
    private final AtomicReference<List<Key>> published = new AtomicReference<>();
    private HttpServer server;

    public SamlTestIdp(String entityId, Key... publishedKeys) {
        this.entityId = entityId;
        this.ssoUrl = "https://idp.test/sso/" + UUID.randomUUID();
        this.published.set(List.of(publishedKeys));
    }

    /** Changes the certificates the metadata lists (a rollover announces the next key beside the current one). */
    public void publish(Key... keys) {
        published.set(List.of(keys));
    }

    public String metadataXml() {
        StringBuilder kd = new StringBuilder();
        for (Key k : published.get()) {
            kd.append("<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"").append(NS_DS).append("\"><ds:X509Data><ds:X509Certificate>")
                    .append(k.certBase64()).append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>");
        }
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + entityId + "\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + kd
                + "<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + ssoUrl + "\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    /** Serves the metadata at {@code http://127.0.0.1:<port>/metadata}; returns that URL. */
    public synchronized String serveMetadata() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/metadata", ex -> {
                byte[] body = metadataXml().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metadata";
    }

    /**
     * Makes this IdP answer its single sign-on URL for real: the browser arrives with an AuthnRequest
     * (HTTP-Redirect binding), and gets the IdP's page — a form that posts {@code respond(requestId)},
     * signed, with the RelayState back to the ACS the request names (HTTP-POST binding). Call before configuring the
     * connection: the metadata then names this URL.
     */
    public synchronized void serveSso(java.util.function.Function<String, String> respond) {
        serveMetadata();
        server.createContext("/sso", ex -> {
            Map<String, String> q = new LinkedHashMap<>();
            String raw = ex.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String kv : raw.split("&")) {
                    int i = kv.indexOf('=');
                    if (i > 0) q.put(kv.substring(0, i), java.net.URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
            String request = inflate(Base64.getDecoder().decode(q.getOrDefault("SAMLRequest", "")));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(" ID=\"([^\"]+)\"").matcher(request);
            String requestId = m.find() ? m.group(1) : null;
            String relay = q.get("RelayState");
            java.util.regex.Matcher acs = java.util.regex.Pattern.compile("AssertionConsumerServiceURL=\"([^\"]+)\"").matcher(request);
            String acsUrl = acs.find() ? acs.group(1) : "";
            String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Test IdP</title></head><body><h1>Test IdP</h1>"
                    + "<form id=\"idp\" method=\"post\" action=\"" + acsUrl + "\">"
                    + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + respond.apply(requestId) + "\">"
                    + (relay == null ? "" : "<input type=\"hidden\" name=\"RelayState\" value=\"" + esc(relay) + "\">")
                    + "<button type=\"submit\">Continue</button></form></body></html>";
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        ssoUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/sso";
    }

    private static String inflate(byte[] deflated) {
        try {
            java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
            inf.setInput(deflated);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && inf.needsInput()) break;
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    public synchronized void stop() {
        if (server != null) server.stop(0);
        server = null;
    }

    /** Everything a Response says; tests change one field to make it wrong. */
    public static final class Assertion {
        public String responseId = "_r" + UUID.randomUUID();
        public String assertionId = "_a" + UUID.randomUUID();
        public String issuer;
        public String destination;
        public String recipient;
        public String audience;
        public String inResponseTo;
        public String nameId;
        public String nameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
        public Instant issueInstant = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        public Instant notBefore = issueInstant.minusSeconds(30);
        public Instant notOnOrAfter = issueInstant.plusSeconds(300);
        public Map<String, List<String>> attributes = new LinkedHashMap<>();
        public String statusCode = "urn:oasis:names:tc:SAML:2.0:status:Success";
        /** Raw XML put in the NameID element as is (comment injection). */
        public String rawNameIdXml;

        public Assertion attribute(String name, String... values) {
            attributes.put(name, List.of(values));
            return this;
        }
    }

    /** A Response for the SP at {@code acsUrl}/{@code spEntityId}, as this IdP would issue it. */
    public Assertion assertion(String spEntityId, String acsUrl, String nameId) {
        Assertion a = new Assertion();
        a.issuer = entityId;
        a.destination = acsUrl;
        a.recipient = acsUrl;
        a.audience = spEntityId;
        a.nameId = nameId;
        return a;
    }

    public static String responseXml(Assertion a) {
        String irt = a.inResponseTo == null ? "" : " InResponseTo=\"" + a.inResponseTo + "\"";
        StringBuilder attrs = new StringBuilder();
        if (!a.attributes.isEmpty()) {
            attrs.append("<saml:AttributeStatement>");
            a.attributes.forEach((name, values) -> {
                attrs.append("<saml:Attribute Name=\"").append(name).append("\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">");
                for (String v : values) attrs.append("<saml:AttributeValue>").append(esc(v)).append("</saml:AttributeValue>");
                attrs.append("</saml:Attribute>");
            });
            attrs.append("</saml:AttributeStatement>");
        }
        String nameId = a.rawNameIdXml != null ? a.rawNameIdXml : esc(a.nameId);
        return "<samlp:Response xmlns:samlp=\"" + NS_SAMLP + "\" xmlns:saml=\"" + NS_SAML + "\" ID=\"" + a.responseId + "\" Version=\"2.0\""
                + " IssueInstant=\"" + a.issueInstant + "\" Destination=\"" + a.destination + "\"" + irt + ">"
                + "<saml:Issuer>" + a.issuer + "</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"" + a.statusCode + "\"/></samlp:Status>"
                + "<saml:Assertion xmlns:saml=\"" + NS_SAML + "\" ID=\"" + a.assertionId + "\" Version=\"2.0\" IssueInstant=\"" + a.issueInstant + "\">"
                + "<saml:Issuer>" + a.issuer + "</saml:Issuer>"
                + "<saml:Subject><saml:NameID Format=\"" + a.nameIdFormat + "\">" + nameId + "</saml:NameID>"
                + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"><saml:SubjectConfirmationData"
                + irt + " NotOnOrAfter=\"" + a.notOnOrAfter + "\" Recipient=\"" + a.recipient + "\"/></saml:SubjectConfirmation></saml:Subject>"
                + "<saml:Conditions NotBefore=\"" + a.notBefore + "\" NotOnOrAfter=\"" + a.notOnOrAfter + "\">"
                + "<saml:AudienceRestriction><saml:Audience>" + a.audience + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
                + "<saml:AuthnStatement AuthnInstant=\"" + a.issueInstant + "\" SessionIndex=\"" + a.assertionId + "\">"
                + "<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
                + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
                + attrs + "</saml:Assertion></samlp:Response>";
    }

    /** Signs what {@code signAssertion}/{@code signResponse} say with {@code key}; returns the DOM. */
    public static Document signed(Assertion a, Key key, boolean signAssertion, boolean signResponse) {
        Document doc = parse(responseXml(a));
        if (signAssertion) sign(assertionOf(doc), key);
        if (signResponse) sign(doc.getDocumentElement(), key);
        return doc;
    }

    public static String encode(Document doc) {
        return Base64.getEncoder().encodeToString(serialize(doc).getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    public String signedResponse(Assertion a, Key key) {
        return encode(signed(a, key, true, true));
    }

    public static Element assertionOf(Document doc) {
        return (Element) doc.getElementsByTagNameNS(NS_SAML, "Assertion").item(0);
    }

    /** Enveloped XML-DSig over {@code el} (by its ID), placed right after its Issuer as the schema wants. */
    public static void sign(Element el, Key key) {
        try {
            Document doc = el.getOwnerDocument();
            el.setIdAttributeNS(null, "ID", true);
            XMLSignature sig = new XMLSignature(doc, null, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            Node issuer = firstChild(el, NS_SAML, "Issuer");
            el.insertBefore(sig.getElement(), issuer == null ? el.getFirstChild() : issuer.getNextSibling());
            Transforms t = new Transforms(doc);
            t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            sig.addDocument("#" + el.getAttribute("ID"), t, "http://www.w3.org/2001/04/xmlenc#sha256");
            sig.addKeyInfo(key.certificate());
            sig.sign(key.privateKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Element firstChild(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) return e;
        }
        return null;
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String serialize(Document doc) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
