package com.zhaoshang.ledger.command.web.request;

import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The leader who answers for a project (包抓领导): name and title as bulletins print them, and a login if any. */
public record LeaderRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @Size(max = 100) @PlainText String title,
        @Size(max = 100) @PlainText String userId) {

    public ResponsibleLeader toLeader() {
        return new ResponsibleLeader(name.strip(), title, userId);
    }
}
