import { describe, expect, it } from "vitest";
import { loadYaml } from "../../src/sigma/yaml/load.js";
import { formatPath, locate } from "../../src/sigma/yaml/nodes.js";

const value = (text: string): unknown => (loadYaml(`v: ${text}\n`).documents[0]!.value as { v: unknown }).v;

describe("YAML loading", () => {
  it.each([
    ["yes", true],
    ["No", false],
    ["on", true],
    ["010", 8],
    ["0x17", 23],
    ["1:20", 80],
    ["1e3", "1e3"],
    ["1.5", 1.5],
    ["2023-01-01", "2023-01-01"],
    ["~", null],
    ["'yes'", "yes"],
    ["00000429", "00000429"],
  ])("types the plain scalar %s as YAML 1.1 (pySigma) does: %o", (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it("warns where YAML 1.1 and 1.2 disagree, with the path", () => {
    const { diagnostics } = loadYaml("a: yes\nb:\n    - 00000429\nc: 'yes'\n");
    expect(diagnostics.map((d) => [d.code, d.path, d.span?.start.line])).toEqual([
      ["SIG1003", "a", 1],
      ["SIG1003", "b[0]", 3],
    ]);
  });

  it("reports duplicate keys at the second key, and keeps loading", () => {
    const { diagnostics, documents } = loadYaml("a:\n    b: 1\n    b: 2\n");
    expect(diagnostics).toMatchObject([{ code: "SIG1002", path: "a.b", span: { start: { line: 3, column: 5 } } }]);
    expect(documents[0]!.value).toEqual({ a: { b: 2 } });
  });

  it("reports a syntax error as a diagnostic with its position", () => {
    const { diagnostics, documents } = loadYaml("a: [1,\nb: 2\n");
    expect(documents).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: "SIG1001", severity: "error" });
  });

  it("maps YAML paths to positions, through lists of maps and comments", () => {
    const text = "detection:  # here\n    sel:\n        - Image|endswith: 'a'\n          User: b\n    condition: sel\n";
    const root = loadYaml(text).documents[0]!.root;
    const at = (path: (string | number)[]) => {
      const { node, keyNode } = locate(root, path);
      return [text.slice(node.start, node.end).trim(), keyNode && text.slice(keyNode.start, keyNode.end)];
    };
    expect(at(["detection", "sel", 0, "User"])).toEqual(["b", "User"]);
    expect(at(["detection", "sel", 0, "Image|endswith"])).toEqual(["'a'", "Image|endswith"]);
    expect(at(["detection", "condition"])).toEqual(["sel", "condition"]);
    expect(formatPath(["detection", "sel", 0, "User"])).toBe("detection.sel[0].User");
  });

  it("loads multi-document files", () => {
    expect(loadYaml("a: 1\n---\nb: 2\n").documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
