package dev.janua.server.sso.app;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignIns;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sso.app.SamlServiceProvider.Envelope;
import dev.janua.server.sso.app.SamlServiceProvider.Redirect;
import dev.janua.server.sso.app.SamlServiceProvider.ValidatedAssertion;
import dev.janua.server.sso.domain.AttributeMapping.MappedProfile;
import dev.janua.server.sso.domain.SamlRejection;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.persistence.JdbcSamlExchanges;
import dev.janua.server.sso.persistence.JdbcSamlExchanges.PendingRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SAML Web Browser SSO for an organization (SAML 2.0 Profiles §4.1): {@link #start} sends the browser
 * to the IdP with an AuthnRequest remembered in the database; {@link #finish} takes the IdP's
 * response at the ACS. A response naming an AuthnRequest must name one this organization started and
 * that is still pending (it is spent in the same transaction as the sign-in); a response naming
 * none is IdP-initiated and accepted only where the organization enabled that. Every accepted
 * assertion id is recorded until it expires, so a replay fails on any node. Validation (XML and
 * signatures) runs before the transaction; the sign-in ends in {@link SignIns#finish}, the same end
 * as every other way in.
 */
@Service
public class SamlSignIn {
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
    /** Kept at least this long even when the assertion says less, covering the 3-minute skew allowed on its expiry. */
    private static final Duration MIN_REPLAY_WINDOW = Duration.ofMinutes(10);
    private final SsoConnections connections;
    private final SamlServiceProvider sp;
    private final JdbcSamlExchanges exchanges;
    private final SsoProvisioning provisioning;
    private final SignIns signIns;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public SamlSignIn(SsoConnections connections, SamlServiceProvider sp, JdbcSamlExchanges exchanges, SsoProvisioning provisioning,
                      SignIns signIns, EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.connections = connections;
        this.sp = sp;
        this.exchanges = exchanges;
        this.provisioning = provisioning;
        this.signIns = signIns;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** {@code relayState}: where to resume afterwards (kept server-side; the IdP only echoes it). */
    public Redirect start(String organizationId, String relayState) {
        SsoConnection c = connections.requireUsable(organizationId, dev.janua.server.sso.domain.SsoProtocol.SAML);
        String relay = relayState == null || relayState.isBlank() || relayState.length() > 2048 ? null : relayState;
        Redirect r = sp.authnRequest(c, relay);
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> exchanges.saveRequest(new PendingRequest(r.requestId(), organizationId, relay,
                now.plus(REQUEST_LIFETIME)), now));
        return r;
    }

    /** The end of a SAML sign-in: the outcome for the browser and where to go next (the RelayState to resume). */
    public record Finished(SignInOutcome outcome, String relayState, String userId, boolean createdAccount) {}

    public Finished finish(String organizationId, String samlResponse, String postedRelayState, String deviceToken, ClientInfo client) {
        SsoConnection c = connections.requireUsable(organizationId, dev.janua.server.sso.domain.SsoProtocol.SAML);
        Envelope envelope = sp.open(samlResponse);
        if (envelope.inResponseTo() == null && !c.allowIdpInitiated()) {
            throw SamlRejection.of(ErrorCode.SAML_UNSOLICITED_RESPONSE, "idp_initiated_disabled");
        }
        ValidatedAssertion a = sp.validate(c, samlResponse, envelope.inResponseTo());
        MappedProfile profile = c.attributeMapping().apply(a.subject(), a.attributes());
        Instant now = clock.instant();
        Instant keepUntil = a.notOnOrAfter() == null || a.notOnOrAfter().isBefore(now.plus(MIN_REPLAY_WINDOW))
                ? now.plus(MIN_REPLAY_WINDOW) : a.notOnOrAfter().plus(Duration.ofMinutes(5));
        record Accepted(SsoProvisioning.Provisioned who, String relay) {}
        Accepted accepted = tx.execute(t -> {
            String relay = postedRelayState;
            if (envelope.inResponseTo() != null) {
                Optional<PendingRequest> pending = exchanges.takeRequest(envelope.inResponseTo(), organizationId, now);
                if (pending.isEmpty()) throw SamlRejection.of(ErrorCode.SAML_IN_RESPONSE_TO_INVALID, "unknown_or_used_request");
                relay = pending.get().relayState();
            }
            if (a.assertionId() == null || !exchanges.firstUse(a.assertionId(), organizationId, keepUntil)) {
                throw SamlRejection.of(ErrorCode.SAML_REPLAYED, "assertion_already_used");
            }
            SsoProvisioning.Provisioned who = provisioning.provision(c, profile, client);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("organizationId", organizationId);
            data.put("userId", who.user().id());
            data.put("connectionId", c.id());
            data.put("protocol", "saml");
            data.put("provider", c.provider());
            data.put("subject", a.subject());
            data.put("idpInitiated", envelope.inResponseTo() == null);
            data.put("createdAccount", who.createdAccount());
            data.put("joinedOrganization", who.joined());
            events.publish(new DomainEvent("sso.signin", who.user().id(), who.user().id(), organizationId, data), client);
            return new Accepted(who, relay);
        });
        SignInOutcome outcome = signIns.finish(accepted.who().user(), "sso_saml", false, deviceToken, client);
        return new Finished(outcome, accepted.relay(), accepted.who().user().id(), accepted.who().createdAccount());
    }
}
