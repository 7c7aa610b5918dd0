package dev.janua.server.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Responses are camelCase; requests accept camelCase and snake_case keys. The snake_case form of
 * every bean property is registered as an alias once, when Jackson introspects the type, so
 * {@code first_name} and {@code firstName} both bind — without rewriting keys of free-form maps
 * such as {@code metadata}.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    @Bean
    JsonMapperBuilderCustomizer snakeCaseAliases() {
        return builder -> builder.annotationIntrospector(new SnakeCaseAliasIntrospector());
    }

    static final class SnakeCaseAliasIntrospector extends JacksonAnnotationIntrospector {
        @Override
        public List<PropertyName> findPropertyAliases(MapperConfig<?> config, Annotated a) {
            List<PropertyName> declared = super.findPropertyAliases(config, a);
            String name = switch (a) {
                case AnnotatedField f -> f.getName();
                case AnnotatedParameter p -> recordComponentName(p);
                default -> null;
            };
            if (name == null) return declared;
            String snake = toSnakeCase(name);
            if (snake.equals(name)) return declared;
            List<PropertyName> all = new ArrayList<>(declared == null ? List.of() : declared);
            all.add(PropertyName.construct(snake));
            return all;
        }
    }

    /** Records bind through their canonical constructor, whose parameters carry the component names. */
    static String recordComponentName(AnnotatedParameter p) {
        Class<?> owner = p.getDeclaringClass();
        if (!owner.isRecord()) return null;
        var components = owner.getRecordComponents();
        if (p.getOwner().getParameterCount() != components.length || p.getIndex() >= components.length) return null;
        return components[p.getIndex()].getName();
    }

    static String toSnakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
