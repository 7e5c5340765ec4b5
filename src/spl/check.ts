import type { CheckMessage, CheckStatus, FileCheckResult } from "../diagnostics/check-result.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { sameAst } from "./compare.js";
import { parseSpl } from "./parse.js";
import { printPipeline } from "./print/pipeline.js";
import { readSplSources, type SplSource } from "./sources.js";

/** Per search: does it parse, and does print(parse(s)) parse back to the same tree and print the same? */
export function checkSplFile(file: string, text: string): FileCheckResult {
  const read = readSplSources(file, text);
  const kind = read.sources[0]?.kind ?? (/\.ya?ml$/i.test(file) ? "splunk-detection" : /\.conf$/i.test(file) ? "savedsearches" : "spl");
  const messages: CheckMessage[] = read.diagnostics.map((d) => toMessage(d));
  let parse: CheckStatus = read.diagnostics.length ? "fail" : "pass";
  let roundtrip: CheckStatus = parse === "pass" ? "pass" : "skip";
  for (const source of read.sources) {
    const verdict = checkSearch(source);
    messages.push(...verdict.messages);
    if (verdict.parse === "fail") parse = "fail";
    if (verdict.roundtrip === "fail") roundtrip = "fail";
    if (verdict.roundtrip === "skip" && roundtrip === "pass") roundtrip = "skip";
  }
  return { file, kind, checks: { parse, roundtrip }, messages };
}

function checkSearch(source: SplSource): { parse: CheckStatus; roundtrip: CheckStatus; messages: CheckMessage[] } {
  const parsed = parseSpl(source.search);
  if (!parsed.ast) return { parse: "fail", roundtrip: "skip", messages: parsed.diagnostics.map((d) => toMessage(d, source.path)) };
  const printed = printPipeline(parsed.ast);
  const again = parseSpl(printed);
  if (again.ast && sameAst(parsed.ast, again.ast) && printPipeline(again.ast) === printed) {
    return { parse: "pass", roundtrip: "pass", messages: [] };
  }
  const message: CheckMessage = {
    level: "error",
    code: "SPL4001",
    message: `printing does not round-trip: ${again.diagnostics[0]?.message ?? "the reprinted search parses to a different tree"}`,
    ...(source.path ? { path: source.path } : {}),
  };
  return { parse: "pass", roundtrip: "fail", messages: [message] };
}

export function toMessage(d: Diagnostic, path?: string): CheckMessage {
  const where = path ?? d.path;
  return {
    level: d.severity === "error" ? "error" : "warning",
    code: d.code,
    message: d.message,
    ...(where ? { path: where } : {}),
    ...(d.span ? { line: d.span.start.line, column: d.span.start.column } : {}),
  };
}
