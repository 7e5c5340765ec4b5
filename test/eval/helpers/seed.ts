import { readFileSync } from "node:fs";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { readText, type EventRecord } from "../../../src/eval/events/index.js";
import { loadProfile } from "../../../src/profiles/load.js";
import type { Profile } from "../../../src/profiles/types.js";
import { loadMacroLibrary } from "../../../src/spl/macros/library-loader.js";
import { readSplSources } from "../../../src/spl/sources.js";

export const SEED_DIR = "rules/rms-radmin-namedpipe";
export const SEED_SPL = `${SEED_DIR}/windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml`;
export const SEED_SIGMA = `${SEED_DIR}/windows_application_layer_protocol_rms_radmin_tool_namedpipe.sigma.yml`;
export const SEED_EVENTS = `${SEED_DIR}/events.json`;

export function readEventFile(file: string): { events: EventRecord[]; diagnostics: Diagnostic[] } {
  const events: EventRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  readText(file, readFileSync(file, "utf8"), { event: (e) => events.push(e), diagnostic: (d) => diagnostics.push(d) });
  return { events, diagnostics };
}

export function seedSearch(): string {
  return readSplSources(SEED_SPL, readFileSync(SEED_SPL, "utf8")).sources[0]!.search;
}

export const macros = () => loadMacroLibrary(["rules/macros"]).library;

export function profile(name: string): Profile {
  const p = loadProfile(name);
  if (!p.value) throw new Error(JSON.stringify(p.diagnostics));
  return p.value;
}
