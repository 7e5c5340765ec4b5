import { describe, expect, it } from "vitest";
import { MacroLibrary } from "../../src/spl/macros/library.js";
import { parseSplExpanded } from "../../src/spl/expanded.js";
import { MAX_NESTING, parseSpl } from "../../src/spl/parse.js";

describe("malformed searches give one positioned, typed error", () => {
  it.each([
    ["unterminated quote", 'a="abc | stats count', "SPL1001", 1, 3, "unterminated string"],
    ["unterminated macro", "a `m | stats count", "SPL1001", 1, 3, "unterminated macro"],
    ["unbalanced parenthesis", "(a OR b", "SPL1002", 1, 8, "expected `)`"],
    ["unbalanced closing parenthesis", "a OR b)", "SPL1002", 1, 7, 'unexpected ")"'],
    ["unbalanced bracket", "a | join x [search b", "SPL1002", 1, 21, "expected `]`"],
    ["stray closing bracket", "a ] b", "SPL1002", 1, 3, 'unexpected "]"'],
    ["pipe with no command", "a |  | stats count", "SPL1002", 1, 6, "expected a command after `|`"],
    ["trailing pipe", "a | ", "SPL1002", 1, 5, "expected a command after `|`"],
    ["empty search", "   ", "SPL1004", 1, 1, "empty search"],
    ["eval without expression", "a | eval x=", "SPL1002", 1, 12, "unexpected end of the search"],
    ["second line", "a=1\n| stats count by", "SPL1002", 2, 17, "unexpected end of the search"],
  ])("%s", (_name, search, code, line, column, message) => {
    const r = parseSpl(search);
    expect(r.ast).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code, severity: "error", span: { start: { line, column } } });
    expect(r.diagnostics[0]!.message).toContain(message);
  });

  it("refuses a 10,000-deep parenthesis nest with a clear error, not a stack overflow", () => {
    const r = parseSpl(`${"(".repeat(10_000)}a${")".repeat(10_000)}`);
    expect(r.diagnostics[0]).toMatchObject({ code: "SPL1003", span: { start: { column: MAX_NESTING + 1 } } });
  });

  it("parses the deepest nest it accepts", () => {
    const r = parseSpl(`${"(".repeat(MAX_NESTING)}a=1${")".repeat(MAX_NESTING)} | where ${"(".repeat(50)}x${")".repeat(50)}`);
    expect(r.diagnostics).toEqual([]);
  });

  it("reports binary junk as an unexpected character", () => {
    const r = parseSpl("a=1 \u0000\u0001\u00ff\"");
    expect(r.ast).toBeNull();
    expect(r.diagnostics[0]?.code).toMatch(/^SPL100[12]$/);
  });

  it("reports unknown macros and wrong arity at the reference", () => {
    expect(parseSplExpanded("a `nope`", new MacroLibrary()).diagnostics).toMatchObject([{ code: "SPL2001", span: { start: { column: 3 } } }]);
    expect(parseSplExpanded("a `drop_dm_object_name`", new MacroLibrary()).diagnostics).toMatchObject([{ code: "SPL2002" }]);
  });
});
