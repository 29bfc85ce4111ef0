package com.zhaoshang.ledger.api.supervision;

import java.util.List;

/** The answer to {@link FindVerificationGapsQuery}: largest gap ratio first. */
public record VerificationGaps(List<VerificationGap> gaps) {
}
