package dev.janua.server.passkeys.web;

import dev.janua.server.auth.SignInResponse;
import dev.janua.server.mfa.MfaMethods;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.auth.SignIns;
import dev.janua.server.passkeys.PasskeyOptions;
import dev.janua.server.passkeys.PasskeyView;
import dev.janua.server.passkeys.Passkeys;
import dev.janua.server.passkeys.Passkeys.Preferences;
import dev.janua.server.passkeys.web.PasskeyBodies.AuthenticationOptionsRequest;
import dev.janua.server.passkeys.web.PasskeyBodies.PasskeyList;
import dev.janua.server.passkeys.web.PasskeyBodies.Registered;
import dev.janua.server.passkeys.web.PasskeyBodies.RegistrationOptionsRequest;
import dev.janua.server.passkeys.web.PasskeyBodies.RenameRequest;
import dev.janua.server.passkeys.web.PasskeyBodies.SignedIn;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys at every seed path, one implementation behind them: registration options
 * ({@code /passkeys/register/options} = {@code /auth/passkeys/register/begin}, also by GET) and
 * verification ({@code /passkeys/register} = {@code /auth/passkeys/register/complete} =
 * {@code /passkeys/register/verify}); sign-in options ({@code /passkeys/authenticate/options} =
 * {@code /auth/passkeys/authenticate/begin}, also by GET) and verification
 * ({@code /passkeys/authenticate} = {@code /auth/passkeys/authenticate/complete} =
 * {@code /passkeys/authenticate/verify}); the list, rename and removal. Seed 000's single
 * endpoints ({@code /auth/passkeys/register}, {@code /auth/passkeys/authenticate}) answer both
 * steps: with a credential in the body they verify, without one they hand out options.
 */
@JanuaApi
@Tag(name = "Passkeys")
public class PasskeyController {
    private final Passkeys passkeys;
    private final SignIns signIns;

    public PasskeyController(Passkeys passkeys, SignIns signIns) {
        this.passkeys = passkeys;
        this.signIns = signIns;
    }

    @PostMapping({"/passkeys/register/options", "/auth/passkeys/register/begin"})
    @Operation(summary = "Registration options (PublicKeyCredentialCreationOptionsJSON) for the signed-in user; challenge valid 5 minutes, once")
    public PasskeyOptions.Creation registrationOptions(@RequestBody(required = false) RegistrationOptionsRequest body, Caller caller,
                                                       ClientInfo client) {
        return passkeys.registrationOptions(caller.userId(), preferences(body), client);
    }

    @GetMapping("/passkeys/register/options")
    @Operation(summary = "Registration options, as GET (seed 004)")
    public PasskeyOptions.Creation registrationOptionsGet(Caller caller, ClientInfo client) {
        return passkeys.registrationOptions(caller.userId(), Preferences.DEFAULT, client);
    }

    @PostMapping({"/passkeys/register/verify", "/auth/passkeys/register/complete"})
    @Operation(summary = "Verify a registration (the browser's PublicKeyCredential.toJSON(), bare or in credential) and store the passkey")
    public ResponseEntity<Registered> register(@RequestBody JsonNode body, Caller caller, ClientInfo client) {
        return registered(passkeys.register(caller.userId(), PasskeyBodies.credential(body).toString(),
                PasskeyBodies.text(body, "name", "nickname", "deviceName"), client));
    }

    @PostMapping({"/passkeys/register", "/auth/passkeys/register"})
    @Operation(summary = "Register a passkey: with a credential in the body, verify it (201); without one, return registration options (seed 000)")
    public ResponseEntity<?> registerOrOptions(@RequestBody(required = false) JsonNode body, Caller caller, ClientInfo client) {
        if (PasskeyBodies.hasCredential(body)) return register(body, caller, client);
        Preferences prefs = new Preferences(null, null, null, PasskeyBodies.text(body, "displayName", "display_name"));
        return ResponseEntity.ok(passkeys.registrationOptions(caller.userId(), prefs, client));
    }

