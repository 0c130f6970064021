package dev.kconfig4j.impact;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.impact.ImpactReport.Change;
import dev.kconfig4j.impact.ImpactReport.ChangeKind;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.ConfigLosses;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.Mitigation;
import dev.kconfig4j.impact.ImpactReport.SymbolImpact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An impact report as one self-contained HTML file: inline CSS and JavaScript, no external
 * resource, readable offline. The summary comes first, then sortable tables (click a header; or
 * name a sort in the address: {@code #sort=TABLE:COLUMN[:desc]}, columns counted from 0) of lost
 * symbols, lost groups with their mitigations, and configs; every symbol and config has a
 * drill-down section ({@code #sym-NAME}, {@code #cfg-N}) that opens when linked to. Every text
 * from the trees and configs is escaped.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;\
            padding:1em 2em;color:#1b1f24;background:#fff}
            h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #d0d7de}
            code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            pre{background:#f6f8fa;padding:.6em;overflow-x:auto;border-radius:4px}
            .cards{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}
            .card{border:1px solid #d0d7de;border-radius:6px;padding:.6em 1em;min-width:9em}
            .card b{display:block;font-size:1.6em}
            table{border-collapse:collapse;width:100%;margin:.5em 0}
            th,td{border-bottom:1px solid #eaeef2;padding:.25em .5em;text-align:left;vertical-align:top;\
            overflow-wrap:anywhere}
            th{background:#f6f8fa;cursor:pointer;user-select:none;white-space:nowrap}
            th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
            td.n{text-align:right;font-variant-numeric:tabular-nums}td:first-child{white-space:nowrap}
            .lost{color:#b42318;font-weight:600}.ok{color:#1a7f37;font-weight:600}.warn{color:#9a6700;font-weight:600}
            details{margin:.3em 0}summary{cursor:pointer}details:target,details[open]{background:#fbfcfd}
            .badge{border:1px solid currentColor;border-radius:3px;padding:0 .3em;font-size:.85em;white-space:nowrap}
            .muted{color:#57606a}input.filter{margin:.3em 0;padding:.3em;width:20em}
            """;

    private static final String JS = """
            function cellKey(r,c){var d=r.cells[c];if(!d)return '';return d.dataset.sort!==undefined?d.dataset.sort:d.textContent.trim();}
            function sortTable(t,c,desc){var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows);
             var num=rows.every(function(r){var v=cellKey(r,c);return v!==''&&!isNaN(v);});
             rows.sort(function(a,b){var x=cellKey(a,c),y=cellKey(b,c);var d=num?(x-y):x.localeCompare(y);return desc?-d:d;});
             rows.forEach(function(r){tb.appendChild(r);});
             Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){
              if(i===c)h.setAttribute('aria-sort',desc?'descending':'ascending');else h.removeAttribute('aria-sort');});
             t.dataset.sorted=c+(desc?':desc':':asc');}
            document.querySelectorAll('table.sortable').forEach(function(t){
             Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){h.addEventListener('click',function(){
              sortTable(t,i,h.getAttribute('aria-sort')==='ascending');});});});
            document.querySelectorAll('input.filter').forEach(function(inp){inp.addEventListener('input',function(){
             var q=inp.value.toLowerCase(),t=document.getElementById(inp.dataset.table);
             Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});});
            function applyHash(){var h=decodeURIComponent(location.hash.slice(1));
             var m=h.match(/^sort=([A-Za-z0-9_-]+):(\\d+)(?::(asc|desc))?$/);
             if(m){var t=document.getElementById(m[1]);if(t)sortTable(t,+m[2],m[3]==='desc');return;}
             var e=h&&document.getElementById(h);if(e&&e.tagName==='DETAILS'){e.open=true;e.scrollIntoView();}}
            window.addEventListener('hashchange',applyHash);applyHash();
            """;

    public String render(ImpactReport r) {
        Map<String, Integer> configIds = new HashMap<>();
        for (int i = 0; i < r.configs().size(); i++) {
            configIds.put(r.configs().get(i).name(), i);
        }
        StringBuilder o = new StringBuilder(1 << 20);
        o.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Kconfig impact: ")
                .append(esc(r.before().spec())).append(" → ").append(esc(r.after().spec())).append("</title>\n<style>")
                .append(CSS).append("</style></head><body>\n");
        o.append("<h1>Kconfig impact: <code>").append(esc(ReportText.tree(r.before()))).append("</code> → <code>")
                .append(esc(ReportText.tree(r.after()))).append("</code></h1>\n");
        o.append("<p id=\"summary\">").append(esc(ReportText.summary(r))).append(".</p>\n");
        long losses = r.configs().stream().mapToLong(c -> c.lostSymbols().size()).sum();
        o.append("<div class=\"cards\">");
        card(o, r.configs().size(), "configs");
        card(o, r.configsWithLosses().size(), "lose something");
        card(o, losses, "symbol losses");
        card(o, r.groups().size(), "lost groups");
        card(o, r.mitigations().stream().filter(Mitigation::complete).count(), "complete mitigations");
        o.append("</div>\n<p class=\"muted\">").append(esc(r.semantics())).append("</p>\n");
        if (!r.problems().isEmpty()) {
            o.append("<h2>Not analysed (").append(r.problems().size()).append(")</h2><ul>");
            for (String p : r.problems()) {
                o.append("<li>").append(esc(p)).append("</li>");
            }
            o.append("</ul>\n");
        }
        symbolsTable(o, r, configIds);
        groups(o, r, configIds);
        configsTable(o, r, configIds);
        symbolDetails(o, r, configIds);
        configDetails(o, r);
        o.append("<p class=\"muted\">").append(esc(ReportText.timing(r))).append(". Generated by kconfig4j impact.</p>\n");
        o.append("<script>").append(JS).append("</script>\n</body></html>\n");
        return o.toString();
    }

    private static void card(StringBuilder o, long n, String label) {
        o.append("<div class=\"card\"><b>").append(n).append("</b>").append(esc(label)).append("</div>");
    }

    private static void symbolsTable(StringBuilder o, ImpactReport r, Map<String, Integer> ids) {
        o.append("<h2 id=\"lost-symbols\">Symbols (").append(r.symbols().size())
                .append(")</h2>\n<input class=\"filter\" data-table=\"symbols\" placeholder=\"filter symbols\">\n");
        o.append("<table id=\"symbols\" class=\"sortable\"><thead><tr><th>Symbol</th><th>Lost in</th>");
        for (ChangeKind k : ChangeKind.values()) {
            if (k != ChangeKind.LOST) {
                o.append("<th>").append(esc(capital(ReportText.kind(k)))).append("</th>");
            }
        }
        o.append("<th>Main cause</th><th>Kernel image</th></tr></thead><tbody>\n");
        for (SymbolImpact s : r.symbols()) {
            o.append("<tr><td><a href=\"#sym-").append(esc(s.symbol())).append("\">").append(esc(s.symbol()))
                    .append("</a></td><td class=\"n\">").append(s.lostCount()).append("</td>");
            for (ChangeKind k : ChangeKind.values()) {
                if (k != ChangeKind.LOST) {
                    o.append("<td class=\"n\">").append(s.counts().getOrDefault(k, 0)).append("</td>");
                }
            }
            o.append("<td>").append(s.causes().isEmpty() ? "" : esc(s.causes().get(0).kind() + ": "
                    + shorten(s.causes().get(0).text(), 140))).append("</td><td>").append(badge(s))
                    .append("</td></tr>\n");
        }
        o.append("</tbody></table>\n");
    }

    private static void groups(StringBuilder o, ImpactReport r, Map<String, Integer> ids) {
        o.append("<h2 id=\"groups\">Lost groups and mitigations (").append(r.groups().size()).append(")</h2>\n");
        List<Mitigation> whatIf = r.whatIfs();
        if (!whatIf.isEmpty()) {
            o.append("<h3>What-if patches</h3>\n");
            for (Mitigation m : whatIf) {
                mitigation(o, m, ids);
            }
        }
        o.append("<table id=\"groups-table\" class=\"sortable\"><thead><tr><th>Root</th><th>Kind</th><th>Cause</th>")
                .append("<th>Configs</th><th>Symbols lost</th><th>Mitigations</th></tr></thead><tbody>\n");
        for (LostGroup g : r.groups()) {
            long tried = r.mitigationsOf(g.root()).size();
            long complete = r.mitigationsOf(g.root()).stream().filter(Mitigation::complete).count();
            o.append("<tr><td><a href=\"#grp-").append(esc(g.root())).append("\">").append(esc(g.root()))
                    .append("</a></td><td>").append(esc(ReportText.kind(g.rootKind()))).append("</td><td>")
                    .append(esc(String.valueOf(g.cause()))).append("</td><td class=\"n\">").append(g.configs().size())
                    .append("</td><td data-sort=\"").append(g.symbols().size()).append("\">")
                    .append(esc(ReportText.list(g.symbols(), 6))).append("</td><td data-sort=\"").append(complete)
                    .append("\">").append(tried == 0 ? "" : complete + " of " + tried + " complete").append("</td></tr>\n");
        }
        o.append("</tbody></table>\n");
        for (LostGroup g : r.groups()) {
            List<Mitigation> ms = r.mitigationsOf(g.root());
            o.append("<details id=\"grp-").append(esc(g.root())).append("\"><summary><b>").append(esc(g.root()))
                    .append("</b>: ").append(ReportText.configsLose(g.configs().size())).append(g.symbols().size())
                    .append(" symbols").append(ms.isEmpty() ? "" : "; " + ms.size() + " mitigations").append("</summary>\n");
            o.append("<p>").append(esc(g.causeText())).append("</p><p>Symbols: ");
            symbolLinks(o, g.symbols());
            o.append("</p><p>Configs: ");
            configLinks(o, g.configs(), ids);
            o.append("</p>\n");
            for (Mitigation m : ms) {
                mitigation(o, m, ids);
            }
            o.append("</details>\n");
        }
    }

    private static void mitigation(StringBuilder o, Mitigation m, Map<String, Integer> ids) {
        String verdict = ReportText.verdict(m);
        String cls = m.complete() ? "ok" : m.fixed().isEmpty() ? "lost" : "warn";
        o.append("<div class=\"mitigation\" id=\"mit-").append(esc(m.id())).append("\"><p><b>").append(esc(m.id()))
                .append("</b> <span class=\"").append(cls).append("\">").append(esc(verdict)).append("</span> ")
                .append(esc(m.description()));
        if (m.error() != null) {
            o.append(": does not load: ").append(esc(m.error())).append("</p>");
        } else {
            o.append(": fixes ").append(m.fixed().size()).append(" of ").append(m.configsTested()).append(" configs")
                    .append("</p>\n<ul>");
            if (!m.fixed().isEmpty()) {
                o.append("<li>fixed: ");
                configLinks(o, m.fixed(), ids);
                o.append("</li>");
            }
            losses(o, "still broken", m.stillBroken(), ids);
            losses(o, "new losses", m.newLosses(), ids);
            o.append("</ul>");
        }
        o.append("<pre>").append(esc(m.patch())).append("</pre></div>\n");
    }

    private static void losses(StringBuilder o, String label, List<ConfigLosses> list, Map<String, Integer> ids) {
        if (list.isEmpty()) {
            return;
        }
        o.append("<li>").append(esc(label)).append(" (").append(list.size()).append("): ");
        for (int i = 0; i < list.size(); i++) {
            ConfigLosses c = list.get(i);
            o.append(i > 0 ? "; " : "");
            configLinks(o, List.of(c.config()), ids);
            o.append(" (");
            symbolLinks(o, c.symbols());
            o.append(')');
        }
        o.append("</li>");
    }

    private static void configsTable(StringBuilder o, ImpactReport r, Map<String, Integer> ids) {
        o.append("<h2 id=\"configs-heading\">Configs (").append(r.configs().size())
                .append(")</h2>\n<input class=\"filter\" data-table=\"configs\" placeholder=\"filter configs\">\n");
        o.append("<table id=\"configs\" class=\"sortable\"><thead><tr><th>Config</th><th>Arch</th><th>Lost</th>");
        for (ChangeKind k : ChangeKind.values()) {
            if (k != ChangeKind.LOST) {
                o.append("<th>").append(esc(capital(ReportText.kind(k)))).append("</th>");
            }
        }
        o.append("<th>New</th></tr></thead><tbody>\n");
        for (ConfigImpact c : r.configs()) {
            o.append("<tr><td><a href=\"#cfg-").append(ids.get(c.name())).append("\">").append(esc(c.name()))
                    .append("</a></td><td>").append(esc(c.arch())).append("</td><td class=\"n\">")
                    .append(c.lostSymbols().size()).append("</td>");
            for (ChangeKind k : ChangeKind.values()) {
                if (k != ChangeKind.LOST) {
                    o.append("<td class=\"n\">").append(c.count(k)).append("</td>");
                }
            }
            o.append("<td class=\"n\">").append(c.newSymbols()).append("</td></tr>\n");
        }
        o.append("</tbody></table>\n");
    }

    private static void symbolDetails(StringBuilder o, ImpactReport r, Map<String, Integer> ids) {
        o.append("<h2>Per symbol</h2>\n");
        for (SymbolImpact s : r.symbols()) {
            o.append("<details id=\"sym-").append(esc(s.symbol())).append("\"><summary><code>").append(esc(s.symbol()))
                    .append("</code>: ").append(esc(summary(s, r.configs().size()))).append("</summary>\n<ul>");
            for (ImpactReport.CauseCount c : s.causes()) {
                o.append("<li>").append(c.configs()).append(" × <b>").append(esc(String.valueOf(c.kind()))).append("</b> ")
                        .append(esc(c.text())).append("</li>");
            }
            o.append("</ul>");
            if (!s.lostIn().isEmpty()) {
                o.append("<p>Lost in: ");
                configLinks(o, s.lostIn(), ids);
                o.append("</p>");
            }
            if (s.kernelImage() != null) {
                o.append("<p class=\"kernel-image\">").append(badge(s)).append(' ')
                        .append(esc(ReportText.kernelImageHeadline(s))).append("<br><code>")
                        .append(esc(ReportText.kernelImageConstructs(s))).append("</code></p>");
            }
            o.append("<p>Filed under: ");
            boolean first = true;
            for (Map.Entry<String, Integer> e : s.roots().entrySet()) {
                o.append(first ? "" : ", ").append("<a href=\"#grp-").append(esc(e.getKey())).append("\">")
                        .append(esc(e.getKey())).append("</a> (").append(e.getValue()).append(')');
                first = false;
            }
            o.append("</p></details>\n");
        }
    }

    private static void configDetails(StringBuilder o, ImpactReport r) {
        o.append("<h2>Per config</h2>\n");
        for (int i = 0; i < r.configs().size(); i++) {
            ConfigImpact c = r.configs().get(i);
            o.append("<details id=\"cfg-").append(i).append("\"><summary><code>").append(esc(c.name()))
                    .append("</code> (").append(esc(c.arch())).append("): ").append(esc(ReportText.counts(c)))
                    .append("</summary>\n<p class=\"muted\">").append(esc(c.origin())).append("</p>\n");
            if (!c.changes().isEmpty()) {
                o.append("<table><thead><tr><th>Symbol</th><th>What</th><th>Before</th><th>After</th><th>Root</th>")
                        .append("<th>Cause</th></tr></thead><tbody>\n");
                for (Change ch : c.changes()) {
                    o.append("<tr><td><a href=\"#sym-").append(esc(ch.symbol())).append("\">").append(esc(ch.symbol()))
                            .append("</a></td><td").append(ch.lost() ? " class=\"lost\"" : "").append('>')
                            .append(esc(ReportText.kind(ch.kind()))).append("</td><td>")
                            .append(esc(String.valueOf(ch.oldValue()))).append("</td><td>")
                            .append(esc(ch.newValue() == null ? "(not written)" : ch.newValue())).append("</td><td>")
                            .append(ch.root().equals(ch.symbol()) ? "" : esc(ch.root())).append("</td><td>")
                            .append(esc(ch.cause() + ": " + ch.causeText())).append("</td></tr>\n");
                }
                o.append("</tbody></table>\n");
            }
            List<String> image = ReportText.kernelImageLines(c);
            if (!image.isEmpty()) {
                o.append("<p><b>Kernel image</b></p><ul class=\"kernel-image\">");
                for (String l : image) {
                    o.append("<li>").append(esc(l)).append("</li>");
                }
                o.append("</ul>\n");
            }
            if (!c.warnings().isEmpty()) {
                o.append("<pre>").append(esc(c.warnings().stream().map(Diagnostic::text).collect(java.util.stream.Collectors.joining("\n")))).append("</pre>\n");
            }
            o.append("</details>\n");
        }
    }

    private static void symbolLinks(StringBuilder o, List<String> symbols) {
        for (int i = 0; i < symbols.size(); i++) {
            o.append(i > 0 ? ", " : "").append("<a href=\"#sym-").append(esc(symbols.get(i))).append("\">")
                    .append(esc(symbols.get(i))).append("</a>");
        }
    }

    private static void configLinks(StringBuilder o, List<String> configs, Map<String, Integer> ids) {
        for (int i = 0; i < configs.size(); i++) {
            Integer id = ids.get(configs.get(i));
            o.append(i > 0 ? ", " : "");
            if (id == null) {
                o.append(esc(configs.get(i)));
            } else {
                o.append("<a href=\"#cfg-").append(id).append("\">").append(esc(configs.get(i))).append("</a>");
            }
        }
    }

    /** "lost in 3 of 287 configs; promoted in 2". */
    private static String summary(SymbolImpact s, int total) {
        String others = ReportText.others(s);
        String lost = s.lostCount() > 0 ? "lost in " + s.lostCount() + " of " + total + " configs" : "";
        return lost + (!lost.isEmpty() && !others.isEmpty() ? "; " : "") + others;
    }

    /** The kernel-image badge of a symbol: "changes image", "forced code" or nothing. */
    private static String badge(SymbolImpact s) {
        if (s.kernelImage() == null) {
            return "";
        }
        return s.kernelImage().changesImage() ? "<span class=\"badge lost\">changes image</span>"
                : "<span class=\"badge warn\">forced code</span>";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
