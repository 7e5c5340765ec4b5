import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildCorrelation, buildFilter, buildRule } from "./build/documents.js";
import { Reporter } from "./build/reporter.js";
import type { SigmaDocument } from "./model.js";
import { type DocumentKind, schemaDiagnostics } from "./schema/validate.js";
import { loadYaml, type YamlDocument } from "./yaml/load.js";
import type { SourceMap } from "./yaml/locate-span.js";

export interface LoadedDocument {
  readonly kind: DocumentKind;
  /** Null when the document has errors. */
  readonly document: SigmaDocument | null;
  readonly diagnostics: readonly Diagnostic[];
  /** The text and position tree, to place later diagnostics (cross-document references). */
  readonly source: SourceMap;
}

export interface SigmaLoad {
  readonly documents: readonly LoadedDocument[];
  /** Every diagnostic of the file: YAML-level ones and those of each document. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A correlation has `correlation`, a filter has `filter`; anything else is a detection rule. */
export function documentKind(value: Readonly<Record<string, unknown>>): DocumentKind {
  if ("correlation" in value) return "correlation";
  if ("filter" in value && !("detection" in value)) return "filter";
  return "rule";
}

function build(kind: DocumentKind, value: Readonly<Record<string, unknown>>, r: Reporter): SigmaDocument | null {
  switch (kind) {
    case "rule":
      return buildRule(value, r);
    case "filter":
      return buildFilter(value, r);
    case "correlation":
      return buildCorrelation(value, r);
  }
}

function loadDocument(text: string, yamlDoc: YamlDocument): LoadedDocument {
  const r = new Reporter({ text, root: yamlDoc.root });
  const value = yamlDoc.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    r.add("SIG1004", "error", "a Sigma document must be a map of attributes (title, logsource, detection, …)", []);
    return { kind: "rule", document: null, diagnostics: r.diagnostics, source: r.map };
  }
  const map = value as Record<string, unknown>;
  const kind = documentKind(map);
  const schema = schemaDiagnostics(kind, map, r.map);
  if (schema.length) return { kind, document: null, diagnostics: schema, source: r.map };
  const document = build(kind, map, r);
  const failed = r.diagnostics.some((d) => d.severity === "error");
  return { kind, document: failed ? null : document, diagnostics: r.diagnostics, source: r.map };
}

/** Loads a Sigma file (one or several YAML documents): typed documents and all diagnostics, never throwing. */
export function loadSigma(text: string, file?: string): SigmaLoad {
  const yaml = loadYaml(text);
  const documents = yaml.documents.filter((d) => d.value !== null || yaml.documents.length === 1).map((d) => loadDocument(text, d));
  const all = [...yaml.diagnostics, ...documents.flatMap((d) => d.diagnostics)];
  const duplicateKeys = yaml.diagnostics.some((d) => d.code === "SIG1002");
  const withFile = file === undefined ? all : all.map((d) => ({ ...d, file }));
  return {
    documents: duplicateKeys ? documents.map((d) => ({ ...d, document: null })) : documents,
    diagnostics: withFile,
  };
}
