package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.model.AuditEntry;
import dev.janua.sdk.model.MfaSetup;
import dev.janua.sdk.model.SignInResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.janua.sdk.TestSupport.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rest of the account surface: SMS second factor (dev SMS outbox), own audit log, health and JWKS, account deletion. */
@ExtendWith(JanuaServer.class)
class AccountIntegrationTest {

    private static String smsCode(String phone) {
        Pattern sixDigits = Pattern.compile("\\b(\\d{6})\\b");
        for (int i = 0; i < 100; i++) {
            JsonNode box = TestSupport.getJson("/api/v1/dev/sms?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
            for (JsonNode m : box.path("data")) {
                Matcher matcher = sixDigits.matcher(m.path("body").asText());
                if (matcher.find()) return matcher.group(1);
            }
            TestSupport.sleep(100);
        }
        throw new AssertionError("no SMS to " + phone);
    }

    @Test
    void smsSecondFactorOwnAuditLogAndAccountDeletion() {
        String email = TestSupport.email("account");
        JanuaClient janua = TestSupport.newUser(email);
        String phone = "+1415555" + String.format("%04d", (int) (Math.random() * 10000));

        MfaSetup sms = janua.mfa().setupSms(phone);
        assertTrue(sms.sent());
        assertTrue(janua.mfa().verifySms(smsCode(phone)).mfaEnabled());
        assertTrue(janua.mfa().getStatus().enabled());
        SignInResult challenge = TestSupport.client().auth().signIn(email, PASSWORD);
        assertTrue(challenge.requiresMfa());
        assertTrue(challenge.methods().contains("sms"), challenge.methods().toString());

        Page<AuditEntry> mine = janua.auditLogs().list(AuditLogParams.builder().limit(20));
        assertFalse(mine.data().isEmpty());
        String me = janua.auth().getCurrentUser().id();
        assertTrue(mine.data().stream().allMatch(e -> me.equals(e.userId()) || me.equals(e.actorId()) || me.equals(e.subjectId())),
                "a user sees their own records");

        assertNotNull(janua.healthCheck().path("status").asText(null));
        assertTrue(janua.admin().jwks().path("keys").size() >= 1);

        janua.auth().deleteAccount(PASSWORD);
        assertEquals(null, janua.getTokens());
        assertThrows(AuthenticationException.class, () -> TestSupport.client().auth().signIn(email, PASSWORD));
    }
}
