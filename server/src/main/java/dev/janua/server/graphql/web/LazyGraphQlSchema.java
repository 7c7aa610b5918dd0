package dev.janua.server.graphql.web;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.target.LazyInitTargetSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Builds the GraphQL schema on the first GraphQL request instead of during start-up (issue 16: loading
 * the schema, wiring every {@code @SchemaMapping} controller method and inspecting the result was the
 * largest single part of the path to ready, ~1.4 s of 8 s, for a route most deployments call rarely).
 *
 * <p>Spring Boot's {@code graphQlSource} and {@code executionGraphQlService} bean definitions are kept as
 * they are but renamed (suffix {@value #TARGET_SUFFIX}) and made lazy, and each name becomes a proxy whose
 * first call creates the real bean (once, under the target source's lock, so concurrent first requests
 * wait for the same schema). The beans that only the
 * schema needs (the annotated-controller wiring) are made lazy too. Nothing else changes: the HTTP,
 * WebSocket and alias routes still hold the same handler chain, and a schema error still fails loudly —
 * on the first GraphQL request rather than at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class LazyGraphQlSchema {
    /**
     * The beans turned into lazy proxies, with the interface each is used through. Both are needed: the
     * execution service's constructor asks the source for its {@code GraphQL} object, which builds the schema.
     */
    private static final Map<String, Class<?>> PROXIED = Map.of(
            "graphQlSource", GraphQlSource.class,
            "executionGraphQlService", ExecutionGraphQlService.class);
    static final String TARGET_SUFFIX = ".lazyTarget";
    private static final String[] ONLY_FOR_THE_SCHEMA = {"annotatedControllerConfigurer"};

    @Bean
    static BeanDefinitionRegistryPostProcessor lazyGraphQlSource() {
        return new Renamer();
    }

    private static final class Renamer implements BeanDefinitionRegistryPostProcessor {
        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
            PROXIED.forEach((name, type) -> {
                if (!registry.containsBeanDefinition(name) || registry.containsBeanDefinition(name + TARGET_SUFFIX)) return;
                BeanDefinition original = registry.getBeanDefinition(name);
                registry.removeBeanDefinition(name);
                original.setLazyInit(true);
                original.setAutowireCandidate(false); // only the proxy answers for the type
                registry.registerBeanDefinition(name + TARGET_SUFFIX, original);
                registry.registerBeanDefinition(name, proxyDefinition(name + TARGET_SUFFIX, type, original.getRole()));
            });
            for (String name : ONLY_FOR_THE_SCHEMA) {
                if (registry.containsBeanDefinition(name)) registry.getBeanDefinition(name).setLazyInit(true);
            }
        }

        private static RootBeanDefinition proxyDefinition(String targetName, Class<?> type, int role) {
            // a factory bean with plain constructor arguments rather than an instance supplier, so Spring AOT
            // (./janua build) can write this definition out as code
            RootBeanDefinition proxy = new RootBeanDefinition(LazyProxy.class);
            proxy.getConstructorArgumentValues().addIndexedArgumentValue(0, targetName);
            proxy.getConstructorArgumentValues().addIndexedArgumentValue(1, type);
            proxy.setTargetType(ResolvableType.forClassWithGenerics(LazyProxy.class, type)); // the type it answers for
            proxy.setRole(role);
            return proxy;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
    }

    /** The proxy standing for {@code type}: its first call creates the bean named {@code targetName}. */
    static final class LazyProxy<T> implements FactoryBean<T>, BeanFactoryAware {
        private final String targetName;
        private final Class<T> type;
        private BeanFactory beanFactory;

        LazyProxy(String targetName, Class<T> type) {
            this.targetName = targetName;
            this.type = type;
        }

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory;
        }

        @Override
        public T getObject() {
            LazyInitTargetSource target = new LazyInitTargetSource();
            target.setTargetBeanName(targetName);
            target.setTargetClass(type);
            target.setBeanFactory(beanFactory);
            return ProxyFactory.getProxy(type, target);
        }

        @Override
        public Class<T> getObjectType() {
            return type;
        }
    }
}
