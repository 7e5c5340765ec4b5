import type { CheckReport } from "../diagnostics/check-result.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic } from "../diagnostics/render.js";

/** Renders diagnostics of one file for a terminal; `source` is the text the spans point into. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], file: string, source?: string): string {
  return diagnostics.map((d) => renderDiagnostic({ ...d, file: d.file ?? file }, source)).join("\n");
}

/** `check`'s human report: each failing file with its messages, then one summary line per check. */
export function renderCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const failed = Object.entries(r.checks).filter(([, s]) => s === "fail").map(([n]) => n);
    if (failed.length === 0 && r.messages.length === 0) continue;
    lines.push(`${failed.length ? "FAIL" : "WARN"} ${r.file} (${r.kind})${failed.length ? `: ${failed.join(", ")}` : ""}`);
    for (const m of r.messages) {
      const at = [m.path, m.line !== undefined ? `${m.line}:${m.column}` : undefined].filter(Boolean).join(" ");
      lines.push(`  ${m.level} ${m.code}${at ? ` at ${at}` : ""}: ${m.message}`);
    }
  }
  const s = report.summary;
  const tallies = Object.entries(s.checks).map(([name, t]) => `${name}: ${t.pass} pass, ${t.fail} fail, ${t.skip} skip`);
  lines.push(`${s.files} file(s), ${s.failed} failed${tallies.length ? ` — ${tallies.join("; ")}` : ""}`);
  return lines.join("\n");
}
