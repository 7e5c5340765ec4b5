import { describe, expect, it } from "vitest";
import { inMemoryEvents } from "../../src/eval/events/types.js";
import { parseSpl } from "../../src/spl/parse.js";
import { resultsLevel } from "../../src/verify/pipeline-effects.js";
import { profile } from "../helpers/sigma.js";

const events = inMemoryEvents([
  { Image: "a.exe", dest: "h1", n: 1 },
  { Image: "a.exe", dest: "h1", n: 2 },
  { Image: "b.exe", dest: "h2", n: 3 },
  { Image: "c.exe", n: 4 },
]);

function level(search: string) {
  const ast = parseSpl(search).ast;
  if (!ast) throw new Error(`does not parse: ${search}`);
  return resultsLevel(ast, events, profile("none"));
}

describe("the results level: what the pipeline after the filter does to the matched events", () => {
  it("names a by-field's drops and the grouping that follows", () => {
    expect(level("Image=* | stats count by dest")).toEqual({
      matched: 4,
      rows: 2,
      effects: [
        { command: "stats … by dest", events: 1, message: "`stats … by dest` drops events without dest: 1 event matched by the Sigma rule yields no row" },
        { command: "stats … by dest", events: 3, message: "`stats … by dest` turns 3 events into 2 rows" },
      ],
    });
  });

  it("names each later stage that keeps fewer rows, and says nothing of those that only reshape them", () => {
    expect(level("Image=* | dedup Image | eval x=1 | table Image x")).toEqual({
      matched: 4,
      rows: 3,
      effects: [{ command: "dedup Image", events: 4, message: "`dedup Image` turns 4 events into 3 rows" }],
    });
    expect(level("Image=* | stats count by Image | where count > 1")).toMatchObject({
      rows: 1,
      effects: [
        { message: "`stats … by Image` turns 4 events into 3 rows" },
        { message: "`where count>1` turns 3 rows into 1 row" },
      ],
    });
  });

  it("reports no rows it cannot compute: a stage the evaluator cannot run", () => {
    expect(level("Image=* | transaction dest")).toMatchObject({ matched: 4, rows: null });
  });
});
