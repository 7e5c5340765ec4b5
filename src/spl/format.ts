import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseSpl } from "./parse.js";
import { printPipeline } from "./print/pipeline.js";
import { readSplSources } from "./sources.js";

export interface FormatResult {
  /** The formatted file, or null when a search in it does not parse. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Formats the searches of a file in place, leaving everything else as written: a raw SPL file becomes its
 * canonical form; in a Splunk detection only the top-level `search:` value is rewritten; in a .conf file
 * only each stanza's `search =` setting.
 */
export function formatFile(file: string, text: string, pretty: boolean): FormatResult {
  const read = readSplSources(file, text);
  if (read.diagnostics.length) return { text: null, diagnostics: read.diagnostics };
  const formatted: string[] = [];
  for (const source of read.sources) {
    const parsed = parseSpl(source.search);
    if (!parsed.ast) return { text: null, diagnostics: parsed.diagnostics.map((d) => ({ ...d, file, ...(source.path ? { path: source.path } : {}) })) };
    formatted.push(printPipeline(parsed.ast, { pretty }));
  }
  const kind = read.sources[0]?.kind;
  if (kind === "splunk-detection") return { text: replaceYamlSearch(text, formatted[0]!), diagnostics: [] };
  if (kind === "savedsearches") return { text: replaceConfSearches(text, formatted), diagnostics: [] };
  return { text: `${formatted[0] ?? ""}\n`, diagnostics: [] };
}

/** Splunk detections keep their keys at column 0, so the `search:` value runs to the next such key. */
function replaceYamlSearch(text: string, search: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^search\s*:/.test(l));
  let end = start + 1;
  while (end < lines.length && !/^[^\s#-][^:]*:/.test(lines[end]!)) end++;
  const dumped = yaml.dump({ search }, { lineWidth: -1 }).trimEnd();
  return [...lines.slice(0, start), dumped, ...lines.slice(end)].join("\n");
}

/** Rewrites each `search = …` setting (with its `\` continuation lines) in stanza order. */
function replaceConfSearches(text: string, searches: readonly string[]): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*search\s*=/.test(lines[i]!) || next >= searches.length) {
      out.push(lines[i]!);
      continue;
    }
    while (lines[i]!.endsWith("\\") && i + 1 < lines.length) i++;
    out.push(`search = ${searches[next++]!.replace(/\n/g, " \\\n")}`);
  }
  return out.join("\n");
}
