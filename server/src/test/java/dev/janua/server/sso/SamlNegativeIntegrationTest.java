package dev.janua.server.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SAML negative suite, counted: every forged, stale, misdirected or malicious response is
 * refused with a stable 4xx code, never a 500, and nobody is signed in. Signature wrapping follows
 * the eight XSW variants of Somorovsky et al., "On Breaking SAML" (USENIX Security 2012), as
 * SAML Raider builds them; the attacker always asserts a victim who is a real member, so an
 * accepted forgery would be a takeover.
 */
class SamlNegativeIntegrationTest extends SsoTestSupport {
    private static final Map<String, String> RESULTS = new LinkedHashMap<>();
    private SsoOrg o;
    private String victim;

    @BeforeEach
    void org() {
        o = ssoOrg("allowIdpInitiated", true);
        victim = o.email("victim");
        // the victim exists and is a member: signed in once legitimately
        SamlTestIdp.Assertion a = o.idp().assertion(o.spEntityId(), o.acsUrl(), victim);
        assertThat(postAcs(new BrowserClient(api.base()), o.acsPath(), o.idp().signedResponse(a, IDP_KEY), null).statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void report() {
        long refused = RESULTS.values().stream().filter(v -> v.startsWith("4")).count();
        System.out.println("SAML negative suite: " + refused + "/" + RESULTS.size() + " refused with a 4xx code, "
                + (RESULTS.size() - refused) + " accepted or failed otherwise");
        RESULTS.forEach((k, v) -> System.out.println("  " + k + " -> " + v));
    }

    /** A legitimate assertion for the attacker's own address, which the attacker then rewrites. */
    private SamlTestIdp.Assertion attackerAssertion() {
        return o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("attacker"));
    }

    /** A second assertion (what the attacker wants accepted): the victim, unsigned. */
    private Element evilAssertion(Document into, String id) {
        SamlTestIdp.Assertion e = o.idp().assertion(o.spEntityId(), o.acsUrl(), victim);
        e.assertionId = id;
        Document d = SamlTestIdp.parse(SamlTestIdp.responseXml(e));
        return (Element) into.importNode(SamlTestIdp.assertionOf(d), true);
    }

    private void refused(String name, String samlResponse, String expectedCode) {
        HttpResponse<String> r = postAcs(new BrowserClient(api.base()), o.acsPath(), samlResponse, null);
        String outcome = r.statusCode() / 100 == 3 ? "ACCEPTED" : r.statusCode() + " " + code(r.body());
        RESULTS.put(name, outcome);
        assertThat(r.statusCode()).as(name + ": " + r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Set-Cookie").orElse("")).as(name).doesNotContain("janua_session=");
        if (expectedCode != null) assertThat(code(r.body())).as(name).isEqualTo(expectedCode);
    }

    private static String code(String body) {
        int i = body.indexOf("\"code\":\"");
        return i < 0 ? "?" : body.substring(i + 8, body.indexOf('"', i + 8));
    }

    private static Element sig(Element parent) {
        return SamlTestIdp.firstChild(parent, SamlTestIdp.NS_DS, "Signature");
    }

    @Test
    void signatureWrappingXsw1to8IsRefused() {
        List<String> names = new ArrayList<>();
        Map<String, Function<SamlTestIdp.Assertion, String>> attacks = new LinkedHashMap<>();
        // XSW1: an evil Response (new ID, victim's assertion) wraps the signed original inside its Signature
        attacks.put("XSW1", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, false, true);
            Element original = doc.getDocumentElement();
            Element clone = (Element) original.cloneNode(true);
            clone.setAttribute("ID", "_evil_response");
            Element cloneAssertion = SamlTestIdp.assertionOf(cloneDoc(clone));
            clone.replaceChild(evilAssertion(doc, "_evil_assertion"), SamlTestIdp.firstChild(clone, SamlTestIdp.NS_SAML, "Assertion"));
            Element s = sig(clone);
            s.appendChild(original);
            doc.appendChild(clone);
            return SamlTestIdp.encode(doc);
        });
        // XSW2: as XSW1, the signed original placed before the evil Response's signature (detached)
        attacks.put("XSW2", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, false, true);
            Element original = doc.getDocumentElement();
            Element clone = (Element) original.cloneNode(true);
            clone.setAttribute("ID", "_evil_response");
            clone.replaceChild(evilAssertion(doc, "_evil_assertion"), SamlTestIdp.firstChild(clone, SamlTestIdp.NS_SAML, "Assertion"));
            Element s = sig(clone);
            clone.insertBefore(original, s);
            doc.appendChild(clone);
            return SamlTestIdp.encode(doc);
        });
        // XSW3: an unsigned evil assertion inserted before the signed one
        attacks.put("XSW3", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, true, false);
            Element signed = SamlTestIdp.assertionOf(doc);
            doc.getDocumentElement().insertBefore(evilAssertion(doc, "_evil"), signed);
            return SamlTestIdp.encode(doc);
        });
        // XSW4: the evil assertion wraps the signed one
        attacks.put("XSW4", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, true, false);
            Element signed = SamlTestIdp.assertionOf(doc);
            Element evil = evilAssertion(doc, "_evil");
            doc.getDocumentElement().replaceChild(evil, signed);
            evil.appendChild(signed);
            return SamlTestIdp.encode(doc);
        });
        // XSW5: the signed assertion's content changed to the victim; an untouched copy appended at the end carries the ID
        attacks.put("XSW5", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, true, false);
            Element signed = SamlTestIdp.assertionOf(doc);
            Element copy = (Element) signed.cloneNode(true);
            copy.removeChild(sig(copy));
            setNameId(signed, victim);
            signed.setAttribute("ID", "_evil");
            doc.getDocumentElement().appendChild(copy);
            return SamlTestIdp.encode(doc);
        });
        // XSW6: as XSW5, the untouched copy hidden inside the modified assertion's Signature
        attacks.put("XSW6", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, true, false);
            Element signed = SamlTestIdp.assertionOf(doc);
            Element copy = (Element) signed.cloneNode(true);
            copy.removeChild(sig(copy));
            setNameId(signed, victim);
            signed.setAttribute("ID", "_evil");
            sig(signed).appendChild(copy);
            return SamlTestIdp.encode(doc);
        });
        // XSW7: the signed assertion moved into an Extensions element; the evil assertion takes its place
        attacks.put("XSW7", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, true, false);
            Element signed = SamlTestIdp.assertionOf(doc);
            Element ext = doc.createElementNS(SamlTestIdp.NS_SAMLP, "samlp:Extensions");
            doc.getDocumentElement().replaceChild(evilAssertion(doc, "_evil"), signed);
            ext.appendChild(signed);
            doc.getDocumentElement().insertBefore(ext, SamlTestIdp.firstChild(doc.getDocumentElement(), SamlTestIdp.NS_SAMLP, "Status"));
            return SamlTestIdp.encode(doc);
        });
        // XSW8: the evil assertion carries the signature; the original, unsigned, sits in an Object inside it
        attacks.put("XSW8", a -> {
            Document doc = SamlTestIdp.signed(a, IDP_KEY, true, false);
            Element signed = SamlTestIdp.assertionOf(doc);
            Element signature = sig(signed);
            Element evil = evilAssertion(doc, "_evil");
            doc.getDocumentElement().replaceChild(evil, signed);
            signed.removeChild(signature);
            evil.insertBefore(signature, SamlTestIdp.firstChild(evil, SamlTestIdp.NS_SAML, "Issuer").getNextSibling());
            Element object = doc.createElementNS(SamlTestIdp.NS_DS, "ds:Object");
            object.appendChild(signed);
            signature.appendChild(object);
            return SamlTestIdp.encode(doc);
        });
        attacks.forEach((name, attack) -> {
            refused(name, attack.apply(attackerAssertion()), null);
            names.add(name);
        });
        assertThat(names).hasSize(8);
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = :e", "e", o.email("attacker"))).isZero();
    }

    @Test
    void unsignedForeignStaleAndMisdirectedResponsesAreRefusedWithStableCodes() {
        refused("unsigned assertion and response", SamlTestIdp.encode(SamlTestIdp.signed(attackerAssertion(), IDP_KEY, false, false)),
                "SAML_SIGNATURE_INVALID");
        refused("signed by another key", SamlTestIdp.encode(SamlTestIdp.signed(attackerAssertion(), ATTACKER_KEY, true, true)),
                "SAML_SIGNATURE_INVALID");
        Document tampered = SamlTestIdp.signed(attackerAssertion(), IDP_KEY, true, true);
        setNameId(SamlTestIdp.assertionOf(tampered), victim);
        refused("signed then altered", SamlTestIdp.encode(tampered), "SAML_SIGNATURE_INVALID");

        // one assertion only (so the assertion count cannot catch it): the Response's signature moved into the
        // assertion, whose content was changed — the reference no longer names its parent
        Document moved = SamlTestIdp.signed(attackerAssertion(), IDP_KEY, false, true);
        Element responseSig = sig(moved.getDocumentElement());
        Element assertion = SamlTestIdp.assertionOf(moved);
        setNameId(assertion, victim);
        assertion.insertBefore(responseSig, SamlTestIdp.firstChild(assertion, SamlTestIdp.NS_SAML, "Subject"));
        refused("signature moved to another element", SamlTestIdp.encode(moved), "SAML_SIGNATURE_INVALID");

        SamlTestIdp.Assertion expired = attackerAssertion();
        expired.issueInstant = expired.issueInstant.minusSeconds(3600);
        expired.notBefore = expired.issueInstant;
        expired.notOnOrAfter = expired.issueInstant.plusSeconds(300);
        refused("expired", o.idp().signedResponse(expired, IDP_KEY), "SAML_ASSERTION_EXPIRED");
        SamlTestIdp.Assertion early = attackerAssertion();
        early.notBefore = early.issueInstant.plusSeconds(1200);
        early.notOnOrAfter = early.issueInstant.plusSeconds(1800);
        refused("not yet valid", o.idp().signedResponse(early, IDP_KEY), "SAML_ASSERTION_NOT_YET_VALID");

        SamlTestIdp.Assertion audience = attackerAssertion();
        audience.audience = "https://another-sp.example/metadata";
        refused("wrong audience", o.idp().signedResponse(audience, IDP_KEY), "SAML_AUDIENCE_INVALID");
        SamlTestIdp.Assertion recipient = attackerAssertion();
        recipient.recipient = "https://another-sp.example/acs";
        refused("wrong recipient", o.idp().signedResponse(recipient, IDP_KEY), "SAML_RECIPIENT_INVALID");
        SamlTestIdp.Assertion destination = attackerAssertion();
        destination.destination = "https://another-sp.example/acs";
        refused("wrong destination", o.idp().signedResponse(destination, IDP_KEY), "SAML_RECIPIENT_INVALID");
        SamlTestIdp.Assertion issuer = attackerAssertion();
        issuer.issuer = "https://rogue-idp.example";
        refused("wrong issuer", o.idp().signedResponse(issuer, IDP_KEY), "SAML_ISSUER_INVALID");
        SamlTestIdp.Assertion failed = attackerAssertion();
        failed.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Requester";
        refused("IdP said no", o.idp().signedResponse(failed, IDP_KEY), "SAML_IDP_ERROR");

        // a response the same IdP made for another organization (its own SP entity id and ACS)
        SsoOrg other = ssoOrg("allowIdpInitiated", true);
        SamlTestIdp.Assertion forOther = other.idp().assertion(other.spEntityId(), other.acsUrl(), victim);
        refused("response for another organization", other.idp().signedResponse(forOther, IDP_KEY), null);
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = :e", "e", o.email("attacker"))).isZero();
    }

    @Test
    void replaysAndUnknownOrSpentRequestIdsAreRefused() {
        SamlTestIdp.Assertion a = attackerAssertion();
        String response = o.idp().signedResponse(a, IDP_KEY);
        assertThat(postAcs(new BrowserClient(api.base()), o.acsPath(), response, null).statusCode()).isEqualTo(303);
        refused("replayed assertion", response, "SAML_REPLAYED");
        SamlTestIdp.Assertion sameId = attackerAssertion();
        sameId.assertionId = a.assertionId;
        refused("new response reusing an assertion id", o.idp().signedResponse(sameId, IDP_KEY), "SAML_REPLAYED");

        SamlTestIdp.Assertion unknown = attackerAssertion();
        unknown.inResponseTo = "_never_sent";
        refused("InResponseTo of no request", o.idp().signedResponse(unknown, IDP_KEY), "SAML_IN_RESPONSE_TO_INVALID");

        BrowserClient browser = new BrowserClient(api.base());
        String requestId = startLogin(browser, o.id(), null);
        SamlTestIdp.Assertion first = attackerAssertion();
        first.inResponseTo = requestId;
        assertThat(postAcs(browser, o.acsPath(), o.idp().signedResponse(first, IDP_KEY), null).statusCode()).isEqualTo(303);
        SamlTestIdp.Assertion second = attackerAssertion();
        second.inResponseTo = requestId;
        refused("second response to one request", o.idp().signedResponse(second, IDP_KEY), "SAML_IN_RESPONSE_TO_INVALID");

        // a request started for another organization cannot be answered here
        SsoOrg other = ssoOrg();
        String otherRequest = startLogin(new BrowserClient(api.base()), other.id(), null);
        SamlTestIdp.Assertion cross = attackerAssertion();
        cross.inResponseTo = otherRequest;
        refused("request of another organization", o.idp().signedResponse(cross, IDP_KEY), "SAML_IN_RESPONSE_TO_INVALID");
    }

    @Test
    void maliciousXmlIsRefusedBeforeAnyParserExpandsIt() {
        String signed = SamlTestIdp.serialize(SamlTestIdp.signed(attackerAssertion(), IDP_KEY, true, true));
        refused("XXE external entity", SamlTestIdp.encode("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + signed.replace(o.email("attacker"), "&x;")), "SAML_RESPONSE_INVALID");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        laughs.append("]>").append(signed.replace(o.email("attacker"), "&l9;"));
        refused("entity expansion (billion laughs)", SamlTestIdp.encode(laughs.toString()), "SAML_RESPONSE_INVALID");
        refused("DOCTYPE without entities", SamlTestIdp.encode("<!DOCTYPE samlp:Response>" + signed), "SAML_RESPONSE_INVALID");
        refused("not base64", "%%%not-base64%%%", "SAML_RESPONSE_INVALID");
        refused("not XML", SamlTestIdp.encode("hello"), "SAML_RESPONSE_INVALID");
        refused("not a Response", SamlTestIdp.encode("<foo xmlns=\"urn:x\"/>"), "SAML_RESPONSE_INVALID");
        refused("empty", "", "SAML_RESPONSE_INVALID");
    }

    @Test
    void commentInjectionInNameIdCannotShortenTheAddress() {
        // CVE-2017-11427 class: "victim@acme<!---->.evil.test" canonicalises to the same bytes with or without the
        // comment, so the signature holds; a parser reading only the first text node would see the victim.
        String attackerControlled = victim + ".evil.test";
        SamlTestIdp.Assertion a = o.idp().assertion(o.spEntityId(), o.acsUrl(), attackerControlled);
        a.rawNameIdXml = victim + "<!---->.evil.test";
        refused("NameID comment injection", o.idp().signedResponse(a, IDP_KEY), "SSO_DOMAIN_NOT_VERIFIED");
        assertThat(count("SELECT COUNT(*) FROM sso_identities WHERE subject = :s", "s", victim)).isEqualTo(1);
    }

    @Test
    void responsesToAnOrganizationWithoutSsoAreRefused() {
        Account owner = newUser("plain-owner");
        String plain = createOrg(owner);
        HttpResponse<String> r = postAcs(new BrowserClient(api.base()), "/api/v1/sso/saml/" + plain + "/acs",
                o.idp().signedResponse(attackerAssertion(), IDP_KEY), null);
        RESULTS.put("organization without SSO", r.statusCode() + " " + code(r.body()));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(code(r.body())).isEqualTo("SSO_NOT_CONFIGURED");
    }

    private static Document cloneDoc(Element e) {
        Document d = SamlTestIdp.parse("<x/>");
        d.replaceChild(d.importNode(e, true), d.getDocumentElement());
        return d;
    }

    private static void setNameId(Element assertion, String value) {
        Node nameId = assertion.getElementsByTagNameNS(SamlTestIdp.NS_SAML, "NameID").item(0);
        nameId.setTextContent(value);
    }
}
