package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leaders' dashboard in headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which
 * {@code .ci/run} installs) against the single-process backend with known data recorded through the API: every
 * figure the page shows — ranking (rank, movement, score, colour), campaign progress, the conversion funnel, overdue
 * projects, open supervision cases, bulletins — equals the JSON API's. Screenshot: {@code target/dashboard.png}.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("dashboard");
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final List<String> TOWNS = List.of("360802100", "360802101", "360802102");
    private static final String FROM = "2025-01-01";
    private static final String TO = "2025-03-31";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    LedgerHttp http;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        http = new LedgerHttp(port);
    }

    /** The screenshot is taken whatever the outcome, so a failure can be looked at. */
    @AfterEach
    void quit() throws IOException {
        if (browser != null) {
            try {
                screenshot();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void theDashboardShowsTheApisFigures() throws Exception {
        String campaignId = knownData();
        JsonNode ranking = http.get("leader", "/api/rankings?campaignId=" + campaignId + "&peerGroup=towns").body();
        JsonNode progress = http.get("leader", "/api/campaigns/" + campaignId + "/progress").body();
        JsonNode funnel = http.get("leader", "/api/conversion?unitId=360802&from=" + FROM + "&to=" + TO).body();
        JsonNode overdue = http.get("leader", "/api/supervision/overdue-projects?unitId=360802").body();
        JsonNode cases = http.get("leader", "/api/supervision/cases?open=true&unitId=360802").body();
        JsonNode bulletins = http.get("leader", "/api/bulletins").body();

        browser = chromium();
        browser.get(base() + "/dashboard?peerGroup=towns&unitId=360802&campaignId=" + campaignId
                + "&from=" + FROM + "&to=" + TO);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                !"false".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                        && d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                .as(browser.findElement(By.id("status")).getText()).isEqualTo("true");
        assertThat(browser.getTitle()).contains("领导驾驶舱");
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof Chart")).isEqualTo("function");

        // ranking: one row per unit, same rank, movement, score and colour
        assertThat(ranking.get("rows")).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr[data-unit]"))).hasSize(3);
        for (JsonNode row : ranking.get("rows")) {
            WebElement tr = browser.findElement(By.cssSelector("#ranking tr[data-unit='" + row.get("unitId").asText() + "']"));
            assertThat(field(tr, "rank")).isEqualTo(row.get("rank").asText());
            assertThat(new BigDecimal(field(tr, "score"))).isEqualByComparingTo(row.get("score").decimalValue());
            assertThat(tr.findElement(By.cssSelector("[data-field='colour'] .chip")).getDomAttribute("data-colour"))
                    .isEqualTo(row.get("colour").asText());
            assertThat(field(tr, "movement")).isEqualTo(arrow(row.get("movement")));
            assertThat(field(tr, "overdueProjects")).isEqualTo(row.get("overdueProjects").asText());
        }
        assertThat(ranking.findValuesAsText("colour")).contains("GREEN");
        assertThat(ranking.get("rows").findValues("movement").stream().anyMatch(m -> !m.isNull() && m.asInt() != 0)).isTrue();

        // campaign progress: per unit and indicator, actual, target and completion (as a percentage)
        int targets = 0;
        for (JsonNode row : progress.get("units")) {
            if (row.path("target").isMissingNode() || row.path("target").isNull()) {
                continue;
            }
            targets++;
            WebElement tr = browser.findElement(By.cssSelector("#progress tr[data-unit='" + row.get("unitId").asText()
                    + "'][data-indicator='" + row.get("indicator").asText() + "']"));
            assertThat(new BigDecimal(field(tr, "actual"))).isEqualByComparingTo(row.get("actual").decimalValue());
            assertThat(new BigDecimal(field(tr, "target"))).isEqualByComparingTo(row.get("target").decimalValue());
            assertThat(field(tr, "completion")).isEqualTo(
                    row.get("completion").decimalValue().movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%");
        }
        assertThat(targets).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#progress tbody tr[data-unit]"))).hasSize(targets);

        // the conversion funnel: every stage's count
        funnel.get("funnel").fields().forEachRemaining(stage -> assertThat(field(
                browser.findElement(By.cssSelector("#funnel tr[data-stage='" + stage.getKey() + "']")), "count"))
                .as(stage.getKey()).isEqualTo(stage.getValue().asText()));
        assertThat(funnel.at("/funnel/SIGNED").asInt()).isEqualTo(1);

        // overdue projects and open supervision cases: the same ones, the same count
        assertThat(ids("#overdue tbody tr[data-project]", "data-project")).containsExactlyInAnyOrderElementsOf(
                overdue.get("findings").findValuesAsText("projectId"));
        assertThat(browser.findElement(By.id("overdue-count")).getText())
                .isEqualTo(Integer.toString(overdue.get("findings").size()));
        WebElement overdueRow = browser.findElement(By.cssSelector("#overdue tbody tr[data-project]"));
        assertThat(field(overdueRow, "daysOverdue")).isEqualTo(overdue.at("/findings/0/daysOverdue").asText());
        assertThat(ids("#cases tbody tr[data-case]", "data-case")).containsExactlyInAnyOrderElementsOf(
                cases.get("cases").findValuesAsText("caseId"));
        assertThat(browser.findElement(By.id("cases-count")).getText()).isEqualTo(Integer.toString(cases.get("cases").size()));

        // bulletins: the same list, each with its XLSX download
        assertThat(ids("#bulletins tbody tr[data-bulletin]", "data-bulletin"))
                .containsExactlyInAnyOrderElementsOf(bulletins.findValuesAsText("id"));
        assertThat(browser.findElements(By.cssSelector("#bulletins [data-field='download'] button"))).hasSize(bulletins.size());
    }

    @Test
    void theDashboardNeedsTheApisLoginAndItsChartLibraryIsServedByTheApplication() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base() + "/dashboard")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base() + "/dashboard"))
                .header("Authorization", basic("leader", "leader-demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("领导驾驶舱").contains("/webjars/chart.js/");

        HttpResponse<String> library = client.send(HttpRequest.newBuilder(
                URI.create(base() + "/webjars/chart.js/dist/chart.umd.min.js")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("Chart");
    }

    @Test
    void theBrowsersOwnBasicLoginServesThePageAndTheApiCallsItMakes() {
        created("admin", "/api/units", "{\"id\":\"360900\",\"name\":\"宜春市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("admin", "/api/units/360900").status() == 200);

        // no injected header: the credentials the browser was given for the page (as after its login prompt)
        browser = chromium(false);
        browser.get("http://leader:leader-demo@localhost:" + port + "/dashboard?peerGroup=city&unitId=360900");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                !"false".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                        && d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);

        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                .as(browser.findElement(By.id("status")).getText()).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#ranking tr[data-unit='360900'] [data-field='unit']")).getText())
                .isEqualTo("宜春市");
    }

    /** Units, leads, a campaign, a late signed project (overdue, with its case), a bulletin; returns the campaign. */
    private String knownData() {
        created("admin", "/api/units", "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}");
        created("admin", "/api/units",
                "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\",\"parentId\":\"360800\",\"peerGroup\":\"district\"}");
        String[] names = {"兴桥镇", "长塘镇", "樟山镇"};
        for (int i = 0; i < TOWNS.size(); i++) {
            created("admin", "/api/units", "{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"TOWN\",\"parentId\":\"360802\",\"peerGroup\":\"towns\"}"
                    .formatted(TOWNS.get(i), names[i]));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("admin", "/api/units/360802102").status() == 200);
        // the previous quarter: the third town led; this quarter: the first town leads
        int[] previous = {1, 2, 4};
        int[] current = {4, 1, 2};
        for (int t = 0; t < TOWNS.size(); t++) {
            for (int i = 0; i < previous[t]; i++) {
                lead(TOWNS.get(t), LocalDate.of(2024, 11, 1 + i));
            }
            for (int i = 0; i < current[t]; i++) {
                lead(TOWNS.get(t), LocalDate.of(2025, 1, 5 + i));
            }
        }
        String signed = lead(TOWNS.get(0), LocalDate.of(2025, 1, 20));
        ok("front", "/api/projects/" + signed + "/signing", """
                {"contractAmount":{"amount":"60000000.00","currency":"CNY"},"ceremony":"一季度集中签约会",
                 "responsibleLeader":{"name":"肖兵","title":"区长"},"occurredOn":"2025-02-10"}""");
        StringBuilder targets = new StringBuilder();
        for (String town : TOWNS) {
            targets.append(targets.isEmpty() ? "" : ",")
                    .append("{\"unitId\":\"%s\",\"indicator\":\"LEADS_COLLECTED\",\"target\":4}".formatted(town));
        }
        String campaignId = created("admin", "/api/campaigns",
                "{\"name\":\"一季度招商攻坚\",\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\",\"targets\":[" + targets + "]}");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode rows = http.get("leader", "/api/rankings?campaignId=" + campaignId + "&peerGroup=towns").body().path("rows");
            return rows.size() == 3 && TOWNS.get(0).equals(rows.path(0).path("unitId").asText())
                    && rows.path(0).path("indicators").path(0).path("actual").asInt() == 5;
        });
        String bulletin = created("admin", "/api/bulletins",
                "{\"title\":\"一季度招商引资通报\",\"peerGroup\":\"towns\",\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"}");
        // the construction deadline (180 days after signing) lies in the past: the rule fires and opens a case
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                http.get("leader", "/api/bulletins/" + bulletin).status() == 200
                        && http.get("leader", "/api/supervision/overdue-projects?unitId=360802").body().path("findings").size() == 1
                        && http.get("leader", "/api/supervision/cases?open=true&unitId=360802").body().path("cases").size() == 1);
        return campaignId;
    }

    private ChromeDriver chromium() {
        return chromium(true);
    }

    private ChromeDriver chromium(boolean withLoginHeader) {
        assertThat(new File(CHROMEDRIVER).canExecute()).as("Debian's chromium-driver (.ci/run installs it)").isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,2200", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        if (!withLoginHeader) {
            return driver;
        }
        // the leader's login, as the browser would send it after the Basic prompt, on every request of the page
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", basic("leader", "leader-demo"))));
        return driver;
    }

    private void screenshot() throws IOException {
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field='" + name + "']")).getText().strip();
    }

    private List<String> ids(String selector, String attribute) {
        List<String> ids = new ArrayList<>();
        for (WebElement element : browser.findElements(By.cssSelector(selector))) {
            ids.add(element.getDomAttribute(attribute));
        }
        return ids;
    }

    /** The arrow the page shows for a ranking movement (positive: moved up). */
    private static String arrow(JsonNode movement) {
        if (movement == null || movement.isNull()) {
            return "新";
        }
        int m = movement.asInt();
        return m > 0 ? "↑" + m : m < 0 ? "↓" + (-m) : "→";
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String lead(String unit, LocalDate on) {
        return created("front", "/api/projects", """
                {"name":"招商信息","unitId":"%s","investor":{"name":"某某公司","kind":"PRIVATE"},"industryCode":"C3011","channel":"DOOR_TO_DOOR","occurredOn":"%s"}"""
                .formatted(unit, on));
    }

    private String created(String user, String path, String body) {
        LedgerHttp.Answer answer = http.post(user, path, body);
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private void ok(String user, String path, String body) {
        LedgerHttp.Answer answer = http.post(user, path, body);
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isBetween(200, 201);
    }
}
