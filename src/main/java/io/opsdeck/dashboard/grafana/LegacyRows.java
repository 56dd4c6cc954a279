package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts a pre-5.0 {@code rows[]} layout into {@code panels[]} with {@code gridPos}, as Grafana's
 * upgradeToGridLayout does: spans of 12 columns become widths of 24, pixel heights become grid units of 38 px
 * (30 px cell + 8 px margin), panels wrap when a line is full, and every row except a lone untitled, expanded
 * one becomes a row panel (collapsed rows keep their panels inside).
 */
final class LegacyRows {

    private static final int DEFAULT_ROW_HEIGHT_PX = 250;
    private static final int CELL_PX = 30 + 8;

    private LegacyRows() {
    }

    static ArrayNode toPanels(JsonNode rows) {
        ArrayNode out = JsonNodes.MAPPER.createArrayNode();
        boolean needRowPanels = rows.size() > 1 || (rows.size() == 1
                && (rows.get(0).path("collapse").asBoolean(false) || rows.get(0).path("showTitle").asBoolean(false)
                || !JsonNodes.text(rows.get(0), "repeat", "").isEmpty()));
        int y = 0;
        int nextId = maxId(rows) + 1;
        for (JsonNode row : rows) {
            boolean collapsed = row.path("collapse").asBoolean(false);
            int rowHeight = gridHeight(JsonNodes.number(row, "height"));
            ArrayNode target = out;
            if (needRowPanels) {
                ObjectNode rp = out.addObject();
                rp.put("type", "row");
                rp.put("id", row.hasNonNull("id") ? row.get("id").asInt() : nextId++);
                rp.put("title", JsonNodes.text(row, "title", ""));
                rp.put("collapsed", collapsed);
                if (row.hasNonNull("repeat") && !row.get("repeat").asText().isEmpty()) {
                    rp.put("repeat", row.get("repeat").asText());
                }
                rp.putObject("gridPos").put("x", 0).put("y", y).put("w", 24).put("h", 1);
                ArrayNode nested = rp.putArray("panels");
                y += 1;
                if (collapsed) {
                    target = nested;
                }
            }
            int x = 0;
            int lineHeight = 0;
            for (JsonNode p : JsonNodes.array(row, "panels")) {
                int w = (int) Math.round(JsonNodes.number(p, "span") == null ? 12 : JsonNodes.number(p, "span") * 2);
                w = Math.max(1, Math.min(24, w));
                Double ph = JsonNodes.number(p, "height");
                int h = ph == null ? rowHeight : gridHeight(ph);
                if (x + w > 24) {
                    x = 0;
                    y += lineHeight;
                    lineHeight = 0;
                }
                ObjectNode copy = p.deepCopy();
                copy.remove("span");
                copy.putObject("gridPos").put("x", x).put("y", y).put("w", w).put("h", h);
                if (!copy.hasNonNull("id")) {
                    copy.put("id", nextId++);
                }
                target.add(copy);
                x += w;
                lineHeight = Math.max(lineHeight, h);
            }
            y += lineHeight;
        }
        return out;
    }

    private static int gridHeight(Double px) {
        double h = px == null ? DEFAULT_ROW_HEIGHT_PX : px;
        return Math.max(1, (int) Math.ceil(h / CELL_PX));
    }

    private static int maxId(JsonNode rows) {
        int max = 0;
        for (JsonNode row : rows) {
            for (JsonNode p : JsonNodes.array(row, "panels")) {
                max = Math.max(max, JsonNodes.integer(p, "id", 0));
            }
        }
        return max;
    }
}
