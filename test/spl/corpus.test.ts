import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sameAst } from "../../src/spl/compare.js";
import { parseSplExpanded } from "../../src/spl/expanded.js";
import { loadMacroLibrary } from "../../src/spl/macros/library-loader.js";
import { parseSpl } from "../../src/spl/parse.js";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { CORPUS, corpusDetections, filesUnder, REFERENCE } from "../helpers/corpus.js";

/** The round-trip properties: print(parse(s)) reparses to the same tree, and printing is idempotent. */
function roundTripProblem(search: string, pretty = false): string | null {
  const first = parseSpl(search);
  if (!first.ast) return `does not parse: ${first.diagnostics[0]?.message}`;
  const printed = printPipeline(first.ast, { pretty });
  const second = parseSpl(printed);
  if (!second.ast) return `printed form does not parse: ${second.diagnostics[0]?.message}\n${printed}`;
  if (!sameAst(first.ast, second.ast)) return `printed form parses differently:\n${printed}`;
  if (printPipeline(second.ast, { pretty }) !== printed) return `printing is not idempotent:\n${printed}`;
  return null;
}

const detections = corpusDetections();

describe("Splunk detections corpus (whole folder)", () => {
  it("reads every detection of the folder", () => {
    expect(detections.length).toBeGreaterThan(0);
    expect(detections.length).toBeGreaterThanOrEqual(filesUnder(join(CORPUS, "security_content/detections"), [".yml"]).length * 0.95);
  });

  it("parses and round-trips every search, canonical and pretty", () => {
    const problems = detections.flatMap((d) =>
      [roundTripProblem(d.search), roundTripProblem(d.search, true)].filter(Boolean).map((p) => `${d.file}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("expands every search with the corpus macros, and the expansion parses and round-trips", () => {
    const { library, diagnostics } = loadMacroLibrary([join(CORPUS, "security_content/macros")]);
    expect(diagnostics).toEqual([]);
    expect(library.size).toBeGreaterThanOrEqual(filesUnder(join(CORPUS, "security_content/macros"), [".yml"]).length * 0.9);
    const problems = detections.flatMap((d) => {
      const r = parseSplExpanded(d.search, library);
      if (!r.ast || r.expanded === null) return [`${d.file}: ${r.diagnostics[0]?.message}`];
      const rt = roundTripProblem(r.expanded);
      return rt ? [`${d.file} (expanded): ${rt}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe("the reference converter's SPL (whole output files)", () => {
  for (const name of ["splunk_windows.default.jsonl", "no_pipeline.default.jsonl"]) {
    it(`parses and round-trips every query of ${name}, or rejects pySigma's broken \`| search OR …\``, () => {
      const lines = readFileSync(join(REFERENCE, "pysigma-splunk", name), "utf8").split("\n").filter(Boolean);
      const queries = lines.flatMap((l) => (JSON.parse(l) as { queries: string[] | null }).queries ?? []);
      expect(queries.length).toBeGreaterThanOrEqual(lines.length * 0.9);
      const problems = queries.flatMap((q) => {
        const parsed = parseSpl(q);
        if (!parsed.ast) {
          const at = parsed.diagnostics[0]?.span?.start.offset ?? 0;
          return /\|\s*search\s+$/.test(q.slice(0, at)) && q.slice(at).startsWith("OR") ? [] : [`${q}: ${parsed.diagnostics[0]?.message}`];
        }
        const rt = roundTripProblem(q);
        return rt ? [rt] : [];
      });
      expect(problems).toEqual([]);
    });
  }
});
