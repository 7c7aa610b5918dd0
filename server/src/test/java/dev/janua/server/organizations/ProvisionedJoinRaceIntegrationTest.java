package dev.janua.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.support.Concurrently;
import dev.janua.server.support.TenantFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joins by a directory (SCIM, SSO just-in-time) no longer lock the organization exclusively: many run
 * side by side, yet two joins of the same user still make one membership and one event.
 */
class ProvisionedJoinRaceIntegrationTest extends TenantFixtures {
    @Autowired
    MemberProvisioning provisioning;
    @Autowired
    TransactionTemplate tx;

    @Test
    void simultaneousJoinsOfOneUserMakeOneMembershipAndOfManyUsersMakeOneEach() throws Exception {
        Account owner = newUser("join-owner");
        String org = createOrg(owner);
        Account same = newUser("join-same");
        List<Membership> twice = Concurrently.run(6, () -> tx.execute(s ->
                provisioning.join(org, same.id(), null, null, "scim", ClientInfo.none())));
        assertThat(twice).extracting(Membership::userId).containsOnly(same.id());
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND user_id = :u", "o", org, "u", same.id()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.member_added' AND organization_id = :o AND subject_id = :u",
                "o", org, "u", same.id())).isEqualTo(1);

        List<Account> many = List.of(newUser("join-a"), newUser("join-b"), newUser("join-c"), newUser("join-d"));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Concurrently.run(many.size(), () -> tx.execute(s ->
                provisioning.join(org, many.get(next.getAndIncrement()).id(), null, null, "scim", ClientInfo.none())));
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o", "o", org)).isEqualTo(2 + many.size());
    }
}
