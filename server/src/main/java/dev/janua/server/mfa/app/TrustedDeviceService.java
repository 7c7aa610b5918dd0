package dev.janua.server.mfa.app;

import dev.janua.server.mfa.SecondFactors.TrustedDevice;
import dev.janua.server.mfa.persistence.JdbcChallengeRepository;
import dev.janua.server.mfa.persistence.JdbcChallengeRepository.TrustedDeviceRow;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Trust this device": after a passed second factor the client may get a {@code dvt_…} token
 * (also set as an HttpOnly cookie). Presented at a later sign-in of the same user, unexpired and
 * unrevoked, it skips the second factor. Only its SHA-256 is stored.
 */
@Service
public class TrustedDeviceService {
    private final JdbcChallengeRepository repository;
    private final RandomTokens random;
    private final IdGenerator ids;
    private final EventPublisher events;
    private final Clock clock;
    private final Duration ttl;

    public TrustedDeviceService(JdbcChallengeRepository repository, RandomTokens random, IdGenerator ids, EventPublisher events,
                                Clock clock, MfaProperties properties) {
        this.repository = repository;
        this.random = random;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
        this.ttl = properties.trustedDeviceTtl();
    }

    @Transactional
    public TrustedDevice trust(String userId, ClientInfo client) {
        ClientInfo c = client == null ? ClientInfo.none() : client;
        Instant now = clock.instant();
        String id = ids.next("dev");
        String token = random.next("dvt");
        repository.insertDevice(id, userId, Hashes.sha256Hex(token), c.userAgent(), c.ipAddress(), now, now.plus(ttl));
        events.publish(DomainEvent.of("mfa.device_trusted", userId, userId,
                Map.of("userId", userId, "deviceId", id, "expiresAt", now.plus(ttl).toString())), client);
        return new TrustedDevice(id, token, now.plus(ttl));
    }

    public boolean isTrusted(String userId, String token) {
        if (token == null || token.isBlank() || token.length() > 200) return false;
        return repository.useDevice(userId, Hashes.sha256Hex(token.trim()), clock.instant());
    }

    public List<TrustedDeviceRow> list(String userId) {
        return repository.liveDevices(userId, clock.instant());
    }

    @Transactional
    public void revoke(String userId, String deviceId, ClientInfo client) {
        if (!repository.revokeDevice(userId, deviceId, clock.instant())) {
            throw JanuaException.of(ErrorCode.NOT_FOUND, "resource", "trusted_device");
        }
        events.publish(DomainEvent.of("mfa.device_untrusted", userId, userId, Map.of("userId", userId, "deviceId", deviceId)), client);
    }

    @Transactional
    public int revokeAll(String userId, ClientInfo client) {
        int n = repository.revokeAllDevices(userId, clock.instant());
        if (n > 0) {
            events.publish(DomainEvent.of("mfa.device_untrusted", userId, userId, Map.of("userId", userId, "count", n)), client);
        }
        return n;
    }
}
