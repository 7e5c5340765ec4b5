import { describe, expect, it } from "vitest";
import { compileIr } from "../../src/eval/ir/compile.js";
import { compileRegex } from "../../src/eval/regex.js";
import { and, or } from "../../src/ir/build.js";
import type { IrExpr } from "../../src/ir/types.js";
import { boundaryEvents } from "../../src/verify/generate/boundary.js";
import { disjuncts } from "../../src/verify/generate/literals.js";
import { regexSamples } from "../../src/verify/generate/regex-sample.js";
import { FLAT, searchIr } from "../eval/helpers/spl.js";

const match = (field: string, ...parts: (string | "*")[]): IrExpr => ({
  type: "IrMatch",
  field,
  pattern: { parts: parts.map((p) => (p === "*" ? { type: "IrAnyChars" as const } : p)) },
  caseSensitive: false,
});

describe("regular expression samples", () => {
  it.each([
    ["[^/]{100,}$", []],
    ["\\s-\\s*<", []],
    ["(?i)^(a|bc)+x$", []],
    ["(?<n>\\d{3})-[A-Fa-f]", []],
    ["(?P<x>[\\w.-]+)@[^ ]+\\.(com|net)", []],
    ["://[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}", []],
    ["FOO\\x41", ["i"]],
  ] as const)("/%s/ gives strings it matches, and near misses it does not", (pattern, flags) => {
    const samples = regexSamples(pattern, flags);
    const regex = compileRegex(pattern, flags);
    if (!regex.ok) throw new Error(regex.message);
    expect(samples.matching.length).toBeGreaterThan(0);
    for (const s of samples.matching) expect(regex.regex.test(s)).toBe(true);
    for (const s of samples.near) expect(regex.regex.test(s)).toBe(false);
  });

  it("gives every branch of an alternation its own sample", () => {
    expect(regexSamples("^(cmd|powershell|wscript)\\.exe$", []).matching).toEqual(expect.arrayContaining(["cmd.exe", "powershell.exe", "wscript.exe"]));
  });

  it("gives no samples for what it cannot read rather than wrong ones (a backreference)", () => {
    expect(regexSamples("(a)\\1", []).matching).toEqual([]);
  });

  it("says where a sample must stand when the expression is anchored", () => {
    expect(regexSamples("^abc", [])).toMatchObject({ anchoredStart: true, anchoredEnd: false });
    expect(regexSamples("abc$", [])).toMatchObject({ anchoredStart: false, anchoredEnd: true });
  });
});

describe("disjunctive normal form, cut short evenly", () => {
  it("lets every option of every operand of an AND appear before the cap, however long the lists", () => {
    const a = or(["a1", "a2", "a3"].map((v) => match("A", v)));
    const b = or(["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10"].map((v) => match("B", v)));
    const terms = disjuncts(and([a, b]), true, 10);
    const seen = new Set(terms.flatMap((t) => t.map((l) => JSON.stringify(l.expr))));
    expect(terms).toHaveLength(10);
    for (const v of ["a1", "a2", "a3", "b1", "b10"]) expect([...seen].some((s) => s.includes(`"${v}"`))).toBe(true);
  });
});

describe("boundary events", () => {
  /** The expression's verdict on each (flat) event. */
  const verdicts = (expr: IrExpr, events: readonly Record<string, unknown>[]): boolean[] => {
    const { predicate } = compileIr(expr, FLAT);
    return events.map((e) => predicate(e));
  };

  it("joins a field's patterns and regular expression into one value that satisfies all of them", () => {
    const expr = searchIr('CommandLine="*http*" CommandLine="*.exe"');
    const regex: IrExpr = { type: "IrRegex", field: "CommandLine", pattern: "://\\d+\\.\\d+", flags: [] };
    const both = and([expr, regex]);
    const [base] = boundaryEvents([both], { logsource: null, limit: 50 });
    expect(base).toEqual({ CommandLine: "http://1.1.exe" });
    expect(verdicts(both, [base!])).toEqual([true]);
  });

  it("does not repeat a pattern the value already matches (`*.dll` after an exact `x.dll`)", () => {
    const [base] = boundaryEvents([searchIr('Details="x.dll" Details="*.dll"')], { logsource: null, limit: 10 });
    expect(base).toEqual({ Details: "x.dll" });
  });

  it("flips each NOT: an event that satisfies the rest and the negated condition too", () => {
    const events = boundaryEvents([searchIr('Image="*\\\\svchost.exe" NOT Image="*\\\\Windows\\\\*"')], { logsource: null, limit: 50 });
    const flipped = { Image: "\\Windows\\\\svchost.exe" };
    expect(events).toContainEqual(flipped);
    expect(verdicts(searchIr('Image="*\\\\svchost.exe" Image="*\\\\Windows\\\\*"'), [flipped])).toEqual([true]);
  });

  it("is deterministic for a seed, and another seed changes only the random part", () => {
    const expr = searchIr("a IN (1, 2, 3) b IN (x, y, z) NOT c=q");
    const one = boundaryEvents([expr], { logsource: null, limit: 200, seed: 7 });
    expect(boundaryEvents([expr], { logsource: null, limit: 200, seed: 7 })).toEqual(one);
    const other = boundaryEvents([expr], { logsource: null, limit: 200, seed: 8 });
    expect(other).not.toEqual(one);
    expect(other.slice(0, 20)).toEqual(one.slice(0, 20));
  });

  it("never exceeds its limit", () => {
    const expr = or(Array.from({ length: 200 }, (_, i) => match(`f${i}`, "*", `v${i}`)));
    expect(boundaryEvents([expr], { logsource: null, limit: 100 }).length).toBeLessThanOrEqual(100);
  });
});
