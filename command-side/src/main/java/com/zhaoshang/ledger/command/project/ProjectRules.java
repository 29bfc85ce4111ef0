package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.command.common.Refusal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static com.zhaoshang.ledger.command.common.TextRules.requireText;

/**
 * The field rules of a project's facts, one named method per rule. Each refuses with
 * {@link ErrorCode#RULE_VIOLATED} and a message that names the field and the bound it broke. The stage rules are in
 * {@link ProjectLifecycle}, the date rules in {@link com.zhaoshang.ledger.command.common.BusinessDates}.
 */
public final class ProjectRules {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_INVESTOR_NAME_LENGTH = 200;
    public static final int MAX_CEREMONY_LENGTH = 200;
    public static final int MAX_PARCEL_ID_LENGTH = 100;
    public static final int MAX_REASON_LENGTH = 1000;
    public static final int MAX_ARRIVAL_ID_LENGTH = 100;
    public static final int MAX_AREA_DECIMALS = 4;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Set<String> HK_MACAO_TAIWAN = Set.of("HK", "MO", "TW");
    private static final String CHINA = "CN";

    private ProjectRules() {
    }

    /** A project has a name: not blank, at most 200 characters. */
    public static void requireProjectName(String name) {
        requireText(name, "project name", MAX_NAME_LENGTH);
    }

    /**
     * The investor is named and placed: overseas kinds (外资, 港澳台) name their country or region as an upper-case ISO
     * 3166 alpha-2 code (港澳台: HK, MO or TW; 外资: neither China nor those three); domestic kinds name no other
     * country than CN and may carry a unified social credit code (the record already checked its check character).
     */
    public static void requireInvestor(Investor investor) {
        if (investor == null) {
            throw violated("investor is required");
        }
        requireText(investor.name(), "investor name", MAX_INVESTOR_NAME_LENGTH);
        String country = investor.country();
        if (investor.kind().isOverseas()) {
            if (country == null || country.isBlank()) {
                throw violated("an overseas investor (" + investor.kind() + ") must name its country or region "
                        + "(ISO 3166 alpha-2, e.g. SG)");
            }
            requireIsoCountry(country);
            switch (investor.kind()) {
                case HK_MACAO_TAIWAN -> {
                    if (!HK_MACAO_TAIWAN.contains(country)) {
                        throw violated("an investor of kind HK_MACAO_TAIWAN is from HK, MO or TW, not " + country);
                    }
                }
                default -> {
                    if (CHINA.equals(country) || HK_MACAO_TAIWAN.contains(country)) {
                        throw violated("a FOREIGN investor cannot be from " + country
                                + " (HK, MO and TW investors are of kind HK_MACAO_TAIWAN; CN is domestic)");
                    }
                }
            }
        } else if (country != null && !CHINA.equals(country)) {
            throw violated("a domestic investor (" + investor.kind() + ") is from CN, not " + country
                    + "; overseas investors are of kind FOREIGN or HK_MACAO_TAIWAN");
        }
    }

    /** A required value is present (industry, channel, unit of a lead). */
    public static void requirePresent(Object value, String field) {
        if (value == null) {
            throw violated(field + " is required");
        }
    }

    /** An amount, where given, is positive (an intended amount of a lead). */
    public static void requirePositiveIfPresent(Money amount, String field) {
        if (amount != null) {
            requirePositive(amount, field);
        }
    }

    /** An amount is given and positive (intent amount, contract amount, capital arrived). */
    public static void requirePositive(Money amount, String field) {
        if (amount == null) {
            throw violated(field + " is required");
        }
        if (!amount.greaterThanZero()) {
            throw violated(field + " must be positive, not " + amount);
        }
    }

    /** A project cannot be signed without its responsible leader (包抓领导: "谁签约、谁跟踪、谁落实"). */
    public static void requireResponsibleLeader(ResponsibleLeader leader) {
        if (leader == null) {
            throw violated("responsibleLeader is required: a signed project has a leader who answers for it");
        }
    }

    /** A ceremony, where named, is at most 200 characters and not blank. */
    public static void requireCeremonyName(String ceremony) {
        if (ceremony != null) {
            requireText(ceremony, "ceremony", MAX_CEREMONY_LENGTH);
        }
    }

    /** A verifier's decision names the evidence it relied on. */
    public static void requireEvidence(Evidence evidence, String fact) {
        if (evidence == null) {
            throw violated("evidence is required to " + fact + ": a verification records what it relied on");
        }
    }

    /** Land is a named parcel of a positive area in mu with at most four decimals. */
    public static void requireLand(String parcelId, BigDecimal areaMu) {
        requireText(parcelId, "parcelId", MAX_PARCEL_ID_LENGTH);
        if (areaMu == null) {
            throw violated("areaMu is required");
        }
        if (areaMu.signum() <= 0) {
            throw violated("areaMu must be positive, not " + areaMu.toPlainString());
        }
        if (areaMu.stripTrailingZeros().scale() > MAX_AREA_DECIMALS) {
            throw violated("areaMu has more than " + MAX_AREA_DECIMALS + " decimals: " + areaMu.toPlainString());
        }
    }

    /** Ending a project says why. */
    public static void requireReason(String reason) {
        requireText(reason, "reason", MAX_REASON_LENGTH);
    }

    /** A capital arrival has an identifier (made by the server). */
    public static void requireArrivalId(String arrivalId) {
        requireText(arrivalId, "arrivalId", MAX_ARRIVAL_ID_LENGTH);
    }

    /** 认定进资: the verified amount is in the currency reported; currencies are never converted. */
    public static void requireSameCurrencyAsReported(Money verified, Money reported, String arrivalId) {
        if (verified == null) {
            throw violated("verifiedAmount is required");
        }
        if (verified.currency() != reported.currency()) {
            throw violated("arrival " + arrivalId + " was reported in " + reported.currency()
                    + "; it cannot be verified in " + verified.currency() + " (currencies are never converted)");
        }
    }

    /** 认定进资: 0 < verified ≤ reported — a verification can cut a reported figure, never raise it (防止水份). */
    public static void requireVerifiedWithinReported(Money verified, Money reported, String arrivalId) {
        if (!verified.greaterThanZero()) {
            throw violated("verifiedAmount must be positive, not " + verified);
        }
        if (verified.isGreaterThan(reported)) {
            throw violated("verifiedAmount " + verified + " exceeds the " + reported + " reported for arrival "
                    + arrivalId + "; a verification never raises a reported figure");
        }
    }

    /**
     * 认定进资: the evidence proves capital in that currency (验资报告, 银行进账单, 设备清单 for CNY; foreign-exchange or
     * customs records for USD).
     */
    public static void requireEvidenceProvesCurrency(Evidence evidence, Currency currency) {
        requireEvidence(evidence, "verify capital");
        if (!evidence.kind().provesCapitalIn(currency)) {
            throw violated("evidence of kind " + evidence.kind() + " does not prove capital in " + currency);
        }
    }

    private static void requireIsoCountry(String country) {
        if (!COUNTRY.matcher(country).matches() || !ISO_COUNTRIES.contains(country)) {
            throw violated("country '" + abbreviate(country)
                    + "' is not an upper-case ISO 3166 alpha-2 code (e.g. SG, US, HK)");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    private static RuntimeException violated(String detail) {
        return Refusal.of(ErrorCode.RULE_VIOLATED, detail);
    }
}
