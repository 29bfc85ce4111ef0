package com.zhaoshang.ledger.query.audit;

import com.zhaoshang.ledger.query.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/** The inspectors' routes (API.md, "Audit"): history by project, actor and unit; integrity; the access log. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final AuditHistory history;
    private final AuditAccessLog accessLog;
    private final DataSource dataSource;
    private final IntegrityVerifier verifier;

    public AuditController(AuditHistory history, AuditAccessLog accessLog, DataSource dataSource,
                           @Value("${ledger.audit.checkpoint-key:}") String checkpointKey) {
        this.history = history;
        this.accessLog = accessLog;
        this.dataSource = dataSource;
        this.verifier = new IntegrityVerifier(checkpointKey);
    }

    /** A project's facts in sequence; 404 when no fact names it. */
    public record ProjectHistory(String projectId, List<AuditHistory.HistoryEntry> events) {
    }

    @GetMapping("/projects/{id}/events")
    public ProjectHistory projectEvents(@PathVariable String id) {
        List<AuditHistory.HistoryEntry> events = history.ofProject(id);
        if (events.isEmpty()) {
            throw new AuditRequestException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "no fact names project " + id);
        }
        return new ProjectHistory(id, events);
    }

    @GetMapping("/actors/{userId}/events")
    public AuditHistory.HistoryPage actorEvents(@PathVariable String userId,
                                                @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        Window window = Window.of(from, to, page, size);
        return history.ofActor(userId, window.from(), window.to(), window.page(), window.size());
    }

    @GetMapping("/units/{unitId}/events")
    public AuditHistory.HistoryPage unitEvents(@PathVariable String unitId,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        Window window = Window.of(from, to, page, size);
        return history.ofUnit(unitId, window.from(), window.to(), window.page(), window.size());
    }

    @GetMapping("/integrity")
    public IntegrityReport integrity() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return verifier.verify(connection);
        }
    }

    @GetMapping("/access-log")
    public AuditAccessLog.AccessPage accessLog(@RequestParam(required = false) String userId,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        Window window = Window.of(from, to, page, size);
        return accessLog.list(userId, window.from(), window.to(), window.page(), window.size());
    }

    /** A page and a recording-time window [from, to), checked. */
    record Window(Instant from, Instant to, int page, int size) {

        static Window of(String from, String to, Integer page, Integer size) {
            Instant start = instant("from", from);
            Instant end = instant("to", to);
            if (start != null && end != null && !start.isBefore(end)) {
                throw badRequest("from must be before to");
            }
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 0) {
                throw badRequest("page must be 0 or more");
            }
            if (s < 1 || s > MAX_SIZE) {
                throw badRequest("size must be between 1 and " + MAX_SIZE);
            }
            return new Window(start, end, p, s);
        }

        private static Instant instant(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeException e) {
                throw badRequest(name + " must be an instant such as 2026-03-01T00:00:00Z");
            }
        }

        private static AuditRequestException badRequest(String detail) {
            return new AuditRequestException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail);
        }
    }

    /** A refused audit query: its status, problem type and detail. */
    static final class AuditRequestException extends RuntimeException {
        final HttpStatus status;
        final String slug;
        final String title;

        AuditRequestException(HttpStatus status, String slug, String title, String detail) {
            super(detail);
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    @ExceptionHandler(AuditRequestException.class)
    ResponseEntity<ProblemDetail> refused(AuditRequestException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemTypes.problem(e.status, e.slug, e.title, e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
