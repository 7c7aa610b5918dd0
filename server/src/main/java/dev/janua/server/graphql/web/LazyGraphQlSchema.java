package dev.janua.server.graphql.web;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.target.LazyInitTargetSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Builds the GraphQL schema on the first GraphQL request instead of during start-up (issue 16: loading
 * the schema, wiring every {@code @SchemaMapping} controller method and inspecting the result was the
 * largest single part of the path to ready, ~1.4 s of 8 s, for a route most deployments call rarely).
 *
 * <p>Spring Boot's {@code graphQlSource} bean definition is kept as it is but renamed to {@value #TARGET}
 * and made lazy, and {@code graphQlSource} becomes a proxy whose first call creates it (once, under the
 * target source's lock, so concurrent first requests wait for the same schema). The beans that only the
 * schema needs (the annotated-controller wiring) are made lazy too. Nothing else changes: the HTTP,
 * WebSocket and alias routes still hold the same handler chain, and a schema error still fails loudly —
 * on the first GraphQL request rather than at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class LazyGraphQlSchema {
    static final String SOURCE = "graphQlSource";
    static final String TARGET = "graphQlSource.lazyTarget";
    private static final String[] ONLY_FOR_THE_SCHEMA = {"annotatedControllerConfigurer"};

    @Bean
    static BeanDefinitionRegistryPostProcessor lazyGraphQlSource() {
        return new Renamer();
    }

    private static final class Renamer implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware {
        private BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory;
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
            if (!registry.containsBeanDefinition(SOURCE) || registry.containsBeanDefinition(TARGET)) return;
            BeanDefinition original = registry.getBeanDefinition(SOURCE);
            registry.removeBeanDefinition(SOURCE);
            original.setLazyInit(true);
            original.setAutowireCandidate(false); // only the proxy answers for GraphQlSource
            registry.registerBeanDefinition(TARGET, original);
            RootBeanDefinition proxy = new RootBeanDefinition(GraphQlSource.class, this::proxy);
            proxy.setRole(original.getRole());
            registry.registerBeanDefinition(SOURCE, proxy);
            for (String name : ONLY_FOR_THE_SCHEMA) {
                if (registry.containsBeanDefinition(name)) registry.getBeanDefinition(name).setLazyInit(true);
            }
        }

        private GraphQlSource proxy() {
            LazyInitTargetSource target = new LazyInitTargetSource();
            target.setTargetBeanName(TARGET);
            target.setTargetClass(GraphQlSource.class);
            target.setBeanFactory(beanFactory);
            return ProxyFactory.getProxy(GraphQlSource.class, target);
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
    }
}
