import { describe, expect, it } from "vitest";
import { toNegationNormalForm } from "../../src/ir/map-fields.js";
import { normalizeIr } from "../../src/ir/normalize.js";
import type { IrExpr, IrPattern } from "../../src/ir/types.js";
import { parseSpl } from "../../src/spl/parse.js";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { irToSpl } from "../../src/translate/ir-to-spl.js";
import { pcreToPattern, whereToIr } from "../../src/translate/where-to-ir.js";
import { ANY, ONE } from "../../src/ir/pattern.js";

/** IR → SPL `where` → parse → IR again. */
function throughWhere(expr: IrExpr): IrExpr {
  const printed = printPipeline(irToSpl(expr, null).pipeline);
  const where = parseSpl(printed).ast!.stages[1];
  if (where?.type !== "WhereCommand") throw new Error(`no where in ${printed}`);
  return whereToIr(where.expr);
}

const m = (field: string, parts: IrPattern["parts"], caseSensitive = false): IrExpr => ({ type: "IrMatch", field, pattern: { parts }, caseSensitive });

describe("where → IR reads back what IR → where wrote", () => {
  it.each<[string, IrExpr]>([
    ["a ? wildcard", m("Image", ["prog", ONE, ".exe"])],
    ["a literal *", m("Image", ["a*b"])],
    ["a case-sensitive match", m("CommandLine", ["Evil"], true)],
    ["a regex with flags", { type: "IrRegex", field: "c", pattern: "a+b", flags: ["i", "m"] }],
    ["NOT over a missing field", { type: "IrAnd", operands: [{ type: "IrRegex", field: "c", pattern: "x", flags: [] }, { type: "IrNot", operand: m("u", ["admin"], true) }] }],
    ["a regex under OR", { type: "IrOr", operands: [m("u", ["admin"], true), { type: "IrRegex", field: "c", pattern: "^x", flags: [] }] }],
    ["a field reference", { type: "IrFieldRef", field: "a", other: "b", mode: "equals", caseSensitive: false }],
    ["existence under OR", { type: "IrOr", operands: [{ type: "IrExists", field: "a" }, { type: "IrRegex", field: "c", pattern: "x", flags: [] }] }],
  ])("%s", (_name, expr) => {
    expect(normalizeIr(throughWhere(expr))).toEqual(normalizeIr(toNegationNormalForm(expr)));
  });

  it("recognises the anchored patterns it writes, and nothing else", () => {
    expect(pcreToPattern("(?si)^\\\\RMS.*x.$")).toEqual({ pattern: { parts: ["\\RMS", ANY, "x", ONE] }, caseSensitive: false });
    expect(pcreToPattern("(?s)^a\\*b$")).toEqual({ pattern: { parts: ["a*b"] }, caseSensitive: true });
    expect(pcreToPattern("(?si)^a+$")).toBeNull();
    expect(pcreToPattern("^a$")).toBeNull();
  });
});
