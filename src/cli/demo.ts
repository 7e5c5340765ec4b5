import { relative } from "node:path";
import { sameAst } from "../spl/compare.js";
import { parseSplExpanded } from "../spl/expanded.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { parseSpl } from "../spl/parse.js";
import { printPipeline } from "../spl/print/pipeline.js";
import { readSplSources } from "../spl/sources.js";
import { summarizePipeline } from "../spl/summary.js";
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
  ];
  return { text: lines.join("\n"), ok };
}
