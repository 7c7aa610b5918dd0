package dev.janua.server.mfa.web;

import dev.janua.server.mfa.app.FactorChecks.SmsPurpose;
import dev.janua.server.mfa.app.SmsCodes;
import dev.janua.server.mfa.app.TrustedDeviceService;
import dev.janua.server.mfa.web.MfaBodies.CodeRequest;
import dev.janua.server.mfa.web.MfaBodies.CodeSent;
import dev.janua.server.mfa.web.MfaBodies.PhoneRequest;
import dev.janua.server.mfa.web.MfaBodies.TrustedDeviceView;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.Revoked;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** SMS enrolment, phone-number verification, and the devices trusted to skip the second factor. */
@JanuaApi
@Tag(name = "MFA")
public class MfaDevicesController {
    private final SmsCodes sms;
    private final TrustedDeviceService devices;
    private final UserDirectory users;

    public MfaDevicesController(SmsCodes sms, TrustedDeviceService devices, UserDirectory users) {
        this.sms = sms;
        this.devices = devices;
        this.users = users;
    }

    @PostMapping({"/mfa/sms/setup", "/mfa/sms/enable"})
    @Operation(summary = "Start SMS enrolment: text a 6-digit code (5 minutes, 5 attempts) to phoneNumber (E.164)")
    public CodeSent smsSetup(@RequestBody PhoneRequest body, Caller caller, Locale locale, ClientInfo client) {
        SmsCodes.Sent sent = sms.send(caller.userId(), SmsPurpose.MFA_SETUP, SmsCodes.requireE164(body.phoneNumber()), null, locale, client);
        return new CodeSent(true, sent.phoneNumberHint(), sent.expiresAt());
    }

    @PostMapping({"/users/me/phone/verify/send", "/users/me/phone/send-code"})
    @Operation(summary = "Text a code to verify a phone number (the one given, or the profile's)")
    public CodeSent phoneSend(@RequestBody(required = false) PhoneRequest body, Caller caller, Locale locale, ClientInfo client) {
        String phone = body != null && body.phoneNumber() != null ? body.phoneNumber()
                : users.findById(caller.userId()).map(u -> u.phoneNumber()).orElse(null);
        if (phone == null) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "phoneNumber", "reason", "required"));
        SmsCodes.Sent sent = sms.send(caller.userId(), SmsPurpose.PHONE, SmsCodes.requireE164(phone), null, locale, client);
        return new CodeSent(true, sent.phoneNumberHint(), sent.expiresAt());
    }

    @PostMapping({"/users/me/phone/verify/confirm", "/users/me/phone/verify"})
    @Operation(summary = "Confirm the phone-verification code: the number becomes the profile's verified phone")
    public Ack phoneConfirm(@RequestBody CodeRequest body, Caller caller, ClientInfo client) {
        sms.confirm(caller.userId(), SmsPurpose.PHONE, body.code(), client);
        return Ack.of("Phone number verified");
    }

    @GetMapping("/mfa/trusted-devices")
    @Operation(summary = "Devices that skip the second factor (30 days from when they were trusted)")
    public Map<String, List<TrustedDeviceView>> trustedDevices(Caller caller) {
        return Map.of("data", devices.list(caller.userId()).stream().map(d -> new TrustedDeviceView(d.id(), d.userAgent(),
                d.ipAddress(), d.createdAt(), d.expiresAt(), d.lastUsedAt())).toList());
    }

    @DeleteMapping("/mfa/trusted-devices/{id}")
    @Operation(summary = "Stop trusting one device: its next sign-in asks for the second factor again")
    public Ack untrust(@PathVariable String id, Caller caller, ClientInfo client) {
        devices.revoke(caller.userId(), id, client);
        return Ack.of("Device no longer trusted");
    }

    @DeleteMapping("/mfa/trusted-devices")
    @Operation(summary = "Stop trusting every device")
    public Revoked untrustAll(Caller caller, ClientInfo client) {
        return Revoked.of("No device is trusted any more", devices.revokeAll(caller.userId(), client));
    }
}
