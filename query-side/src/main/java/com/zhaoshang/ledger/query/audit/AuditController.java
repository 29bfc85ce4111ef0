package com.zhaoshang.ledger.query.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.audit.asof.ProjectStateReplay;
import com.zhaoshang.ledger.query.audit.late.LateEntries;
import com.zhaoshang.ledger.query.project.ProjectJson;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The inspectors' routes (API.md, "Audit"): history by project, actor and unit; a project as known at an instant; late
 * entries; integrity; the access log.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final AuditHistory history;
    private final AuditAccessLog accessLog;
    private final DataSource dataSource;
    private final IntegrityVerifier verifier;
    private final ProjectStateReplay replay;
    private final LateEntries lateEntries;

    public AuditController(AuditHistory history, AuditAccessLog accessLog, DataSource dataSource,
                           @Value("${ledger.audit.checkpoint-key:}") String checkpointKey, ProjectStateReplay replay,
                           LateEntries lateEntries) {
        this.history = history;
        this.accessLog = accessLog;
        this.dataSource = dataSource;
        this.verifier = new IntegrityVerifier(checkpointKey);
        this.replay = replay;
        this.lateEntries = lateEntries;
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

    /**
     * The project as {@code GET /api/projects/{id}} would have shown it at {@code asOf}, with the instant asked for, how
     * many stored events were recorded by then and the last one's sequence.
     */
    public record ProjectStateJson(@JsonUnwrapped ProjectJson project, Instant asOf, int eventsReplayed,
                                   long lastSequence) {

        static ProjectStateJson of(ProjectStateReplay.ProjectState state) {
            return new ProjectStateJson(ProjectJson.of(state.project()), state.asOf(), state.eventsReplayed(),
                    state.lastSequence());
        }
    }

    @GetMapping("/projects/{id}/state")
    public ProjectStateJson projectState(@PathVariable String id, @RequestParam(required = false) String asOf) {
        if (asOf == null || asOf.isBlank()) {
            throw Window.badRequest("asOf is required: an instant such as 2026-03-01T00:00:00Z");
        }
        Instant instant = Window.instant("asOf", asOf);
        return replay.asOf(id, instant)
                .map(ProjectStateJson::of)
                .orElseThrow(() -> new AuditRequestException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                        "no fact of project " + id + " had been recorded by " + instant));
    }

    /**
     * Facts recorded late ({@code ledger.audit.late-entry-days}) or after a bulletin they would change; {@code from}
     * and {@code to} bound the recording time: a date ({@code yyyy-MM-dd}, Beijing days, both inclusive) or an instant
     * ({@code to} exclusive).
     */
    @GetMapping("/late-entries")
    public LateEntries.LateEntryPage lateEntries(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String unitId,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        Window window = Window.of(recordingBound("from", from, false), recordingBound("to", to, true), page, size);
        String unit = unitId == null || unitId.isBlank() ? null : unitId;
        if (unit != null && !unit.matches(UnitId.PATTERN)) {
            throw Window.badRequest("unitId must be a GB/T 2260 division code or a lower-case slug");
        }
        return lateEntries.find(window.from(), window.to(), unit, window.page(), window.size());
    }

    /** Beijing days: a date bound means the start of that day ({@code from}) or of the next ({@code to}). */
    static final ZoneId RECORDING_DAYS = ZoneId.of("Asia/Shanghai");

    /** A date turned into the instant string {@link Window} reads; an instant (or nothing) passed on as it is. */
    private static String recordingBound(String name, String value, boolean end) {
        if (value == null || value.isBlank() || value.contains("T")) {
            return value;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            return (end ? day.plusDays(1) : day).atStartOfDay(RECORDING_DAYS).toInstant().toString();
        } catch (DateTimeException e) {
            throw Window.badRequest(name + " must be a date such as 2026-03-01 or an instant such as 2026-03-01T00:00:00Z");
        }
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

        static Instant instant(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeException e) {
                throw badRequest(name + " must be an instant such as 2026-03-01T00:00:00Z");
            }
        }

        static AuditRequestException badRequest(String detail) {
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
