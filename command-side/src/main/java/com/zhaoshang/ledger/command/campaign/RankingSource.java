package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Where a bulletin's rows come from: the query side's ranking as known at the publication instant, answered once its
 * views have processed every event recorded until then. One in-process query message ({@link QueryGatewayRankingSource})
 * or an HTTP call to the query side ({@link HttpRankingSource}, when {@code ledger.bulletins.ranking-source.url} is set).
 */
public interface RankingSource {

    /**
     * The ranking asked for, as known at {@code query.knownAt()}.
     *
     * @throws CommandExecutionException with {@link com.zhaoshang.ledger.api.ErrorCode#UNAVAILABLE} when the query
     *                                   side does not answer (its views behind past the timeout, or unreachable)
     */
    BulletinRanking rankingAsKnownAt(FetchRankingQuery query);
}
