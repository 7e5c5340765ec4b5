import { LLkLookaheadStrategy } from "chevrotain";
import { describe, expect, it } from "vitest";
import { parseSpl, parseSplWith } from "../../src/spl/parse.js";
import { MAX_LOOKAHEAD } from "../../src/spl/parser/base.js";
import { SplParser } from "../../src/spl/parser/pipeline.js";
import { corpusDetections } from "../helpers/corpus.js";

const searches = corpusDetections().map((d) => d.search);

/** Each search, and cut short or with a parenthesis added inside, so that errors are compared too. */
const withDamaged = searches.flatMap((s, i) => {
  const at = (i * 7919) % Math.max(1, s.length);
  return [s, s.slice(0, Math.floor(s.length / 3)), s.slice(0, at) + "(" + s.slice(at), s.slice(0, at) + ")" + s.slice(at)];
});

describe("the shared parser", () => {
  it("chooses every alternative as Chevrotain's own LL(k) lookahead does (same trees, same errors)", () => {
    const chevrotains = new SplParser(false, new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD }));
    const differing = withDamaged.filter((s) => JSON.stringify(parseSpl(s)) !== JSON.stringify(parseSplWith(chevrotains, s)));
    expect(differing).toEqual([]);
  });

  it("keeps nothing from one search to the next: after failed searches, a search parses as on a fresh parser", () => {
    const good = "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=x by Processes.dest | `drop_dm_object_name(Processes)` | table dest count";
    for (const bad of ["a | ", "a | stats count(eval(x", "| tstats count where by", "a | table x y( | b", "(a OR b", "a | eval x="]) {
      expect(parseSpl(bad).ast).toBeNull();
      expect(parseSpl(good)).toEqual(parseSplWith(new SplParser(), good));
    }
  });
});
