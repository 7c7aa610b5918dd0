package dev.janua.server.sso.app;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.sso.domain.DomainNames;
import dev.janua.server.sso.persistence.JdbcSsoDomains;
import dev.janua.server.sso.persistence.JdbcSsoDomains.DomainClaim;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The email domains an organization claims for SSO, and their proof: a DNS TXT record
 * {@code _janua-verification.<domain>} = {@code janua-domain-verification=<token>}, the token
 * random per claim. Only a verified domain routes sign-ins to the organization's IdP, lets its IdP
 * vouch for addresses under it, and falls under {@code ssoRequired}; a domain has at most one
 * verified owner. The DNS lookup runs outside any transaction.
 */
@Service
public class SsoDomains {
    private final JdbcSsoDomains store;
    private final OrganizationAccess access;
    private final DnsTxtResolver dns;
    private final RandomTokens random;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public SsoDomains(JdbcSsoDomains store, OrganizationAccess access, DnsTxtResolver dns, RandomTokens random, EventPublisher events,
                      TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.access = access;
        this.dns = dns;
        this.random = random;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public List<DomainClaim> list(Caller caller, String organizationId) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_READ);
        return store.list(organizationId);
    }

    public List<DomainClaim> listUnchecked(String organizationId) {
        return store.list(organizationId);
    }

    public DomainClaim add(Caller caller, String organizationId, String domain, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        String d = normalize(domain);
        return tx.execute(t -> {
            claimAll(organizationId, List.of(d), caller.actorId(), client);
            return store.find(organizationId, d).orElseThrow();
        });
    }

    /** Claims each domain not yet claimed by this organization (inside the caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimAll(String organizationId, List<String> normalized, String actorId, ClientInfo client) {
        for (String d : normalized) {
            if (store.find(organizationId, d).isPresent()) continue;
            if (store.verifiedOwner(d).isPresent()) throw JanuaException.of(ErrorCode.DOMAIN_ALREADY_CLAIMED, "domain", d);
            store.insert(new DomainClaim(organizationId, d, java.util.HexFormat.of().formatHex(random.bytes(20)), null, clock.instant()));
            events.publish(new DomainEvent("sso.domain_added", d, actorId, organizationId,
                    Map.of("organizationId", organizationId, "domain", d)), client);
        }
    }

    /** Looks the TXT record up; 422 DOMAIN_VERIFICATION_FAILED (with the expected record) when it is not there. */
    public DomainClaim verify(Caller caller, String organizationId, String domain, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        String d = normalize(domain);
        DomainClaim claim = store.find(organizationId, d).orElseThrow(() -> JanuaException.of(ErrorCode.DOMAIN_NOT_FOUND, "domain", d));
        if (claim.verified()) return claim;
        String expected = DomainNames.TXT_VALUE_PREFIX + claim.verificationToken();
        List<String> records = dns.txt(DomainNames.TXT_PREFIX + d);
        if (records.stream().map(String::trim).noneMatch(expected::equals)) {
            throw new JanuaException(ErrorCode.DOMAIN_VERIFICATION_FAILED, Map.of("domain", d, "recordName", DomainNames.TXT_PREFIX + d,
                    "recordValue", expected));
        }
        try {
            return tx.execute(t -> {
                store.markVerified(organizationId, d, clock.instant());
                events.publish(new DomainEvent("sso.domain_verified", d, caller.actorId(), organizationId,
                        Map.of("organizationId", organizationId, "domain", d)), client);
                return store.find(organizationId, d).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw JanuaException.of(ErrorCode.DOMAIN_ALREADY_CLAIMED, "domain", d);
        }
    }

    public void remove(Caller caller, String organizationId, String domain, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        String d = normalize(domain);
        tx.executeWithoutResult(t -> {
            if (!store.delete(organizationId, d)) throw JanuaException.of(ErrorCode.DOMAIN_NOT_FOUND, "domain", d);
            events.publish(new DomainEvent("sso.domain_removed", d, caller.actorId(), organizationId,
                    Map.of("organizationId", organizationId, "domain", d)), client);
        });
    }

    public List<String> normalizeAll(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        if (raw.size() > 100) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "domains", "reason", "at most 100"));
        for (String r : raw) {
            String d = normalize(r);
            if (!out.contains(d)) out.add(d);
        }
        return out;
    }

    private static String normalize(String raw) {
        return DomainNames.normalize(raw).orElseThrow(() ->
                new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "domain", "reason", "not a domain name")));
    }
}
