import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sameAst } from "../../src/spl/compare.js";
import { parseSplExpanded } from "../../src/spl/expanded.js";
import { loadMacroLibrary } from "../../src/spl/macros/library-loader.js";
import { parseSpl } from "../../src/spl/parse.js";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { readSplSources } from "../../src/spl/sources.js";
import { runCli } from "../helpers/cli.js";
import { PROJECT } from "../helpers/corpus.js";

const file = join(PROJECT, "rules/rms-radmin-namedpipe/windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml");
const seed = readSplSources(file, readFileSync(file, "utf8")).sources[0]!;

describe("the seed detection", () => {
  it("is a Splunk detection with the published search", () => {
    expect(seed).toMatchObject({ kind: "splunk-detection", name: "Windows Application Layer Protocol RMS Radmin Tool Namedpipe" });
    expect(seed.detection?.id).toBe("b62a6040-49f4-47c8-b3f6-fc1adb952a33");
  });

  it("parses, and prints back to a search with the same AST", () => {
    const ast = parseSpl(seed.search).ast!;
    expect(ast.stages.map((s) => s.type)).toEqual(["SearchCommand", "StatsCommand", "RenameCommand", "MacroCommand", "MacroCommand", "MacroCommand"]);
    expect(sameAst(parseSpl(printPipeline(ast)).ast!, ast)).toBe(true);
  });

  it("expands with the shipped macros, and the expansion prints back equal", () => {
    const { library, diagnostics } = loadMacroLibrary([join(PROJECT, "rules/macros")]);
    expect(diagnostics).toEqual([]);
    const r = parseSplExpanded(seed.search, library);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast!.stages.map((s) => s.type)).toEqual(["SearchCommand", "StatsCommand", "RenameCommand", "ConvertCommand", "ConvertCommand", "SearchCommand"]);
    expect(sameAst(parseSpl(printPipeline(r.ast!)).ast!, r.ast!)).toBe(true);
  });

  it("is the start of what `npm start` shows: the whole story, every step holding", () => {
    const r = runCli(["demo"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("0. Its search, parsed, stage by stage:");
    expect(r.stdout).toContain("It is the published search, equal as a syntax tree. ✓");
    expect(r.stdout).toMatch(/Sigma rule: (\d+) of 10 events match\.\n   SPL search: its filter keeps \1 of 10 events/);
    expect(r.stdout).toContain("4. The verifier: equivalent at the filter level");
    expect(r.stdout).toContain("At the results level: `stats … by dest` drops events without dest: 1 event matched by the Sigma rule yields no row.");
  });
});
