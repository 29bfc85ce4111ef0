package com.zhaoshang.ledger.query.ranking;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** {@code GET /api/bulletins}, {@code GET /api/bulletins/{id}} as JSON, or as an XLSX sheet when the client accepts one. */
@RestController
public class BulletinController {

    private final Bulletins bulletins;

    public BulletinController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/api/bulletins")
    public List<Bulletins.BulletinSummary> handle() {
        return bulletins.list();
    }

    @GetMapping(value = "/api/bulletins/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Bulletins.Bulletin handle(@PathVariable String id) {
        return bulletins.find(id).orElseThrow(() -> unknown(id));
    }

    @GetMapping(value = "/api/bulletins/{id}", produces = BulletinSheet.MEDIA_TYPE)
    public ResponseEntity<byte[]> sheet(@PathVariable String id) {
        Bulletins.Bulletin bulletin = bulletins.find(id).orElseThrow(() -> unknown(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(BulletinSheet.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulletin-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".xlsx\"")
                .body(BulletinSheet.write(bulletin));
    }

    /** {@code GET /api/audit/bulletins/{id}/verification}: the bulletin recomputed from the facts recorded before it, and the differences. */
    @GetMapping("/api/audit/bulletins/{id}/verification")
    public Bulletins.Verification verify(@PathVariable String id) {
        return bulletins.verify(id).orElseThrow(() -> unknown(id));
    }

    private static ResponseStatusException unknown(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no bulletin " + id);
    }
}
