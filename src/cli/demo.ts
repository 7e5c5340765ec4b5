import { relative } from "node:path";
import { sameAst } from "../spl/compare.js";
import { parseSplExpanded } from "../spl/expanded.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { parseSpl } from "../spl/parse.js";
import { printPipeline } from "../spl/print/pipeline.js";
import { readSplSources } from "../spl/sources.js";
import { summarizePipeline } from "../spl/summary.js";
import { readFileSync } from "node:fs";
import { loadProfile } from "../profiles/load.js";
import { convertSigmaFile } from "../translate/convert.js";
import { readSeed, SEED } from "./seed.js";

const indent = (text: string): string => text.split("\n").map((l) => `    ${l}`).join("\n");

function roundTrips(search: string): boolean {
  const first = parseSpl(search).ast;
  const again = first && parseSpl(printPipeline(first)).ast;
  return Boolean(first && again && sameAst(first, again));
}

/** The main job, as far as it goes today: the seed detection parsed, summarised, expanded and printed back. */
export function seedStory(): { text: string; ok: boolean } {
  const source = readSplSources(SEED.detection, readSeed()).sources[0];
  if (!source) return { text: "the seed detection could not be read", ok: false };
  const parsed = parseSpl(source.search);
  if (!parsed.ast) return { text: `the seed search does not parse: ${parsed.diagnostics[0]?.message}`, ok: false };
  const { library } = loadMacroLibrary([SEED.macros]);
  const expanded = parseSplExpanded(source.search, library);
  const stages = summarizePipeline(parsed.ast);
  const width = Math.max(...stages.map((s) => s.command.length));
  const ok = roundTrips(source.search) && expanded.expanded !== null && roundTrips(expanded.expanded);
  const lines = [
    `Seed rule: ${source.name}`,
    `  from ${relative(process.cwd(), SEED.detection)}`,
    "",
    "The search, parsed and printed back canonically:",
    indent(printPipeline(parsed.ast, { pretty: true })),
    "",
    "Its syntax tree, stage by stage:",
    ...stages.map((s, i) => `  ${i + 1}. ${s.command.padEnd(width)}  ${s.detail}`),
    "",
    `With its macros expanded (${relative(process.cwd(), SEED.macros)} and the built-in defaults):`,
    expanded.ast ? indent(printPipeline(expanded.ast, { pretty: true })) : `    ${expanded.diagnostics[0]?.message}`,
    "",
    ok
      ? "Round trip: both searches print and parse back to the same syntax tree. ✓"
      : "Round trip: FAILED — the printed search does not parse back to the same tree. ✗",
    "",
    ...sigmaStory(source.search),
  ];
  return { text: lines.join("\n"), ok: ok && sigmaMatches(source.search) };
}

/** The seed's Sigma rule converted to a Splunk detection with the sysmon profile. */
function convertedSeed(): string | null {
  const profile = loadProfile("sysmon").value;
  if (!profile) return null;
  const [result] = convertSigmaFile(SEED.sigma, readFileSync(SEED.sigma, "utf8"), { profile, to: "spl" });
  return result?.output ?? null;
}

function sigmaMatches(published: string): boolean {
  const converted = convertedSeed();
  const ours = converted === null ? null : parseSpl(converted).ast;
  const theirs = parseSpl(published).ast;
  return Boolean(ours && theirs && sameAst(ours.stages[0]!, theirs.stages[0]!));
}

function sigmaStory(published: string): string[] {
  const converted = convertedSeed();
  return [
    `Sigma → SPL: the seed's Sigma rule (${relative(process.cwd(), SEED.sigma)}), converted with the sysmon profile:`,
    indent(converted ?? "(the conversion failed)"),
    sigmaMatches(published)
      ? "It is the published search's filter, equal as a syntax tree. ✓"
      : "It differs from the published search's filter. ✗",
  ];
}
