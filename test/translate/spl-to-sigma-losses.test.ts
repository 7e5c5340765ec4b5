import { describe, expect, it } from "vitest";
import { MacroLibrary } from "../../src/spl/macros/library.js";
import { splunkSearchToSigma } from "../../src/translate/spl-to-sigma.js";
import { profile } from "../helpers/sigma.js";

describe("SPL → Sigma loss report", () => {
  it("gives each loss a code and, where it can, the position in the search", () => {
    const r = splunkSearchToSigma({ file: "-", kind: "spl", name: "X", search: "a=1\n`nomacro` b=2" }, profile("none"), new MacroLibrary());
    expect(r.losses.map((l) => [l.code, l.path])).toEqual([
      ["TR5001", "search"],
      ["TR5002", "search:2:1"],
      ["TR4002", "search:2:1"],
    ]);
    expect(r.yaml).toContain("selection:\n        a: 1\n        b: 2\n");
  });
});
