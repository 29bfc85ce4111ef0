package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The capital arrivals of one project, as reported, and whether a verifier has verified each: what the project needs to
 * refuse a reused arrival id and to check a verification against its arrival. A project keeps every arrival for life,
 * so this part of its state grows with its history; it is kept as one compact text, so that a snapshot stores it as a
 * single value and loading a long project reads one string instead of building an object per arrival (at 10,000
 * arrivals the per-object form made a 1.3 MB snapshot whose reading was the whole load). The lookup index is built from
 * the text when an arrival is first looked up, and is not part of the state.
 * <p>
 * The text is a sequence of entries, one per arrival in the order they arrived:
 * {@code <length of id>:<id><amount>;<currency>;<occurredOn>;<0|1>,} — the id is length-prefixed, so it may hold
 * any character; the other fields never hold {@code ;} or {@code ,}; the character before the comma is the verified
 * flag. No character of the form but the ids' needs escaping in JSON (a line break did, and unescaping 10,000 of them
 * was most of a long project's load).
 */
public final class CapitalArrivals {

    /** An arrival as reported, and whether a verifier has verified it. */
    public record Arrival(Money reported, LocalDate occurredOn, boolean verified) {
    }

    private static final char END = ',';
    private static final String END_TEXT = String.valueOf(END);

    private final StringBuilder text;
    /** Arrival id → offset of its entry's first field after the id; null until an arrival is first looked up. */
    private Map<String, Integer> index;

    public CapitalArrivals() {
        this(new StringBuilder());
    }

    private CapitalArrivals(StringBuilder text) {
        this.text = text;
    }

    /** The arrivals from their {@link #encoded()} text, as a snapshot stored them. */
    public static CapitalArrivals decode(CharSequence encoded) {
        return new CapitalArrivals(new StringBuilder(encoded.length()).append(encoded));
    }

    /** Every arrival, in one text (see the class comment). */
    public String encoded() {
        return text.toString();
    }

    /** An arrival reported (not yet verified). */
    public void add(String arrivalId, Money reported, LocalDate occurredOn) {
        text.append(arrivalId.length()).append(':').append(arrivalId);
        int fields = text.length();
        text.append(reported.amount().toPlainString()).append(';').append(reported.currency().name()).append(';')
                .append(occurredOn).append(';').append('0').append(END);
        if (index != null) {
            index.put(arrivalId, fields);
        }
    }

    /** An arrival verified; unknown ids are ignored (the command that verified it checked it existed). */
    public void markVerified(String arrivalId) {
        Integer fields = index().get(arrivalId);
        if (fields != null) {
            text.setCharAt(text.indexOf(END_TEXT, fields) - 1, '1');
        }
    }

    public boolean contains(String arrivalId) {
        return index().containsKey(arrivalId);
    }

    public Optional<Arrival> find(String arrivalId) {
        Integer fields = arrivalId == null ? null : index().get(arrivalId);
        if (fields == null) {
            return Optional.empty();
        }
        int amountEnd = text.indexOf(";", fields);
        int currencyEnd = text.indexOf(";", amountEnd + 1);
        int dateEnd = text.indexOf(";", currencyEnd + 1);
        Money reported = new Money(new BigDecimal(text.substring(fields, amountEnd)),
                Currency.valueOf(text.substring(amountEnd + 1, currencyEnd)));
        LocalDate occurredOn = LocalDate.parse(text.substring(currencyEnd + 1, dateEnd));
        return Optional.of(new Arrival(reported, occurredOn, text.charAt(dateEnd + 1) == '1'));
    }

    private Map<String, Integer> index() {
        if (index == null) {
            Map<String, Integer> built = new HashMap<>();
            int at = 0;
            while (at < text.length()) {
                int colon = text.indexOf(":", at);
                int idEnd = colon + 1 + Integer.parseInt(text, at, colon, 10);
                built.put(text.substring(colon + 1, idEnd), idEnd);
                at = text.indexOf(END_TEXT, idEnd) + 1;
            }
            index = built;
        }
        return index;
    }

    /** Equal when they hold the same arrivals in the same order and states; the lookup index is not state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CapitalArrivals arrivals && text.compareTo(arrivals.text) == 0;
    }

    @Override
    public int hashCode() {
        return text.toString().hashCode();
    }

    @Override
    public String toString() {
        return "CapitalArrivals[" + (index == null ? "?" : index.size()) + " arrivals, " + text.length() + " chars]";
    }
}
