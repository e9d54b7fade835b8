package cairn.bench;

import static cairn.bench.Targets.fmt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's findings, written as {@code report-D.md} and {@code report-D.json}. */
final class Report {
  /** A latency scenario: Cairn next to the plain-SQL design, and its target. */
  record Row(
      String id,
      String title,
      String surface,
      Stats cairn,
      Stats sql,
      Targets.Latency target,
      String cairnError,
      String sqlError,
      double noiseCairn,
      double noiseSql) {
    String verdict() {
      if (!target.any()) {
        return "—";
      }
      String miss = target.miss(cairn);
      return miss == null ? "met" : "**missed**: " + miss;
    }

    double ratio() {
      return sql.p50() / cairn.p50();
    }
  }

  /** One client count of the mixed load (B9). */
  record Level(
      int clients, Stats cairn, Stats sql, String cairnError, double noiseCairn, double noiseSql) {}

  /** A single figure (start-up, memory, rebuild, load rate) with its target. */
  record Fact(String id, String what, String value, String sql, String target, String verdict) {}

  final Dataset dataset;
  final Map<String, String> setup = new LinkedHashMap<>();
  final List<Row> rows = new ArrayList<>();
  final List<Level> mixed = new ArrayList<>();
  final List<Fact> facts = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  String mixedVerdict = "—";

  Report(Dataset dataset) {
    this.dataset = dataset;
  }

  void write(Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report-" + dataset.label() + ".md"), markdown());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dataset", dataset.label());
    json.put("setup", setup);
    json.put("scenarios", rows.stream().map(r -> rowJson(r)).toList());
    json.put("b9", mixed);
    json.put("b9_verdict", mixedVerdict);
    json.put("facts", facts);
    json.put("notes", notes);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("report-" + dataset.label() + ".json").toFile(), json);
  }

  private static Map<String, Object> rowJson(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("title", r.title());
    m.put("surface", r.surface());
    m.put("cairn", r.cairn());
    m.put("sql", r.sql());
    m.put("sql_over_cairn_p50", r.ratio());
    m.put("target", r.target());
    m.put("verdict", r.verdict());
    m.put("cairn_error", r.cairnError());
    m.put("sql_error", r.sqlError());
    m.put("other_processes_cores_during_cairn", r.noiseCairn());
    m.put("other_processes_cores_during_sql", r.noiseSql());
    return m;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Cairn benchmark, ").append(dataset.label()).append("\n\n");
    setup.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n## Latency (closed loop, one client; ms)\n\n");
    md.append("| id | scenario | surface | Cairn p50 / p95 / p99 | Cairn req/s (n) ");
    md.append(
        "| SQL p50 / p95 (n) | SQL ÷ Cairn (p50) | target p50 / p95 | verdict | others' CPU |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ")
          .append(r.id())
          .append(" | ")
          .append(r.title())
          .append(" | ")
          .append(r.surface());
      md.append(" | ").append(triple(r.cairn()));
      md.append(" | ")
          .append(fmt(r.cairn().perSecond()))
          .append(" (")
          .append(r.cairn().count())
          .append(")");
      md.append(" | ").append(pair(r.sql())).append(" (").append(r.sql().count()).append(")");
      md.append(" | ").append(ratio(r.ratio()));
      md.append(" | ").append(r.target().text()).append(" | ").append(r.verdict());
      md.append(" | ").append(noise(r.noiseCairn(), r.noiseSql())).append(" |\n");
    }
    md.append("\n## B9 mixed load (85 % reads B1/B2/B5, 10 % Pinboard API, 5 % creates)\n\n");
    md.append(
        "| clients | Cairn req/s | Cairn p50 / p95 / p99 ms | errors | SQL req/s | SQL p50 / p95 / p99 ms | others' CPU |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Level l : mixed) {
      md.append("| ").append(l.clients()).append(" | ").append(fmt(l.cairn().perSecond()));
      md.append(" | ").append(triple(l.cairn())).append(" | ").append(l.cairn().errors());
      md.append(" | ")
          .append(fmt(l.sql().perSecond()))
          .append(" | ")
          .append(triple(l.sql()))
          .append(" | ")
          .append(noise(l.noiseCairn(), l.noiseSql()))
          .append(" |\n");
    }
    md.append("\nB9 verdict: ")
        .append(mixedVerdict)
        .append("\n\n## Load, start-up, memory, rebuild\n\n");
    md.append("| id | what | Cairn | plain SQL | target | verdict |\n|---|---|---|---|---|---|\n");
    for (Fact f : facts) {
      md.append("| ").append(f.id()).append(" | ").append(f.what()).append(" | ").append(f.value());
      md.append(" | ")
          .append(f.sql())
          .append(" | ")
          .append(f.target())
          .append(" | ")
          .append(f.verdict())
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  /** Cores other processes used during the Cairn and the SQL measurement. */
  static String noise(double cairn, double sql) {
    return String.format("%.2f / %.2f", cairn, sql);
  }

  static String triple(Stats s) {
    return fmt(s.p50()) + " / " + fmt(s.p95()) + " / " + fmt(s.p99());
  }

  static String pair(Stats s) {
    return fmt(s.p50()) + " / " + fmt(s.p95());
  }

  static String ratio(double r) {
    return Double.isNaN(r) || Double.isInfinite(r) ? "—" : String.format("%.1f×", r);
  }
}
