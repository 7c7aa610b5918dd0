package dev.janua.server.social.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.janua.server.auth.SignInResponse;

/** The sign-in answer of every other way in, plus {@code isNewUser} (seed 002) and the provider used. */
public record SocialSignInResponse(@JsonUnwrapped SignInResponse signIn, boolean isNewUser, String provider) {}
