package com.zhaoshang.ledger.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many events the split query side's processors fetch per query ({@code ledger.query.events.fetch-batch-size},
 * default 1000; Axon's default is 100). A rebuild reads the whole store through this engine — with 100 events per
 * query (and per transaction), fetching was a large share of every view's replay; a larger batch costs nothing when
 * caught up (a fetch returns what there is).
 * <p>
 * Axon's auto-configured {@link JdbcEventStorageEngine} takes its batch size only on its builder, so the engine is
 * built again here exactly as Axon's {@code JdbcAutoConfiguration} builds it, with the batch size and the gap
 * settings of {@link EventStoreGapSettings}. Only Axon's own engine class is replaced: in the single-process
 * deployment the command side's chaining engine serves both sides and is left as it is.
 */
@Component
public class EventFetchSettings implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware, Ordered {

    private BeanFactory beanFactory;
    private Environment environment;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** Before {@link EventStoreGapSettings}, which then applies its settings to the engine built here too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean.getClass() != JdbcEventStorageEngine.class) {
            return bean;
        }
        int batchSize = environment.getProperty("ledger.query.events.fetch-batch-size", Integer.class, 1000);
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(beanFactory.getBean(Serializer.class))
                .upcasterChain(axon().upcasterChain())
                .persistenceExceptionResolver(beanFactory.getBean(PersistenceExceptionResolver.class))
                .eventSerializer(beanFactory.getBean("eventSerializer", Serializer.class))
                .snapshotFilter(axon().snapshotFilter())
                .connectionProvider(beanFactory.getBean(ConnectionProvider.class))
                .transactionManager(beanFactory.getBean(TransactionManager.class))
                .schema(beanFactory.getBean(EventSchema.class))
                .batchSize(batchSize)
                .build();
        return engine;
    }

    private org.axonframework.config.Configuration axon() {
        return beanFactory.getBean(org.axonframework.config.Configuration.class);
    }
}
