import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { FileCheckResult } from "../diagnostics/check-result.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { toCheckMessage } from "./check.js";
import { referenceDiagnostics } from "./collection.js";
import { loadSigma, type SigmaLoad } from "./load.js";

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export interface ValidatedFile extends SourceFile {
  readonly load: SigmaLoad;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Loads and validates files as one collection: correlations and filters may name rules of any
 * of them. One broken file never stops the rest.
 */
export function validateSigmaFiles(files: readonly SourceFile[]): ValidatedFile[] {
  const loaded = files.map((f) => ({ ...f, load: loadSigma(f.text, f.file) }));
  const references = referenceDiagnostics(loaded.flatMap((f) => f.load.documents.map((d) => ({ ...d, file: f.file }))));
  return loaded.map((f) => ({ ...f, diagnostics: [...f.load.diagnostics, ...references.filter((d) => d.file === f.file)] }));
}

/** `validate --json`'s per-file result: the shape of `check --json`, with the `parse` check only. */
export function validationResult(v: ValidatedFile, strict = false): FileCheckResult {
  const failing = v.diagnostics.some((d) => d.severity === "error" || (strict && d.severity === "warning"));
  const parsed = v.load.documents.length > 0 && v.load.documents.every((d) => d.document) && !failing;
  return { file: v.file, kind: "sigma", checks: { parse: parsed ? "pass" : "fail" }, messages: v.diagnostics.map(toCheckMessage) };
}

const SIGMA_ENDINGS = new Set([".yml", ".yaml"]);

function sigmaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return sigmaFiles(full);
      return SIGMA_ENDINGS.has(extname(e.name).toLowerCase()) ? [full] : [];
    });
}

export interface FolderFigures {
  readonly files: number;
  readonly documents: number;
  readonly valid: number;
  readonly errors: number;
  readonly warnings: number;
  readonly milliseconds: number;
}

/** Reads, loads and validates every .yml/.yaml file under `dir` in this process: the `npm run bench` figure. */
export function loadAndValidateFolder(dir: string): FolderFigures {
  const started = performance.now();
  const validated = validateSigmaFiles(sigmaFiles(dir).map((file) => ({ file, text: readFileSync(file, "utf8") })));
  const documents = validated.flatMap((v) => v.load.documents);
  const all = validated.flatMap((v) => v.diagnostics);
  return {
    files: validated.length,
    documents: documents.length,
    valid: documents.filter((d) => d.document).length,
    errors: all.filter((d) => d.severity === "error").length,
    warnings: all.filter((d) => d.severity === "warning").length,
    milliseconds: Math.round(performance.now() - started),
  };
}
