package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * {@code POST /api/bulletins} (ADMIN): publishes a bulletin now — {@code title}, {@code from}, {@code to}, and a
 * {@code peerGroup} or a {@code campaignId}; {@code kind} defaults to ON_DEMAND (CAMPAIGN_FINAL for a campaign's final one).
 */
public record PublishBulletinRequest(
        BulletinKind kind,
        @NotBlank @Size(max = 200) @PlainText String title,
        @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be 1 to 64 lower-case letters, digits or hyphens") String peerGroup,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be a campaign id") String campaignId,
        @NotNull @IsoDate LocalDate from,
        @NotNull @IsoDate LocalDate to) {

    PublishBulletinCommand toCommand(String bulletinId) {
        return new PublishBulletinCommand(bulletinId, kind == null ? BulletinKind.ON_DEMAND : kind, title.strip(),
                peerGroup, campaignId, from, to);
    }
}
