package dev.janua.quickstart;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring Boot application of docs/oidc-provider.md, "Protect a Spring Boot app in five minutes":
 * spring-boot-starter-oauth2-client with the documented properties and security chain, nothing else.
 * It lives outside {@code dev.janua.server} so Janua's component scan never sees it, and it reads
 * no application.yml (Janua's is on the same class path); only the auto-configuration a web app
 * with oauth2Login needs is imported.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, OAuth2ClientAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class})
@RestController
public class QuickStartApp {

    /** Step 3 of the guide, as written. */
    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults())
                .build();
    }

    /** One line per claim (plain text: a browser asks for HTML, and a String suits any Accept). */
    @GetMapping("/")
    String me(@AuthenticationPrincipal OidcUser user) {
        return "sub=" + user.getSubject() + "\nemail=" + user.getEmail() + "\nname=" + user.getFullName()
                + "\nissuer=" + user.getIssuer() + "\n";
    }

    /** Step 2's application.yml, as command-line properties (the highest precedence). */
    public static ConfigurableApplicationContext start(int port, String issuerUri, String clientId, String clientSecret) {
        return new SpringApplicationBuilder(QuickStartApp.class).web(WebApplicationType.SERVLET).run(
                "--spring.config.name=quickstart-has-no-config-file",
                "--spring.main.banner-mode=off",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.security.oauth2.client.registration.janua.client-id=" + clientId,
                "--spring.security.oauth2.client.registration.janua.client-secret=" + clientSecret,
                "--spring.security.oauth2.client.registration.janua.scope=openid,profile,email",
                "--spring.security.oauth2.client.registration.janua.authorization-grant-type=authorization_code",
                "--spring.security.oauth2.client.registration.janua.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "--spring.security.oauth2.client.provider.janua.issuer-uri=" + issuerUri);
    }
}
