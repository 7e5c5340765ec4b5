import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameAst } from "../../src/spl/compare.js";
import { parseSpl } from "../../src/spl/parse.js";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { corpusDetections } from "../helpers/corpus.js";

const searches = corpusDetections().map((d) => d.search);
const PIECES = ["|", "[", "]", "(", ")", '"', "`", "'", "=", "!=", ",", " ", "NOT", "OR", "AND", "IN", "eval", "where", "by", "as", "```", "\\", "*", "<<FIELD>>", "\n"];

/** A corpus search with a few cuts, duplications and insertions of SPL's special pieces. */
const mutatedSearch = fc
  .record({
    base: fc.constantFrom(...searches),
    edits: fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 8 }), insert: fc.constantFrom(...PIECES) }), { maxLength: 4 }),
  })
  .map(({ base, edits }) =>
    edits.reduce((s, e) => {
      const at = s.length ? e.at % s.length : 0;
      return s.slice(0, at) + e.insert + s.slice(at + e.cut);
    }, base),
  );

/** The only thing allowed out of the parser: a tree, or typed diagnostics with positions. */
function parsesOrExplains(text: string): void {
  const r = parseSpl(text);
  if (r.ast) {
    expect(r.diagnostics).toEqual([]);
    const printed = printPipeline(r.ast);
    const again = parseSpl(printed);
    expect(again.diagnostics).toEqual([]);
    expect(sameAst(r.ast, again.ast!)).toBe(true);
  } else {
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) {
      expect(d.code).toMatch(/^SPL100[1-4]$/);
      expect(d.span?.start.line).toBeGreaterThanOrEqual(1);
    }
  }
}

describe("parser robustness (property tests)", () => {
  it("never throws on random text, and what it accepts round-trips", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), parsesOrExplains), { numRuns: 1500, seed: 20261204 });
  });

  it("never throws on random mixes of SPL's special pieces", () => {
    const pieces = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.stringMatching(/^[a-z0-9_*.]{1,6}$/)), { maxLength: 40 });
    fc.assert(fc.property(pieces.map((p) => p.join(" ")), parsesOrExplains), { numRuns: 1500, seed: 20261204 });
  });

  it("never throws on mutated real searches, and what it accepts round-trips", () => {
    fc.assert(fc.property(mutatedSearch, parsesOrExplains), { numRuns: 1500, seed: 20261204 });
  });
});
