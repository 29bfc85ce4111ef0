package com.zhaoshang.ledger.command.web;

/** Valid request bodies of the command routes, to be varied by tests. */
final class RequestBodies {

    private RequestBodies() {
    }

    static String lead(String unitId, String investorName, String creditCode) {
        return """
                {"name":"%s年产5万吨新材料项目","unitId":"%s",
                 "investor":{"name":"%s",%s"kind":"PRIVATE"},
                 "industryCode":"C3011","channel":"DOOR_TO_DOOR",
                 "intendedAmount":{"amount":"120000000","currency":"CNY"},"occurredOn":"2026-03-02"}"""
                .formatted(investorName, unitId, investorName, creditCode == null ? "" : "\"creditCode\":\"" + creditCode + "\",");
    }

    static String unit(String id, String parentId) {
        return parentId == null
                ? "{\"id\":\"%s\",\"name\":\"测试市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}".formatted(id)
                : "{\"id\":\"%s\",\"name\":\"测试区\",\"kind\":\"DISTRICT\",\"parentId\":\"%s\",\"peerGroup\":\"district\"}"
                .formatted(id, parentId);
    }

    static String activity(String unitId) {
        return "{\"unitId\":\"%s\",\"kind\":\"COMPANY_VISIT\",\"subject\":\"走访某某科技有限公司\",\"occurredOn\":\"2026-03-05\"}"
                .formatted(unitId);
    }
}
