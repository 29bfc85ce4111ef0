package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.command.web.CommandContext;
import com.zhaoshang.ledger.command.web.CommandSender;
import com.zhaoshang.ledger.command.web.PathIds;
import com.zhaoshang.ledger.command.web.ReplyShape;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/campaigns} (ADMIN): defines a campaign; {@code 201}, {@code Location: /api/campaigns/{id}}. */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignCommandController {

    private final CommandSender sender;

    public CampaignCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<String> defineCampaign(@Valid @RequestBody DefineCampaignRequest body, CommandContext context) {
        String campaignId = PathIds.newId();
        return sender.send(context, ReplyShape.created("campaign", campaignId, "/api/campaigns/" + campaignId),
                body.toCommand(campaignId));
    }
}
