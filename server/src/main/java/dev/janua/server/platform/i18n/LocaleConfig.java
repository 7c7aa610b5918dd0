package dev.janua.server.platform.i18n;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Messages are localised by Accept-Language into en, es, fr or de; anything else gets English. */
@Configuration(proxyBeanMethods = false)
public class LocaleConfig {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("es"), Locale.FRENCH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
