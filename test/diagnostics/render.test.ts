import { describe, expect, it } from "vitest";
import { positionAt, spanAt } from "../../src/diagnostics/diagnostic.js";
import { renderDiagnostic } from "../../src/diagnostics/render.js";

describe("positions", () => {
  it("counts lines and columns from 1", () => {
    expect(positionAt("ab\ncd", 4)).toEqual({ offset: 4, line: 2, column: 2 });
  });
});

describe("renderDiagnostic", () => {
  it("renders file, position, source line and a caret under the span", () => {
    const source = "a=1 | stats\nb=\"x";
    const text = renderDiagnostic(
      { code: "SPL1001", severity: "error", message: "unterminated string", file: "x.spl", span: spanAt(source, 14, 16) },
      source,
    );
    expect(text).toBe(
      ['x.spl:2:3: error SPL1001: unterminated string', "  |", '2 | b="x', "  |   ^^"].join("\n"),
    );
  });
});
