package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.query.campaign.CampaignViews.Filter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A bulletin as an XLSX sheet with Chinese headers: 单位, 单位名称, 排名, 上期排名, 得分, 预警, then for each indicator
 * 完成数 / 目标数 / 完成率 (the same numbers as the JSON).
 */
public final class BulletinSheet {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final Map<Indicator, String> NAMES = new EnumMap<>(Indicator.class);

    static {
        NAMES.put(Indicator.LEADS_COLLECTED, "招商信息");
        NAMES.put(Indicator.COMPANIES_VISITED, "走访企业");
        NAMES.put(Indicator.INVESTOR_INSPECTIONS, "客商考察");
        NAMES.put(Indicator.PROJECTS_SIGNED, "签约项目");
        NAMES.put(Indicator.SIGNED_AMOUNT, "签约金额");
        NAMES.put(Indicator.CONSTRUCTION_STARTED, "新开工项目");
        NAMES.put(Indicator.CAPITAL_VERIFIED_CNY, "内资实际进资(认定)");
        NAMES.put(Indicator.CAPITAL_VERIFIED_USD, "外资实际进资(认定)");
        NAMES.put(Indicator.PRODUCTION_STARTED, "投产项目");
    }

    private BulletinSheet() {
    }

    private record Column(Indicator indicator, Filter filter, Currency currency) {

        String label() {
            StringBuilder label = new StringBuilder(NAMES.get(indicator));
            if (filter != null && Boolean.TRUE.equals(filter.industrial())) {
                label.append("·工业");
            }
            if (filter != null && filter.minAmount() != null) {
                label.append("·≥").append(filter.minAmount().amount().stripTrailingZeros().toPlainString())
                        .append(filter.minAmount().currency());
            }
            if (currency != null && indicator == Indicator.SIGNED_AMOUNT) {
                label.append("(").append(currency).append(")");
            }
            return label.toString();
        }
    }

    public static byte[] write(Bulletins.Bulletin bulletin) {
        List<RankingService.RankingRow> rows = bulletin.ranking().rows();
        Set<Column> columns = new LinkedHashSet<>();
        rows.forEach(r -> r.indicators().forEach(v -> columns.add(new Column(v.indicator(), v.filter(), v.currency()))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "ZhaoshangLedger", "1.0");
            Worksheet sheet = workbook.newWorksheet("通报");
            String[] fixed = {"单位", "单位名称", "排名", "上期排名", "得分", "预警"};
            for (int c = 0; c < fixed.length; c++) {
                sheet.value(0, c, fixed[c]);
            }
            int c = fixed.length;
            List<Column> ordered = new ArrayList<>(columns);
            for (Column column : ordered) {
                sheet.value(0, c++, column.label() + " 完成数");
                sheet.value(0, c++, column.label() + " 目标数");
                sheet.value(0, c++, column.label() + " 完成率");
            }
            int r = 1;
            for (RankingService.RankingRow row : rows) {
                sheet.value(r, 0, row.unitId());
                sheet.value(r, 1, row.unitName());
                sheet.value(r, 2, row.rank());
                if (row.previousRank() != null) {
                    sheet.value(r, 3, row.previousRank());
                }
                sheet.value(r, 4, row.score());
                sheet.value(r, 5, row.colour().name());
                c = fixed.length;
                for (Column column : ordered) {
                    RankingService.IndicatorValue value = row.indicators().stream()
                            .filter(v -> v.indicator() == column.indicator() && Objects.equals(v.filter(), column.filter())
                                    && v.currency() == column.currency())
                            .findFirst().orElse(null);
                    number(sheet, r, c++, value == null ? null : value.actual());
                    number(sheet, r, c++, value == null ? null : value.target());
                    number(sheet, r, c++, value == null ? null : value.completion());
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the bulletin's sheet", e);
        }
        return out.toByteArray();
    }

    private static void number(Worksheet sheet, int r, int c, BigDecimal value) {
        if (value != null) {
            sheet.value(r, c, value);
        }
    }
}
