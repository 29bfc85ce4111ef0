package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.LeaderRequest;
import jakarta.validation.Valid;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** {@code POST /api/projects/{id}/responsible-leader}: names or replaces the leader who answers for the project. */
public record ResponsibleLeaderRequest(@NotNull @Valid LeaderRequest responsibleLeader, @NotNull @IsoDate LocalDate occurredOn) {
}
