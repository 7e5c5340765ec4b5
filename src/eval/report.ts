import type { EvalResult, EvalSummary } from "./run-rule.js";
import { scalarText, type FieldValue, type Row } from "./spl/row.js";

/** The `--json` shape of `sigspl eval`. */
export function summaryJson(s: EvalSummary): { kind: "sigma" | "spl"; events: number; matched: number; results: unknown[] } {
  return { kind: s.kind, events: s.events, matched: s.matched, results: s.results.map(resultJson) };
}

export function resultJson(r: EvalResult): unknown {
  switch (r.kind) {
    case "row":
      return Object.fromEntries(r.row);
    case "event":
      return { file: r.event.file, line: r.event.line, event: r.event.value };
    case "alert":
      return { group: r.alert.group, value: r.alert.value, events: r.alert.events.map((e) => ({ file: e.file, line: e.line })) };
  }
}

/** A readable table: SPL rows with a column per field (`_raw` left out), Sigma matches as file:line + event. */
export function formatResults(s: EvalSummary): string {
  const lines: string[] = [];
  if (s.kind === "spl") lines.push(...formatRows(s.results.flatMap((r) => (r.kind === "row" ? [r.row] : []))));
  else {
    for (const r of s.results) {
      if (r.kind === "event") lines.push(`${r.event.file}:${r.event.line}  ${truncate(JSON.stringify(r.event.value), 160)}`);
      if (r.kind === "alert") lines.push(`alert ${JSON.stringify(r.alert.group)} value=${r.alert.value}: ${r.alert.events.map((e) => `${e.file}:${e.line}`).join(", ")}`);
    }
  }
  const what = s.kind === "spl" ? `${s.results.length} result row(s); the search kept ${s.matched} of ${s.events} event(s)` : `${s.matched} of ${s.events} event(s) matched`;
  lines.push(`${what}${s.malformed ? `; ${s.malformed} malformed record(s) skipped` : ""}`);
  return lines.join("\n");
}

function formatRows(rows: readonly Row[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const k of row.keys()) if (k !== "_raw" && !columns.includes(k)) columns.push(k);
  if (columns.length === 0) return [];
  const cells = rows.map((row) => columns.map((c) => cellText(row.get(c))));
  const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i]!.length))));
  const line = (values: readonly string[]): string => values.map((v, i) => truncate(v, widths[i]!).padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
}

function cellText(v: FieldValue | undefined): string {
  if (v === undefined) return "";
  return Array.isArray(v) ? v.map(scalarText).join(" | ") : scalarText(v as string | number);
}

function truncate(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}
