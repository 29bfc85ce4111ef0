package com.zhaoshang.ledger.query.ranking;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** {@code GET /api/bulletins}, {@code GET /api/bulletins/{id}} as JSON, or as an XLSX sheet when the client accepts one. */
@RestController
@RequestMapping("/api/bulletins")
public class BulletinController {

    private final Bulletins bulletins;

    public BulletinController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping
    public List<Bulletins.BulletinSummary> handle() {
        return bulletins.list();
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Bulletins.Bulletin handle(@PathVariable String id) {
        return bulletins.find(id).orElseThrow(() -> unknown(id));
    }

    @GetMapping(value = "/{id}", produces = BulletinSheet.MEDIA_TYPE)
    public ResponseEntity<byte[]> sheet(@PathVariable String id) {
        Bulletins.Bulletin bulletin = bulletins.find(id).orElseThrow(() -> unknown(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(BulletinSheet.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulletin-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".xlsx\"")
                .body(BulletinSheet.write(bulletin));
    }

    private static ResponseStatusException unknown(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no bulletin " + id);
    }
}
