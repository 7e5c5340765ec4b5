import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Reporter } from "./build/reporter.js";
import type { LoadedDocument } from "./load.js";
import type { SigmaDocument } from "./model.js";

/** The ids and names by which correlations and filters may refer to a document. */
function handles(doc: SigmaDocument): string[] {
  return [doc.id, doc.name].filter((h): h is string => h !== undefined);
}

function references(doc: SigmaDocument): { readonly rules: readonly string[]; readonly path: readonly string[]; readonly code: string } | null {
  if (doc.type === "SigmaCorrelation") return { rules: doc.correlation.rules, path: ["correlation", "rules"], code: "SIG5001" };
  if (doc.type === "SigmaFilter") return { rules: doc.filter.rules, path: ["filter", "rules"], code: "SIG6001" };
  return null;
}

/**
 * Checks that correlations and filters name rules that exist among `loaded` (the documents of one
 * file, or of every file of a `validate` run). A reference to a rule outside them is a warning:
 * it may live in a file that was not given.
 */
export function referenceDiagnostics(loaded: readonly (LoadedDocument & { readonly file?: string })[]): Diagnostic[] {
  const known = new Set(loaded.flatMap((l) => (l.document ? handles(l.document) : [])));
  return loaded.flatMap((l) => {
    const refs = l.document && references(l.document);
    if (!refs) return [];
    const r = new Reporter(l.source);
    refs.rules.forEach((rule, i) => {
      if (!known.has(rule)) r.add(refs.code, "warning", `'${rule}' is not the id or name of any rule loaded with this one`, [...refs.path, i]);
    });
    return r.diagnostics.map((d) => (l.file === undefined ? d : { ...d, file: l.file }));
  });
}
