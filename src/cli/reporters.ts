import type { CheckMessage, CheckReport } from "../diagnostics/check-result.js";
import { renderCheckReport } from "./render.js";

export type Reporter = "text" | "json" | "junit" | "github" | "sarif";
export const REPORTERS: readonly Reporter[] = ["text", "json", "junit", "github", "sarif"];

const xml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** JUnit XML: one test case per file and check, for CI dashboards. */
function junit(report: CheckReport): string {
  const cases = report.results.flatMap((r) =>
    Object.entries(r.checks).map(([check, status]) => {
      const body =
        status === "fail" ? `<failure message="${xml(r.messages.find((m) => m.level === "error")?.message ?? check)}"/>` : status === "skip" ? "<skipped/>" : "";
      return `    <testcase classname="${xml(r.file)}" name="${check}">${body}</testcase>`;
    }),
  );
  const failures = cases.filter((c) => c.includes("<failure")).length;
  const skipped = cases.filter((c) => c.includes("<skipped")).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites><testsuite name="sigspl check" tests="${cases.length}" failures="${failures}" skipped="${skipped}">`,
    ...cases,
    "</testsuite></testsuites>",
  ].join("\n");
}

/** GitHub Actions annotations: one `::error` / `::warning` line per message. */
function github(report: CheckReport): string {
  const escape = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return report.results
    .flatMap((r) =>
      r.messages.map((m) => {
        const where = [`file=${r.file}`, ...(m.line ? [`line=${m.line}`] : []), ...(m.column ? [`col=${m.column}`] : [])].join(",");
        return `::${m.level === "error" ? "error" : "warning"} ${where},title=${m.code}::${escape(m.message)}`;
      }),
    )
    .join("\n");
}

/** SARIF 2.1.0, for code scanning. */
function sarif(report: CheckReport): string {
  const result = (file: string, m: CheckMessage): unknown => ({
    ruleId: m.code,
    level: m.level === "error" ? "error" : "warning",
    message: { text: m.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: file }, ...(m.line ? { region: { startLine: m.line, startColumn: m.column ?? 1 } } : {}) } }],
  });
  return JSON.stringify(
    {
      version: "2.1.0",
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      runs: [{ tool: { driver: { name: "sigspl" } }, results: report.results.flatMap((r) => r.messages.map((m) => result(r.file, m))) }],
    },
    null,
    2,
  );
}

export function renderReport(report: CheckReport, reporter: Reporter): string {
  switch (reporter) {
    case "text":
      return renderCheckReport(report);
    case "json":
      return JSON.stringify(report, null, 2);
    case "junit":
      return junit(report);
    case "github":
      return github(report);
    case "sarif":
      return sarif(report);
    default:
      return reporter;
  }
}
