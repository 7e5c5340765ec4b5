import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIr } from "../../src/eval/ir/compile.js";
import { compileGlob } from "../../src/eval/ir/glob.js";
import { ANY, ONE, patternToRegExp } from "../../src/ir/pattern.js";
import type { IrExpr, IrPattern } from "../../src/ir/types.js";
import { FLAT } from "./helpers/spl.js";

const run = (expr: IrExpr, event: Record<string, unknown>): boolean => compileIr(expr, FLAT).predicate(event);

describe("wildcard matching", () => {
  it("agrees with the anchored regular expression on random patterns and values", () => {
    const part = fc.oneof(fc.constantFrom<string | typeof ANY>("a", "b", "ab", "A", "é", ANY, ONE as never), fc.constant(ANY));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), fc.stringMatching(/^[abAé]{0,8}$/), fc.boolean(), (parts, value, cs) => {
        const pattern: IrPattern = { parts };
        expect(compileGlob(pattern, cs)(value)).toBe(patternToRegExp(pattern, cs).test(value));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("IR nodes on events", () => {
  it("IrTimePart reads ISO text and epoch seconds in UTC", () => {
    const hour: IrExpr = { type: "IrTimePart", field: "t", part: "hour", op: "=", value: 10 };
    expect(run(hour, { t: "2024-03-01T10:59:00Z" })).toBe(true);
    expect(run(hour, { t: 1709287200 })).toBe(true);
    expect(run({ type: "IrTimePart", field: "t", part: "week", op: ">=", value: 9 }, { t: "2024-03-01 00:00:00" })).toBe(true);
  });

  it("IrFieldRef compares two fields of one event", () => {
    const ref: IrExpr = { type: "IrFieldRef", field: "a", other: "b", mode: "endswith", caseSensitive: true };
    expect(run(ref, { a: "C:\\x\\cmd.exe", b: "cmd.exe" })).toBe(true);
    expect(run(ref, { a: "C:\\x\\cmd.exe", b: "CMD.exe" })).toBe(false);
    expect(run(ref, { a: "x" })).toBe(false);
  });

  it("IrKeyword looks at values, not keys", () => {
    expect(run({ type: "IrKeyword", pattern: { parts: [ANY, "evil", ANY] }, caseSensitive: false }, { k: ["ok", "EVIL thing"] })).toBe(true);
  });

  it("IrUnsupported and bad regexes are reported, not silently true", () => {
    const c = compileIr({ type: "IrOr", operands: [{ type: "IrUnsupported", reason: "a subsearch", text: "[…]" }, { type: "IrRegex", field: "f", pattern: "(a)\\1", flags: [] }] }, FLAT);
    expect(c.problems).toHaveLength(2);
    expect(c.predicate({ f: "aa" })).toBe(false);
  });

  it("an OR of matches on one field behaves like separate matches", () => {
    const or: IrExpr = { type: "IrOr", operands: [{ type: "IrMatch", field: "f", pattern: { parts: ["x", ANY] }, caseSensitive: false }, { type: "IrMatch", field: "f", pattern: { parts: [ANY, "Y"] }, caseSensitive: false }, { type: "IrExists", field: "g" }] };
    expect([run(or, { f: "Xa" }), run(or, { f: "ay" }), run(or, { f: "ab" }), run(or, { g: 0 }), run(or, { f: ["ab", "ay"] })]).toEqual([true, true, false, true, true]);
  });
});
