import { expect } from "vitest";
import { loadProfile } from "../../src/profiles/load.js";
import type { Profile } from "../../src/profiles/types.js";
import { loadSigma } from "../../src/sigma/load.js";
import type { SigmaRule } from "../../src/sigma/model.js";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { sigmaRuleToSpl } from "../../src/translate/sigma-to-spl.js";
import type { Placeholders } from "../../src/translate/sigma-to-ir.js";

/** A rule around a detection written as YAML lines (indented by 4). */
export function ruleWithDetection(detection: string, logsource = "    product: windows\n    category: process_creation"): SigmaRule {
  const text = `title: Test rule\nlogsource:\n${logsource}\ndetection:\n${detection}\n`;
  const loaded = loadSigma(text);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded.documents[0]!.document as SigmaRule;
}

export function profile(name: string): Profile {
  const p = loadProfile(name);
  expect(p.diagnostics).toEqual([]);
  return p.value!;
}

/** The SPL of a detection (profile `none` unless given) and the codes of its losses. */
export function toSpl(detection: string, profileName = "none", placeholders: Placeholders = {}): { spl: string; losses: string[] } {
  const t = sigmaRuleToSpl(ruleWithDetection(detection), profile(profileName), placeholders);
  return { spl: printPipeline(t.pipeline), losses: t.losses.map((l) => l.code) };
}
