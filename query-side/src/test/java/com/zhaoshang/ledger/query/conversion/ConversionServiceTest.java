package com.zhaoshang.ledger.query.conversion;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.conversion.ConversionService.CapitalRate;
import com.zhaoshang.ledger.query.conversion.ConversionService.Conversion;
import com.zhaoshang.ledger.query.views.ViewsIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The funnel and the five rates of DOMAIN.md, over the cohort of projects signed in the period. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversionServiceTest extends ViewsIntegrationTest {

    private static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    private static final LocalDate TO = LocalDate.of(2016, 12, 31);

    @Autowired
    ConversionService conversion;

    @BeforeAll
    void facts() {
        unit("cv-d", null, UnitKind.DISTRICT, "cv-districts");
        unit("cv-t1", "cv-d", UnitKind.TOWN, "cv-towns");
        unit("cv-t2", "cv-d", UnitKind.TOWN, "cv-towns");
        // p1: on schedule all the way to production; 50M arrived, 40M verified; a later arrival after the period
        String p1 = lead("cv-t1", "C3011", null, LocalDate.of(2015, 10, 1));
        sign(p1, Money.cny("100000000"), LocalDate.of(2016, 1, 10));
        register(p1, LocalDate.of(2016, 1, 20));
        land(p1, LocalDate.of(2016, 2, 9));
        startConstruction(p1, LocalDate.of(2016, 3, 10));
        startProduction(p1, LocalDate.of(2016, 9, 6));
        String a1 = arrival(p1, Money.cny("50000000"), LocalDate.of(2016, 4, 1));
        verify(p1, a1, Money.cny("50000000"), Money.cny("40000000"), LocalDate.of(2016, 4, 20));
        String a1late = arrival(p1, Money.cny("10000000"), LocalDate.of(2017, 1, 5));
        verify(p1, a1late, Money.cny("10000000"), Money.cny("10000000"), LocalDate.of(2017, 1, 6));
        // p2: started 214 days after signing: not on schedule
        String p2 = lead("cv-t1", "C3389", null, LocalDate.of(2015, 11, 1));
        sign(p2, Money.cny("200000000"), LocalDate.of(2016, 3, 1));
        land(p2, LocalDate.of(2016, 4, 10));
        startConstruction(p2, LocalDate.of(2016, 10, 1));
        String a2 = arrival(p2, Money.cny("60000000"), LocalDate.of(2016, 5, 1));
        verify(p2, a2, Money.cny("60000000"), Money.cny("60000000"), LocalDate.of(2016, 5, 2));
        String a2unverified = arrival(p2, Money.cny("90000000"), LocalDate.of(2016, 6, 1));
        assertThat(a2unverified).isNotBlank();
        // p3: foreign, not industrial, registered then terminated
        String p3 = lead("cv-t2", "F5100", null, LocalDate.of(2015, 12, 1));
        sign(p3, Money.usd("10000000"), LocalDate.of(2016, 5, 1));
        register(p3, LocalDate.of(2016, 5, 10));
        String a3 = arrival(p3, Money.usd("2000000"), LocalDate.of(2016, 6, 1));
        verify(p3, a3, Money.usd("2000000"), Money.usd("2000000"), LocalDate.of(2016, 6, 5));
        terminate(p3, LocalDate.of(2016, 8, 1));
        // p4: signed late in the period; its deadline has not passed; started after the period
        String p4 = lead("cv-t2", "C3011", null, LocalDate.of(2015, 12, 2));
        sign(p4, Money.cny("50000000"), LocalDate.of(2016, 11, 1));
        startConstruction(p4, LocalDate.of(2017, 1, 10));
        // p5: signed before the period, started inside it; p6: a lead of the period
        String p5 = lead("cv-t1", "C3011", null, LocalDate.of(2015, 1, 1));
        sign(p5, Money.cny("70000000"), LocalDate.of(2015, 6, 1));
        startConstruction(p5, LocalDate.of(2016, 1, 5));
        lead("cv-t2", "C3011", null, LocalDate.of(2016, 6, 1));
        awaitViewsCaughtUp();
    }

    @Test
    void funnelCountsEachStageReachedInThePeriod() {
        Conversion c = conversion.conversion("cv-d", FROM, TO, null);
        assertThat(c.funnel()).containsEntry("LEAD", 1L).containsEntry("SIGNED", 4L).containsEntry("REGISTERED", 2L)
                .containsEntry("LAND_ASSIGNED", 2L).containsEntry("UNDER_CONSTRUCTION", 3L)
                .containsEntry("IN_PRODUCTION", 1L).containsEntry("TERMINATED", 1L).containsEntry("NEGOTIATING", 0L);
        assertThat(c.signedProjects()).isEqualTo(4);
    }

    @Test
    void fiveRatesOverTheSignedCohort() {
        ConversionService.Rates rates = conversion.conversion("cv-d", FROM, TO, null).rates();
        assertThat(rates.signingConversion()).isEqualByComparingTo("0.500");
        assertThat(rates.fulfilment()).isEqualByComparingTo("0.500");
        assertThat(rates.startRate()).isEqualByComparingTo("0.500");
        assertThat(rates.productionRate()).isEqualByComparingTo("0.250");
        assertThat(rates.capitalArrival()).extracting(CapitalRate::currency, r -> r.verified().toPlainString(),
                        r -> r.contracted().toPlainString(), r -> r.rate().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Currency.CNY, "100000000.00", "350000000.00", "0.286"),
                        org.assertj.core.groups.Tuple.tuple(Currency.USD, "2000000.00", "10000000.00", "0.200"));
    }

    @Test
    void medianDaysBetweenStages() {
        ConversionService.MedianDays days = conversion.conversion("cv-d", FROM, TO, null).medianDays();
        assertThat(days.signingToLand()).isEqualByComparingTo("35");
        assertThat(days.landToConstruction()).isEqualByComparingTo("102");
        assertThat(days.constructionToProduction()).isEqualByComparingTo("180");
        assertThat(days.signingToConstruction()).isEqualByComparingTo("137");
    }

    @Test
    void industryAndSubtreeNarrowTheCohort() {
        Conversion industrial = conversion.conversion("cv-d", FROM, TO, "C");
        assertThat(industrial.signedProjects()).isEqualTo(3);
        assertThat(industrial.rates().signingConversion()).isEqualByComparingTo("0.333");
        assertThat(industrial.rates().capitalArrival().get(1).rate()).isNull();
        Conversion town = conversion.conversion("cv-t2", FROM, TO, null);
        assertThat(town.signedProjects()).isEqualTo(2);
        assertThat(town.funnel()).containsEntry("LEAD", 1L);
        assertThat(conversion.conversion("cv-d", FROM, TO, "C30").signedProjects()).isEqualTo(2);
    }
}
