import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FileKind } from "../diagnostics/check-result.js";
import { confStanzas } from "./conf.js";

/** One search found in a file, with where it came from. */
export interface SplSource {
  readonly file: string;
  readonly kind: Exclude<FileKind, "sigma">;
  /** Where in the file the search stands: `search` for a detection, `[stanza].search` for a .conf. */
  readonly path?: string;
  readonly name?: string;
  readonly search: string;
  /** The whole parsed detection, for a Splunk detection YAML. */
  readonly detection?: SplunkDetection;
}

/** The fields of Splunk's published detection YAML that sigspl reads; the rest is kept as is. */
export interface SplunkDetection {
  readonly name: string;
  readonly id?: string;
  readonly search: string;
  readonly [key: string]: unknown;
}

export interface ReadSources {
  readonly sources: SplSource[];
  readonly diagnostics: Diagnostic[];
}

/** Reads the searches of a file: raw SPL, a Splunk detection YAML, or a savedsearches.conf. */
export function readSplSources(file: string, text: string): ReadSources {
  if (/\.ya?ml$/i.test(file)) return readDetection(file, text);
  if (/\.conf$/i.test(file)) return readSavedSearches(file, text);
  return { sources: [{ file, kind: "spl", search: text.trim() }], diagnostics: [] };
}

export function isSplunkDetection(doc: unknown): doc is SplunkDetection {
  const d = doc as Partial<SplunkDetection> | null;
  return typeof d === "object" && d !== null && typeof d.search === "string" && typeof d.name === "string";
}

function readDetection(file: string, text: string): ReadSources {
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number; position: number } }).mark;
    const pos = mark ? { offset: mark.position, line: mark.line + 1, column: mark.column + 1 } : undefined;
    const reason = (e as { reason?: string }).reason ?? "invalid YAML";
    return { sources: [], diagnostics: [{ code: "SPL3001", severity: "error", message: `not valid YAML: ${reason}`, file, ...(pos ? { span: { start: pos, end: pos } } : {}) }] };
  }
  if (!isSplunkDetection(doc)) {
    return { sources: [], diagnostics: [{ code: "SPL3002", severity: "error", message: "not a Splunk detection: it needs `name` and `search` strings", file }] };
  }
  return { sources: [{ file, kind: "splunk-detection", path: "search", name: doc.name, search: doc.search, detection: doc }], diagnostics: [] };
}

function readSavedSearches(file: string, text: string): ReadSources {
  const sources: SplSource[] = [];
  for (const stanza of confStanzas(text)) {
    const search = stanza.keys.get("search");
    if (search === undefined) continue;
    sources.push({ file, kind: "savedsearches", path: `[${stanza.name}].search`, name: stanza.name, search });
  }
  const diagnostics: Diagnostic[] = sources.length
    ? []
    : [{ code: "SPL3003", severity: "error", message: "no stanza with a `search` setting", file }];
  return { sources, diagnostics };
}
