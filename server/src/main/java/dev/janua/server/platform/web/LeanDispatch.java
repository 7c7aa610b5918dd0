package dev.janua.server.platform.web;

import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Framework work every request paid for nothing (issue 16, BENCHMARKS.md "Framework cost per request"):
 * each item below showed in the JFR profile of {@code GET /.well-known/jwks.json} and {@code GET /auth/me}.
 */
@Configuration(proxyBeanMethods = false)
public class LeanDispatch {
    /** Where router functions are consulted among the handler mappings: after the annotated controllers. */
    static final int ROUTER_FUNCTIONS_ORDER = 1;

    /**
     * No {@link ResourceUrlEncodingFilter}. Spring Boot adds it because the Swagger UI webjar brings a webjars
     * locator (which switches the "resource chain" on); it rewrites links to versioned static resources, and Janua
     * configures no resource versions, so it only wrapped every request and response (4–7 % of a JWKS request,
     * most of it its {@code setAttribute} override). A disabled registration of our own keeps Boot's away.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    /**
     * Router functions after the annotated controllers. Spring MVC asks the router functions first (order -1),
     * and the only ones here are GraphQL's few routes, so every other request walked their predicates before its
     * controller was found (4.6 % of a JWKS request). No GraphQL path is also a controller path, so which mapping
     * is asked first changes no answer; {@code LeanDispatchIntegrationTest} checks that.
     */
    @Bean
    static BeanPostProcessor routerFunctionsAfterControllers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RouterFunctionMapping mapping) mapping.setOrder(ROUTER_FUNCTIONS_ORDER);
                return bean;
            }
        };
    }

    /** Each controller method's return value handler chosen once, not per request: {@link ReturnValueHandlerChoice}. */
    @Bean
    static BeanPostProcessor rememberedReturnValueHandlers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
                    adapter.setReturnValueHandlers(ReturnValueHandlerChoice.wrap(adapter.getReturnValueHandlers()));
                }
                return bean;
            }
        };
    }

    /**
     * The response converters: {@link JsonBodyConverter} first (bodies serialised once and kept), and no JAXB converter.
     * Spring adds the JAXB one because the SAML library brings the JAXB API, but it writes and reads only classes annotated
     * {@code @XmlRootElement}/{@code @XmlType}, which no handler returns or takes; its annotation search on the
     * returned class was still paid by every JSON response's content negotiation (1 % of {@code /auth/me}).
     */
    @Bean
    WebMvcConfigurer jsonBodiesAndNoXmlConverter() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(c -> c instanceof Jaxb2RootElementHttpMessageConverter);
                converters.addFirst(new JsonBodyConverter());
            }
        };
    }
}