    @PostMapping({"/passkeys/authenticate/options", "/auth/passkeys/authenticate/begin"})
    @Operation(summary = "Sign-in options (PublicKeyCredentialRequestOptionsJSON): email → allowCredentials; none → usernameless; mfaToken → the MFA step")
    public PasskeyOptions.Request authenticationOptions(@RequestBody(required = false) AuthenticationOptionsRequest body, ClientInfo client) {
        return body == null ? passkeys.authenticationOptions(null, client) : options(body.email(), body.mfaToken(), client);
    }

    @GetMapping("/passkeys/authenticate/options")
    @Operation(summary = "Sign-in options, as GET (seed 004); ?email= and ?mfaToken= as in the POST body")
    public PasskeyOptions.Request authenticationOptionsGet(@RequestParam(required = false) String email,
                                                           @RequestParam(required = false) String mfaToken, ClientInfo client) {
        return options(email, mfaToken, client);
    }

    @PostMapping({"/passkeys/authenticate/verify", "/auth/passkeys/authenticate/complete"})
    @Operation(summary = "Sign in with a passkey: verify the assertion; a user-verified passkey needs no second factor (amr: hwk, user, mfa). With mfaToken, answers the MFA step after a password")
    public SignedIn authenticate(@RequestBody JsonNode body, ClientInfo client,
                                 @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceCookie) {
        String credential = PasskeyBodies.credential(body).toString();
        boolean rememberMe = PasskeyBodies.flag(body, "rememberMe", "remember_me");
        String mfaToken = PasskeyBodies.text(body, "mfaToken", "mfa_token", "tempToken");
        if (mfaToken != null) {
            return new SignedIn(SignInResponse.of(signIns.completeSecondFactor(mfaToken, MfaMethods.PASSKEY, credential,
                    PasskeyBodies.flag(body, "trustDevice", "rememberDevice"), client)), null, null);
        }
        String deviceToken = PasskeyBodies.text(body, "deviceToken");
        Passkeys.SignedIn done = passkeys.signIn(credential, rememberMe, deviceToken != null ? deviceToken : deviceCookie, client);
        return new SignedIn(SignInResponse.of(done.outcome()), done.amr(), done.passkeyId());
    }

    @PostMapping({"/passkeys/authenticate", "/auth/passkeys/authenticate"})
    @Operation(summary = "Sign in with a passkey: with a credential in the body, verify it; without one, return sign-in options (seed 000)")
    public ResponseEntity<?> authenticateOrOptions(@RequestBody(required = false) JsonNode body, ClientInfo client,
                                                   @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceCookie) {
        if (PasskeyBodies.hasCredential(body)) return ResponseEntity.ok(authenticate(body, client, deviceCookie));
        return ResponseEntity.ok(options(PasskeyBodies.text(body, "email", "username"), PasskeyBodies.text(body, "mfaToken", "mfa_token"), client));
    }

    @GetMapping("/passkeys")
    @Operation(summary = "The signed-in user's passkeys")
    public PasskeyList list(Caller caller) {
        return new PasskeyList(passkeys.list(caller.userId()));
    }

    @PatchMapping("/passkeys/{id}")
    @Operation(summary = "Rename a passkey")
    public PasskeyView rename(@PathVariable String id, @RequestBody RenameRequest body, Caller caller, ClientInfo client) {
        return passkeys.rename(caller.userId(), id, body.name(), client);
    }

    @DeleteMapping("/passkeys/{id}")
    @Operation(summary = "Remove a passkey; the last one of an account without a password stays (PASSKEY_LAST_CREDENTIAL)")
    public Ack delete(@PathVariable String id, Caller caller, ClientInfo client) {
        passkeys.delete(caller.userId(), id, client);
        return Ack.of("Passkey removed");
    }

    private PasskeyOptions.Request options(String email, String mfaToken, ClientInfo client) {
        if (mfaToken != null && !mfaToken.isBlank()) return passkeys.secondFactorOptions(mfaToken, client);
        return passkeys.authenticationOptions(email, client);
    }

    private static ResponseEntity<Registered> registered(PasskeyView view) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Registered(view, true));
    }

    private static Preferences preferences(RegistrationOptionsRequest body) {
        if (body == null) return Preferences.DEFAULT;
        PasskeyBodies.Selection s = body.authenticatorSelection();
        return new Preferences(s == null ? null : s.userVerification(), s == null ? null : s.authenticatorAttachment(),
                s == null ? null : s.residentKey(), body.displayName());
    }
}
