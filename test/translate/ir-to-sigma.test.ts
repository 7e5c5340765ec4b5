import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { normalizeIr } from "../../src/ir/normalize.js";
import type { IrExpr } from "../../src/ir/types.js";
import { loadSigma } from "../../src/sigma/load.js";
import type { SigmaRule } from "../../src/sigma/model.js";
import { irToSigmaDetection } from "../../src/translate/ir-to-sigma.js";
import type { Loss } from "../../src/translate/loss.js";
import { sigmaRuleToIr } from "../../src/translate/sigma-to-ir.js";
import { ruleWithDetection } from "../helpers/sigma.js";

/** IR → a Sigma rule's YAML → loaded by our own loader (which validates it) → IR again. */
function throughSigma(expr: IrExpr): { again: IrExpr; yaml: string; losses: Loss[] } {
  const losses: Loss[] = [];
  const det = irToSigmaDetection(expr, losses);
  const text = yaml.dump({ title: "T", logsource: { product: "windows" }, detection: { ...Object.fromEntries(det.selections), condition: det.condition } });
  const loaded = loadSigma(text);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { again: sigmaRuleToIr(loaded.documents[0]!.document as SigmaRule).expr, yaml: text, losses };
}

describe("IR → Sigma detection", () => {
  it.each([
    ["the seed's selection", "    selection:\n        EventType: [CreatePipe, ConnectPipe]\n        PipeName: ['\\RManFUSServerNotify32', '\\RMSPrint*']\n    condition: selection"],
    ["modifiers and a filter", "    sel:\n        Image|endswith: ['\\cmd.exe', '\\ps.exe']\n        CommandLine|contains: 'x*y'\n    f:\n        User|cased: Admin\n    condition: sel and not f"],
    ["a regex, a cidr and null under a boolean", "    a:\n        x|re|i: 'a+'\n    b:\n        y|cidr: 10.0.0.0/8\n    c:\n        z: null\n    condition: (a or b) and not c"],
    ["escapes: literal wildcards and backslashes", "    sel:\n        a: 'x\\*y\\?z'\n        b: 'C:\\\\Temp\\\\*'\n    condition: sel"],
    ["numbers and comparisons", "    sel:\n        EventID: 4688\n        Size|gte: 100\n    condition: sel"],
    ["a field reference and existence", "    sel:\n        a|fieldref: b\n        c|exists: false\n    condition: sel"],
    ["1 of several selections", "    s1:\n        a: 1\n    s2:\n        b|startswith: x\n    condition: 1 of s*"],
  ])("%s: round-trips through Sigma and keeps its meaning", (_name, detection) => {
    const ir = sigmaRuleToIr(ruleWithDetection(detection)).expr;
    const { again, losses } = throughSigma(ir);
    expect(losses).toEqual([]);
    expect(normalizeIr(again)).toEqual(normalizeIr(ir));
  });

  it("groups ORed values of one field as a list with the modifier they share", () => {
    const ir = sigmaRuleToIr(ruleWithDetection("    sel:\n        Image|endswith: ['\\a.exe', '\\b.exe']\n    condition: sel")).expr;
    expect(throughSigma(ir).yaml).toContain("Image|endswith:\n      - \\a.exe\n      - \\b.exe\n");
  });

  it("reports what Sigma cannot say", () => {
    const losses: Loss[] = [];
    irToSigmaDetection({ type: "IrUnsupported", reason: "a subsearch", text: "[search x]" }, losses);
    expect(losses.map((l) => l.code)).toEqual(["TR4002"]);
  });
});
