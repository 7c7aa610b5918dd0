#!/usr/bin/env bash
# Issue 16: share of a JFR recording's Java execution samples per sign-in step (the innermost step on the stack
# names the sample). Usage: bench/jfr-signin-steps.sh bench/results/signin.jfr (from `./janua bench signin-profile`).
jfr print --stack-depth 200 --events jdk.ExecutionSample "$1" | awk '
  /^jdk\./ { if (stack != "") tally(); stack = ""; next }
  /line:/ { stack = stack "\n" $1 }
  END { if (stack != "") tally();
        printf "%d samples\n", n; PROCINFO["sorted_in"] = "@val_num_desc"; for (m in hit) printf "  %6.1f %%  %s\n", 100*hit[m]/n, m }
  function tally() { n++;
    # markers from inner to outer: first one found in the stack (innermost-first order) names the step
    k = split(stack, fr, "\n"); step = "other (no marker)";
    for (i = 2; i <= k; i++) { f = fr[i]; s = "";
      if (f ~ /NativeArgon2id|Argon2/) s = "argon2 (java side)";
      else if (f ~ /AccessTokens.issue/) s = "access token (JWT sign)";
      else if (f ~ /findByEmail/) s = "user lookup by email";
      else if (f ~ /reserveSignInAttempt/) s = "reserve attempt (UPDATE+SELECT)";
      else if (f ~ /PasswordCheckService.check/ && f !~ /lambda/) s = "password check other (credentials read, clear)";
      else if (f ~ /SecondFactors|ChallengeService.decide/) s = "MFA decide (reads)";
      else if (f ~ /recordSuccessfulSignIn/) s = "last-sign-in update";
      else if (f ~ /sessionTimeoutFor/) s = "org session timeout read";
      else if (f ~ /SessionService.start/) s = "session + refresh insert + session.created event";
      else if (f ~ /JdbcEventPublisher.publish/) s = "user.signin event insert";
      else if (f ~ /SessionIssuer.issue/) s = "issuer other (tx begin/commit, fresh user read)";
      else if (f ~ /requireNonSsoSignInAllowed/) s = "SSO domain check";
      else if (f ~ /AuditAppender/) s = "audit appender (background)";
      else if (f ~ /WebhookFanout|webhooks/) s = "webhook fanout (background)";
      else if (f ~ /RealtimeHub|realtime/) s = "realtime (background)";
      else if (f ~ /EventFeed/) s = "event feed (background)";
      else if (f ~ /CredentialsService.signIn/) s = "signIn other";
      else if (f ~ /jackson/ ) s = "JSON (jackson)";
      else if (f ~ /FilterChainProxy|OncePerRequestFilter|Filter.doFilter/) s = "filters/servlet";
      else if (f ~ /tomcat|coyote/) s = "tomcat";
      if (s != "") { step = s; break } }
    hit[step]++ }'
