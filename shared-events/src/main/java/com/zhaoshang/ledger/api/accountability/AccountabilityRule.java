package com.zhaoshang.ledger.api.accountability;

/**
 * The year-close rules of DOMAIN.md ("Supervision and accountability rules", 6 and 7). Every fact they record names
 * its rule and the parameters it used.
 */
public enum AccountabilityRule {
    /** Rule 6, 排名问责: the last of a peer group's annual ranking writes a self-examination (书面检查); last two years
     * running, a leadership adjustment is proposed; departments last or second-last, a post adjustment is proposed. */
    RANKING_CONSEQUENCES,
    /** Rule 7, 一票否决: a unit that misses an annual target is disqualified from that year's awards (评先评优). */
    ONE_VOTE_VETO
}
