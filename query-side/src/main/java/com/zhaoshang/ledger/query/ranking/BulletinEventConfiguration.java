package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.BulletinPublishedEventUpcaster;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads bulletin events of revision 1 as revision 2 (rows not recorded); one bean when both sides share a context. */
@Configuration(proxyBeanMethods = false)
public class BulletinEventConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public BulletinPublishedEventUpcaster bulletinPublishedEventUpcaster() {
        return new BulletinPublishedEventUpcaster();
    }
}
