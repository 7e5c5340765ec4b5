import type { Profile } from "../profiles/types.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import { readSplSources, type SplSource } from "../spl/sources.js";
import type { ConvertResult } from "./convert.js";
import { splunkSearchToSigma } from "./spl-to-sigma.js";

/** Metadata for a raw search, which has none of its own (from `convert` flags). */
export interface RawMetadata {
  readonly title?: string;
  readonly id?: string;
  readonly author?: string;
  readonly description?: string;
  readonly date?: string;
}

/** A raw search (or a saved search) dressed with the given metadata, as if it were a detection. */
function withMetadata(source: SplSource, meta: RawMetadata): SplSource {
  if (source.detection) return source;
  const name = meta.title ?? source.name;
  const known = Object.fromEntries(Object.entries({ id: meta.id, author: meta.author, description: meta.description, date: meta.date }).filter(([, v]) => v !== undefined));
  return { ...source, ...(name ? { name } : {}), detection: { name: name ?? "Converted Splunk search", search: source.search, ...known } };
}

/**
 * Converts every search of a Splunk file (detection YAML, savedsearches.conf or raw SPL) to a Sigma rule;
 * a skipped search (no filter Sigma can express) is a failed result whose error says why. A search without
 * detection metadata takes `meta`.
 */
export function convertSplunkFile(file: string, text: string, profile: Profile, library: MacroLibrary, meta: RawMetadata = {}): ConvertResult[] {
  const read = readSplSources(file, text);
  if (read.diagnostics.length) {
    return [{ file, ok: false, output: null, losses: [], error: `${file}: ${read.diagnostics[0]!.message}` }];
  }
  return read.sources.map((source) => {
    const r = splunkSearchToSigma(withMetadata(source, meta), profile, library);
    const where = source.path ? ` (${source.path})` : "";
    if (r.yaml !== null) return { file, ok: true, output: r.yaml, losses: r.losses, error: null };
    return { file, ok: false, output: null, losses: r.losses, error: r.skip ? `${file}${where}: skipped: ${r.skip}` : `${file}${where}: ${r.error}` };
  });
}
