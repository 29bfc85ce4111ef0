package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import com.zhaoshang.ledger.command.common.Refusal;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The ranking by a query message through Axon's query bus: both sides in one process (and the tests). */
public class QueryGatewayRankingSource implements RankingSource {

    private final QueryGateway queries;

    public QueryGatewayRankingSource(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public BulletinRanking rankingAsKnownAt(FetchRankingQuery query) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(BulletinRanking.class)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.of(ErrorCode.UNAVAILABLE, "interrupted while fetching the bulletin's ranking");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Refusal.of(ErrorCode.UNAVAILABLE, "the bulletin's ranking is not available now: " + cause.getMessage());
        } catch (RuntimeException e) {
            throw Refusal.of(ErrorCode.UNAVAILABLE, "the bulletin's ranking is not available now: " + e.getMessage());
        }
    }
}
