import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeIr } from "../../src/ir/normalize.js";
import { ANY, ONE } from "../../src/ir/pattern.js";
import type { IrExpr, IrPattern } from "../../src/ir/types.js";
import { toNegationNormalForm } from "../../src/ir/map-fields.js";
import { sameAst } from "../../src/spl/compare.js";
import { parseSpl } from "../../src/spl/parse.js";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { irToSpl } from "../../src/translate/ir-to-spl.js";
import { whereToIr } from "../../src/translate/where-to-ir.js";

/** Values full of what SPL must escape or cannot say in a search: quotes, backslashes, `*`, `?`, `|`, brackets. */
const text = fc.stringMatching(/^[a-zA-Z0-9 "\\*?|[\]()=`'.\-é]{0,8}$/);
const pattern: fc.Arbitrary<IrPattern> = fc.array(fc.oneof(text, fc.constant(ANY), fc.constant(ONE)), { maxLength: 4 }).map((parts) => ({ parts }));
const fieldName = fc.constantFrom("Image", "CommandLine", "User", "Process.Name", "a b");

const leaf: fc.Arbitrary<IrExpr> = fc.oneof(
  fc.record({ type: fc.constant("IrMatch" as const), field: fieldName, pattern, caseSensitive: fc.boolean() }),
  fc.record({ type: fc.constant("IrExists" as const), field: fieldName }),
  fc.record({ type: fc.constant("IrRegex" as const), field: fieldName, pattern: fc.constantFrom("a+b", "^x\\d", "\"q\""), flags: fc.constantFrom<("i" | "m" | "s")[]>([], ["i"]) }),
  fc.record({ type: fc.constant("IrCidr" as const), field: fieldName, network: fc.constantFrom("10.0.0.0/8", "fe80::/10") }),
  fc.record({ type: fc.constant("IrCompare" as const), field: fieldName, op: fc.constantFrom("<" as const, ">=" as const), value: fc.integer({ min: -5, max: 5000 }) }),
);

const { expr } = fc.letrec<{ expr: IrExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ type: fc.constant("IrAnd" as const), operands: fc.array(tie("expr"), { minLength: 2, maxLength: 3 }) }),
    fc.record({ type: fc.constant("IrOr" as const), operands: fc.array(tie("expr"), { minLength: 2, maxLength: 3 }) }),
    fc.record({ type: fc.constant("IrNot" as const), operand: tie("expr") }),
  ),
}));

describe("IR → SPL (property tests)", () => {
  it("always prints SPL that our parser reads back to the same tree", () => {
    fc.assert(
      fc.property(expr, (e) => {
        const ast = irToSpl(e, null).pipeline;
        const printed = printPipeline(ast);
        const parsed = parseSpl(printed);
        expect(parsed.diagnostics).toEqual([]);
        expect(sameAst(parsed.ast!, ast)).toBe(true);
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });

  it("writes a where clause that reads back to the same IR", () => {
    // Inside an OR with a regex, nothing is search-expressible, so the whole expression goes to the where.
    const whereOnly = expr.map((e): IrExpr => ({ type: "IrOr", operands: [e, { type: "IrRegex", field: "z", pattern: "q", flags: [] }] }));
    fc.assert(
      fc.property(whereOnly, (e) => {
        const stages = parseSpl(printPipeline(irToSpl(e, null).pipeline)).ast!.stages;
        const where = stages[1];
        expect(where?.type).toBe("WhereCommand");
        if (where?.type !== "WhereCommand") return;
        expect(normalizeIr(whereToIr(where.expr))).toEqual(normalizeIr(toNegationNormalForm(e)));
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
