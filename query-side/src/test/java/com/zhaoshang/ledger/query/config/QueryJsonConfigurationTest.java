package com.zhaoshang.ledger.query.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.InvestorKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side's strict mapper reads the events the command side writes and writes value types in their plain form. */
class QueryJsonConfigurationTest {

    private final QueryJsonConfiguration configuration = new QueryJsonConfiguration();
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
            .modulesToInstall(configuration.querySideValueTypes())
            .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void moneyIsWrittenAsAmountAndCurrencyOnly() throws Exception {
        assertThat(mapper.readTree(mapper.writeValueAsString(Money.cny("92900000"))).fieldNames())
                .toIterable().containsExactlyInAnyOrder("amount", "currency");
    }

    @Test
    void anEventRoundTripsWithValueTypesAsPlainStrings() throws Exception {
        LeadRegisteredEvent lead = new LeadRegisteredEvent("p-1", "项目", new UnitId("360802"),
                new Investor("某公司", CreditCode.of("91360800MA35F8XK0A".substring(0, 17)
                        + CreditCode.checkCharacterFor("91360800MA35F8XK0A".substring(0, 17))), null, InvestorKind.PRIVATE),
                IndustryCode.of("C3985"), Channel.FAIR, null, LocalDate.of(2024, 1, 5));

        String json = mapper.writeValueAsString(lead);

        assertThat(json).contains("\"unitId\":\"360802\"").contains("\"industryCode\":\"C3985\"");
        assertThat(mapper.readValue(json, LeadRegisteredEvent.class)).isEqualTo(lead);
    }
}
