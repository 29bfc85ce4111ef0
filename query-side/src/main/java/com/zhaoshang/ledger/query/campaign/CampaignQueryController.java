package com.zhaoshang.ledger.query.campaign;

import com.zhaoshang.ledger.query.views.LeaderViewsReads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

/** Leaders read campaigns and their progress. */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignQueryController {

    private final CampaignViews campaigns;
    private final LeaderViewsReads reads;

    public CampaignQueryController(CampaignViews campaigns, LeaderViewsReads reads) {
        this.campaigns = campaigns;
        this.reads = reads;
    }

    private record ProgressRead(String campaignId, Instant asOf) {
    }

    @GetMapping
    public List<CampaignViews.CampaignSummary> handle() {
        return campaigns.list();
    }

    @GetMapping("/{id}")
    public CampaignViews.CampaignDetail handle(@PathVariable String id) {
        return campaigns.find(id).orElseThrow(() -> unknown(id));
    }

    /** Progress now, or as known at {@code asOf} (an ISO-8601 instant): only facts recorded by then count. */
    @GetMapping("/{id}/progress")
    public CampaignViews.Progress progress(@PathVariable String id,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return reads.read(new ProgressRead(id, asOf), () -> campaigns.progress(id, asOf)).orElseThrow(() -> unknown(id));
    }

    static ResponseStatusException unknown(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no campaign " + id);
    }
}
