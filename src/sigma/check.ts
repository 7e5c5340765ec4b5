import type { CheckMessage, CheckStatus, FileCheckResult } from "../diagnostics/check-result.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { referenceDiagnostics } from "./collection.js";
import { loadSigma, type SigmaLoad } from "./load.js";
import type { SigmaDocument } from "./model.js";
import { printSigma } from "./print/documents.js";
import { isDeepStrictEqual } from "node:util";

export function toCheckMessage(d: Diagnostic): CheckMessage {
  return {
    level: d.severity === "error" ? "error" : "warning",
    code: d.code,
    message: d.message,
    ...(d.path !== undefined ? { path: d.path } : {}),
    ...(d.span ? { line: d.span.start.line, column: d.span.start.column } : {}),
  };
}

/** Whether every document prints to YAML that loads back to the same model. */
export function roundTrips(doc: SigmaDocument): boolean {
  const again = loadSigma(printSigma(doc)).documents;
  return again.length === 1 && isDeepStrictEqual(again[0]!.document, doc);
}

/** All diagnostics of one file, including cross-document references within it. */
export function fileDiagnostics(load: SigmaLoad): Diagnostic[] {
  return [...load.diagnostics, ...referenceDiagnostics(load.documents)];
}

/**
 * `sigspl check` for a Sigma file: `parse` = load + schema + semantic checks, `roundtrip` =
 * print/load equality (skipped when the file does not parse).
 */
export function checkSigmaFile(file: string, text: string): FileCheckResult {
  const load = loadSigma(text, file);
  const diagnostics = fileDiagnostics(load);
  const parsed = load.documents.length > 0 && load.documents.every((d) => d.document) && !diagnostics.some((d) => d.severity === "error");
  const roundtrip: CheckStatus = !parsed ? "skip" : load.documents.every((d) => roundTrips(d.document!)) ? "pass" : "fail";
  const messages = diagnostics.map(toCheckMessage);
  const failed = roundtrip === "fail" ? [{ level: "error", code: "SIG9001", message: "the canonical print of this file does not load back to the same rule" } as const] : [];
  return { file, kind: "sigma", checks: { parse: parsed ? "pass" : "fail", roundtrip }, messages: [...messages, ...failed] };
}
