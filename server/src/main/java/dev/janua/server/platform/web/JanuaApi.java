package dev.janua.server.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the versioned API: its routes answer under {@link ApiPrefixes#PREFIXES}
 * ({@code /api/v1} and {@code /v1}). Seed aliases are listed on the handler's mapping itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface JanuaApi {
    @AliasFor(annotation = RestController.class)
    String value() default "";
}
