package com.zhaoshang.ledger.query.conversion;

import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.views.LeaderViewsReads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.Locale;

/** {@code GET /api/conversion?unitId=&from=&to=&industry=}: see {@link ConversionService} for the definitions. */
@RestController
public class ConversionController {

    private final ConversionService conversion;
    private final LeaderViewsReads reads;

    public ConversionController(ConversionService conversion, LeaderViewsReads reads) {
        this.conversion = conversion;
        this.reads = reads;
    }

    private record ConversionRead(String unitId, LocalDate from, LocalDate to, String industry) {
    }

    @GetMapping("/api/conversion")
    public ConversionService.Conversion handle(@RequestParam String unitId,
                                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                               @RequestParam(required = false) String industry) {
        if (!UnitId.isValid(unitId)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unitId is not a unit id");
        }
        if (to.isBefore(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to is before from");
        }
        String prefix = null;
        if (industry != null && !industry.isBlank()) {
            prefix = industry.strip().toUpperCase(Locale.ROOT);
            if (!(prefix.length() == 1 && prefix.charAt(0) >= 'A' && prefix.charAt(0) <= 'T') && !IndustryCode.isValid(prefix)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "industry is not a GB/T 4754 code or section letter");
            }
        }
        String industryPrefix = prefix;
        return reads.read(new ConversionRead(unitId, from, to, industryPrefix),
                () -> conversion.conversion(unitId, from, to, industryPrefix));
    }
}
