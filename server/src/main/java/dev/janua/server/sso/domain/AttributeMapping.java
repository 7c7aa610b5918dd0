package dev.janua.server.sso.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which IdP attribute (SAML {@code Attribute Name}, OIDC claim) carries the email, first and last
 * name and the groups. A null entry falls back to the names IdPs commonly send; the email falls back
 * to the subject (SAML NameID) when that is an address.
 */
public record AttributeMapping(String email, String firstName, String lastName, String groups) {
    private static final List<String> EMAIL = List.of("email", "mail", "emailAddress", "Email",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "urn:oid:0.9.2342.19200300.100.1.3");
    private static final List<String> FIRST = List.of("firstName", "given_name", "givenName", "first_name",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "urn:oid:2.5.4.42");
    private static final List<String> LAST = List.of("lastName", "family_name", "surname", "sn", "last_name",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "urn:oid:2.5.4.4");
    private static final List<String> GROUPS = List.of("groups", "memberOf", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
            "http://schemas.xmlsoap.org/claims/Group");

    public static AttributeMapping defaults() {
        return new AttributeMapping(null, null, null, null);
    }

    /** This mapping with the blanks of {@code other} filled in (a provider's defaults under the admin's choices). */
    public AttributeMapping orElse(AttributeMapping other) {
        return new AttributeMapping(email != null ? email : other.email, firstName != null ? firstName : other.firstName,
                lastName != null ? lastName : other.lastName, groups != null ? groups : other.groups);
    }

    /** The profile an assertion (or ID token) asserts, read through this mapping. */
    public MappedProfile apply(String subject, Map<String, List<String>> attributes) {
        String mail = first(attributes, email, EMAIL);
        if (mail == null && subject != null && subject.contains("@")) mail = subject;
        Set<String> groupValues = new LinkedHashSet<>();
        for (String name : candidates(groups, GROUPS)) {
            List<String> v = attributes.get(name);
            if (v != null) v.stream().filter(g -> g != null && !g.isBlank()).map(String::trim).forEach(groupValues::add);
            if (!groupValues.isEmpty()) break;
        }
        return new MappedProfile(subject, mail == null ? null : mail.trim().toLowerCase(Locale.ROOT),
                first(attributes, firstName, FIRST), first(attributes, lastName, LAST), List.copyOf(groupValues));
    }

    private static String first(Map<String, List<String>> attributes, String mapped, List<String> fallbacks) {
        for (String name : candidates(mapped, fallbacks)) {
            List<String> v = attributes.get(name);
            if (v != null) {
                for (String s : v) if (s != null && !s.isBlank()) return s.trim();
            }
        }
        return null;
    }

    /** The admin's mapping only, when set (an explicit choice is never second-guessed); else the common names. */
    private static List<String> candidates(String mapped, List<String> fallbacks) {
        if (mapped != null && !mapped.isBlank()) return List.of(mapped);
        return new ArrayList<>(fallbacks);
    }

    /** The person as the IdP describes them: subject (NameID / sub), email, names, group names. */
    public record MappedProfile(String subject, String email, String firstName, String lastName, List<String> groups) {}
}
