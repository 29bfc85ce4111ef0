package com.zhaoshang.ledger.query.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Examples of the main request bodies (the README's walk-through), put on the routes the document has: so the
 * examples sit in whichever document holds the command routes (single-process mode).
 */
final class RequestExamples {

    static final Map<String, String> BY_PATH = new LinkedHashMap<>();

    static {
        BY_PATH.put("/api/units", """
                {"id":"360802","name":"吉州区","kind":"DISTRICT","parentId":"360800","peerGroup":"district"}""");
        BY_PATH.put("/api/projects", """
                {"name":"年产5万吨新材料项目","unitId":"360802",
                 "investor":{"name":"江西赣新材料有限公司","creditCode":"91360802MA38K2PQ11","kind":"PRIVATE"},
                 "industryCode":"C3011","channel":"DOOR_TO_DOOR",
                 "intendedAmount":{"amount":"120000000","currency":"CNY"},"occurredOn":"2026-03-02"}""");
        BY_PATH.put("/api/projects/{projectId}/negotiation", """
                {"occurredOn":"2026-03-10"}""");
        BY_PATH.put("/api/projects/{projectId}/intent", """
                {"amount":{"amount":"100000000","currency":"CNY"},"occurredOn":"2026-03-20"}""");
        BY_PATH.put("/api/projects/{projectId}/signing", """
                {"contractAmount":{"amount":"92900000.00","currency":"CNY"},"ceremony":"2026年春季重大项目集中签约会",
                 "responsibleLeader":{"name":"张伟","title":"副区长"},"occurredOn":"2026-04-01"}""");
        BY_PATH.put("/api/projects/{projectId}/registration", """
                {"evidence":{"kind":"CONTRACT_DOCUMENTS","reference":"JZ-2026-017"},"occurredOn":"2026-04-08"}""");
        BY_PATH.put("/api/projects/{projectId}/land", """
                {"parcelId":"JZ2026-05","areaMu":"85.5","occurredOn":"2026-05-06"}""");
        BY_PATH.put("/api/projects/{projectId}/construction-start", """
                {"occurredOn":"2026-05-20"}""");
        BY_PATH.put("/api/projects/{projectId}/capital-arrivals", """
                {"amount":{"amount":"30000000","currency":"CNY"},"occurredOn":"2026-06-15"}""");
        BY_PATH.put("/api/projects/{projectId}/capital-arrivals/{arrivalId}/verification", """
                {"verifiedAmount":{"amount":"28000000","currency":"CNY"},
                 "evidence":{"kind":"BANK_RECEIPT","reference":"ICBC-20260615-88"}}""");
        BY_PATH.put("/api/projects/{projectId}/completion", """
                {"occurredOn":"2026-09-30"}""");
        BY_PATH.put("/api/projects/{projectId}/production-start", """
                {"occurredOn":"2026-10-18"}""");
        BY_PATH.put("/api/projects/{projectId}/abandonment", """
                {"reason":"投资方资金链断裂","occurredOn":"2026-06-01"}""");
        BY_PATH.put("/api/projects/{projectId}/termination", """
                {"reason":"投资方单方面解除合同","occurredOn":"2026-06-01"}""");
        BY_PATH.put("/api/activities", """
                {"unitId":"360802","kind":"COMPANY_VISIT","subject":"走访江西赣新材料有限公司","occurredOn":"2026-03-01"}""");
        BY_PATH.put("/api/campaigns", """
                {"name":"百日会战","from":"2026-07-01","to":"2026-09-30","targets":[
                  {"unitId":"360802","indicator":"LEADS_COLLECTED","target":358},
                  {"unitId":"360802","indicator":"PROJECTS_SIGNED","target":55,
                   "filter":{"industrial":true,"minAmount":{"amount":"50000000","currency":"CNY"}}}]}""");
        BY_PATH.put("/api/bulletins", """
                {"title":"一季度招商引资通报","peerGroup":"towns","from":"2026-01-01","to":"2026-03-31"}""");
    }

    private RequestExamples() {
    }

    static void addTo(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        BY_PATH.forEach((path, example) -> {
            PathItem item = openApi.getPaths().get(path);
            Operation post = item == null ? null : item.getPost();
            RequestBody body = post == null ? null : post.getRequestBody();
            if (body == null || body.getContent() == null) {
                return;
            }
            for (MediaType mediaType : body.getContent().values()) {
                mediaType.setExample(example);
            }
        });
    }
}
