import { describe, expect, it } from "vitest";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { parseOk } from "../helpers/spl.js";

const canonical = (search: string): string => printPipeline(parseOk(search));

describe("canonical printer", () => {
  it.each([
    ["a=1   b=2|stats  count   by x", "a=1 b=2 | stats count by x"],
    ["(a OR b) c", "(a OR b) c"],
    ["a OR b c", "(a OR b) c"],
    ["a AND b", "a AND b"],
    ["(a b) c", "(a b) c"],
    ["(a)", "a"],
    ["NOT (a b)", "NOT (a b)"],
    ["f IN(1,2 , 3)", "f IN (1, 2, 3)"],
    ["f IN (,\"a\",)", 'f IN ("a")'],
    ["| where (a OR b) AND c", "| where (a OR b) AND c"],
    ["| where a OR (b AND c)", "| where a OR b AND c"],
    ["| where NOT (a=1)", "| where NOT a=1"],
    ["| where -(a+b)", "| where -(a + b)"],
    ["| where (a-b)-c", "| where a - b - c"],
    ["| where a-(b-c)", "| where a - (b - c)"],
    ["| eval x=a.b", "| eval x=a.b"],
    ["| eval x=a . \"-\" . b", "| eval x=a . \"-\" . b"],
    ["x | rename a AS b, c as d", "x | rename a as b, c as d"],
    ["x | sort -count", "x | sort -count"],
    ["x | bucket span=1h _time", "x | bucket _time span=1h"],
    ["x | `m(a, b)`", "x | `m(a, b)`"],
    ["x | replace \"a\" with b in  c", "x | replace \"a\" with b in c"],
    ["x | convert ctime(a)", "x | convert ctime(a)"],
    ["| tstats count where a=1 by b span=1h", "| tstats count where a=1 by b span=1h"],
    ["x ```note``` | table a", "x ```note``` | table a"],
  ])("%s → %s", (input, output) => {
    expect(canonical(input)).toBe(output);
  });

  it("lays out one command per line when pretty", () => {
    expect(printPipeline(parseOk("a | stats count by b | table b"), { pretty: true })).toBe("a\n| stats count by b\n| table b");
  });

  it("escapes a field name that would otherwise break the word", () => {
    expect(canonical('x | table "a b"')).toBe('x | table "a b"');
  });
});
