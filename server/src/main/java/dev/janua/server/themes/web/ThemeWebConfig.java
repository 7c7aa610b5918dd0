package dev.janua.server.themes.web;

import dev.janua.server.themes.app.ThemeService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Themes every hosted page of a sign-in. */
@Configuration(proxyBeanMethods = false)
class ThemeWebConfig implements WebMvcConfigurer {
    private final ThemeService themes;

    ThemeWebConfig(ThemeService themes) {
        this.themes = themes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HostedThemeInterceptor(themes)).addPathPatterns("/hosted/**");
    }
}
