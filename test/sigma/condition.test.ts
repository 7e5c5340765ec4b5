import { describe, expect, it } from "vitest";
import { assertNever, type ConditionExpr, selectorTargets } from "../../src/sigma/condition/ast.js";
import { parseCondition, sigmaConditionDiagramsHtml } from "../../src/sigma/condition/parse.js";
import { printCondition } from "../../src/sigma/condition/print.js";

/** Fully parenthesized, so precedence tests are one-line text assertions. */
function shape(e: ConditionExpr): string {
  switch (e.type) {
    case "ConditionOr":
      return `(${e.operands.map(shape).join(" | ")})`;
    case "ConditionAnd":
      return `(${e.operands.map(shape).join(" & ")})`;
    case "ConditionNot":
      return `!${shape(e.operand)}`;
    case "ConditionIdentifier":
      return e.name;
    case "ConditionSelector":
      return `${e.quantifier}(${e.pattern ?? "them"})`;
    default:
      return assertNever(e);
  }
}

const parsed = (text: string): string => shape(parseCondition(text).expr!);

describe("Sigma condition grammar", () => {
  it.each([
    ["a or b and c", "(a | (b & c))"],
    ["not a and b", "(!a & b)"],
    ["not not a", "!!a"],
    ["(a or b) and c", "((a | b) & c)"],
    ["1 of sel* and not all of filter_*", "(one(sel*) & !all(filter_*))"],
    ["1 of them or all of them", "(one(them) | all(them))"],
    ["sel-1 and sel_2", "(sel-1 & sel_2)"],
    ["a and b and c or d", "((a & b & c) | d)"],
  ])("%s parses as %s", (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it.each(["a or b and c", "not (a or b) and c", "1 of sel* and not (f1 or f2)", "not not a"])("prints %s back to the same tree", (text) => {
    expect(parsed(printCondition(parseCondition(text).expr!))).toBe(parsed(text));
  });

  it.each([
    ["a and", "SIG3001", 5],
    ["a AND b", "SIG3001", 2],
    ["a and (b", "SIG3001", 8],
    ["sel$", "SIG3001", 3],
    ["2 of sel*", "SIG3005", 0],
    ["sel | count() by x > 5", "SIG3006", 4],
  ])("%s fails with %s at offset %d", (text, code, start) => {
    const [error] = parseCondition(text).errors;
    expect(error).toMatchObject({ code, start });
  });

  it("hints that operators are lower-case", () => {
    expect(parseCondition("a AND b").errors[0]!.hints).toEqual(["operators are lower-case: write 'and'"]);
  });

  it("resolves selectors like pySigma: `them` and plain patterns skip names starting with _", () => {
    const names = ["sel1", "sel2", "filter", "_hidden"];
    expect(selectorTargets(null, names)).toEqual(["sel1", "sel2", "filter"]);
    expect(selectorTargets("sel*", names)).toEqual(["sel1", "sel2"]);
    expect(selectorTargets("_*", names)).toEqual(["_hidden"]);
  });

  it("draws the grammar as railroad diagrams", () => {
    const html = sigmaConditionDiagramsHtml();
    expect(html).toMatch(/<!DOCTYPE html>/i);
    expect(html).toContain("selector");
  });
});
