package com.zhaoshang.ledger.command.web.unit;

import com.zhaoshang.ledger.api.unit.RegisterUnitCommand;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/units}: a unit of the tree. Its id is the client's: a GB/T 2260 division code ({@code 360802}) or a
 * stable slug; {@code parentId} is absent only for a city; {@code peerGroup} names the units it is ranked against.
 */
public record RegisterUnitRequest(
        @NotNull @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug") String id,
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotNull UnitKind kind,
        @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug") String parentId,
        @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be 1 to 64 lower-case letters, digits or hyphens") String peerGroup) {

    RegisterUnitCommand toCommand() {
        return new RegisterUnitCommand(new UnitId(id), name.strip(), kind, parentId == null ? null : new UnitId(parentId),
                peerGroup);
    }
}
