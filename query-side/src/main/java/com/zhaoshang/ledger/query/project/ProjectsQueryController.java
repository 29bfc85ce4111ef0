package com.zhaoshang.ledger.query.project;

import com.zhaoshang.ledger.api.query.PageRequest;
import com.zhaoshang.ledger.api.query.project.FindProjectQuery;
import com.zhaoshang.ledger.api.query.project.FindProjectsQuery;
import com.zhaoshang.ledger.api.query.project.ProjectDetails;
import com.zhaoshang.ledger.api.query.project.ProjectPage;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.web.Queries;
import com.zhaoshang.ledger.query.web.UnknownResourceException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/projects/{id}} (with {@code ETag: "<version>"}; {@code If-None-Match} answers 304) and
 * {@code GET /api/projects?unitId=&includeSubunits=&stage=&overdue=&page=&size=}.
 */
@RestController
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProjectsQueryController {

    /** A unit id, or nothing ({@code unitId=} means no unit filter). */
    static final String OPTIONAL_UNIT_ID = "(" + UnitId.PATTERN + ")?";
    static final String UNIT_ID_MESSAGE = "must be a GB/T 2260 division code (6, 9 or 12 digits) or a lower-case slug";

    private final Queries queries;

    public ProjectsQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    public ResponseEntity<ProjectJson> project(@PathVariable String id) {
        ProjectDetails project = queries.find(new FindProjectQuery(id), ProjectDetails.class)
                .orElseThrow(() -> new UnknownResourceException("project", id));
        return ResponseEntity.ok()
                .eTag("\"" + project.version() + "\"")
                .body(ProjectJson.of(project));
    }

    @GetMapping
    public ProjectJson.PageJson projects(
            @RequestParam(name = "unitId", required = false) @Pattern(regexp = OPTIONAL_UNIT_ID, message = UNIT_ID_MESSAGE) String unitId,
            @RequestParam(name = "includeSubunits", defaultValue = "true") boolean includeSubunits,
            @RequestParam(name = "stage", required = false) ProjectStage stage,
            @RequestParam(name = "overdue", required = false) Boolean overdue,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        FindProjectsQuery query = new FindProjectsQuery(unitId(unitId), includeSubunits,
                stage, overdue, new PageRequest(page, size));
        return ProjectJson.PageJson.of(queries.ask(query, ProjectPage.class));
    }

    static UnitId unitId(String parameter) {
        return parameter == null || parameter.isEmpty() ? null : new UnitId(parameter);
    }
}
