package com.zhaoshang.ledger.query.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The leaders' dashboard (领导驾驶舱) at {@code /dashboard}: a static page ({@code static/dashboard/}) that reads the
 * JSON API with the browser's credentials. Reaching it needs the same login as the API (the query side's security
 * chain: any authenticated role); its charting library is served from the application's webjar.
 */
@Controller
@Hidden
public class DashboardController {

    @GetMapping({"/dashboard", "/dashboard/"})
    public String page() {
        return "forward:/dashboard/index.html";
    }
}
