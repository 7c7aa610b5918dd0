package dev.janua.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.JanuaApplication;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The server that {@code ./janua build} makes runs on Spring AOT: which beans exist was decided when it was
 * built, with the build machine's settings. That is only right if no {@code JANUA_*} setting changes which
 * beans exist — every setting must be read by the beans themselves, when the server starts.
 *
 * <p>This computes the bean definitions exactly as the AOT build does (configuration classes parsed,
 * conditions evaluated, nothing instantiated, no database touched) under the embedded defaults and under an
 * operator's production settings — PostgreSQL, Redis, SMTP, a master key, every switch the other way — and
 * requires the same set. Spring Boot's mail auto-configuration, which exists only when an SMTP host is set,
 * failed this until {@code SmtpClient} replaced it.
 */
class BuildTimeConditionsTest {

    @Test
    void theSameBeansExistWhateverTheOperatorConfigures(@TempDir Path dir) {
        Set<String> embedded = beanDefinitions("--janua.data-dir=" + dir.resolve("a"));
        Set<String> production = beanDefinitions(
                "--janua.data-dir=" + dir.resolve("b"),
                "--janua.env=production",
                "--janua.master-key=" + "A".repeat(43) + "=",
                "--janua.base-url=https://id.example.test",
                "--janua.database-url=postgres://janua:secret@db.example.test:5432/janua",
                "--janua.redis-url=redis://cache.example.test:6379/0",
                "--janua.smtp-url=smtps://mailer:secret@smtp.example.test:465",
                "--janua.graphql.introspection=false",
                "--janua.rate-limits.enabled=false",
                "--janua.auth-cache.enabled=false",
                "--janua.tokens.verified-cache-entries=0",
                "--janua.push.dev-provider=false",
                "--janua.monitoring.public-access=true",
                "--janua.passwords.argon2.implementation=java");
        assertThat(embedded).hasSizeGreaterThan(300);
        assertThat(production).isEqualTo(embedded);
    }

    /** The bean names the application context defines for these arguments, as the AOT build computes them. */
    private static Set<String> beanDefinitions(String... args) {
        AtomicReference<Set<String>> names = new AtomicReference<>();
        SpringApplicationHook hook = application -> new SpringApplicationRunListener() {
            @Override
            public void contextLoaded(ConfigurableApplicationContext context) {
                GenericApplicationContext generic = (GenericApplicationContext) context;
                generic.refreshForAotProcessing(new RuntimeHints());
                names.set(new TreeSet<>(Set.of(generic.getBeanDefinitionNames())));
                throw new SpringApplication.AbandonedRunException(context);
            }
        };
        try {
            SpringApplication.withHook(hook, () -> JanuaApplication.main(args));
        } catch (SpringApplication.AbandonedRunException expected) {
            // the run stops once the definitions are known: nothing was started
        }
        return names.get();
    }
}
