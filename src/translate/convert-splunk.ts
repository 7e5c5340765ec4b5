import type { Profile } from "../profiles/types.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import { readSplSources } from "../spl/sources.js";
import type { ConvertResult } from "./convert.js";
import { splunkSearchToSigma } from "./spl-to-sigma.js";

/**
 * Converts every search of a Splunk file (detection YAML, savedsearches.conf or raw SPL) to a Sigma rule;
 * a skipped search (no filter Sigma can express) is a failed result whose error says why. A raw search has no
 * name: `title` gives it one.
 */
export function convertSplunkFile(file: string, text: string, profile: Profile, library: MacroLibrary, title?: string): ConvertResult[] {
  const read = readSplSources(file, text);
  if (read.diagnostics.length) {
    return [{ file, ok: false, output: null, losses: [], error: `${file}: ${read.diagnostics[0]!.message}` }];
  }
  return read.sources.map((source) => {
    const r = splunkSearchToSigma(source.name === undefined && title ? { ...source, name: title } : source, profile, library);
    const where = source.path ? ` (${source.path})` : "";
    if (r.yaml !== null) return { file, ok: true, output: r.yaml, losses: r.losses, error: null };
    return { file, ok: false, output: null, losses: r.losses, error: r.skip ? `${file}${where}: skipped: ${r.skip}` : `${file}${where}: ${r.error}` };
  });
}
