import { describe, expect, it } from "vitest";
import { SplParser } from "../../src/spl/parser/pipeline.js";

describe("the SPL grammar", () => {
  it("passes Chevrotain's own grammar validations (skipped at run time for a fast start)", () => {
    expect(() => new SplParser(true)).not.toThrow();
  });
});
