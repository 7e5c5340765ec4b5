import type { EventRecord } from "../../../src/eval/events/types.js";
import { compileSigmaRule, type CompiledSigma } from "../../../src/eval/sigma/compile.js";
import { SIGMA_VIEW } from "../../../src/eval/views/sigma.js";
import { loadLogsourceDefinitions } from "../../../src/profiles/load.js";
import type { LogsourceDefinition } from "../../../src/profiles/types.js";
import { loadSigma } from "../../../src/sigma/load.js";
import type { SigmaRule } from "../../../src/sigma/model.js";

let defs: LogsourceDefinition[] | null = null;
export function logsources(): LogsourceDefinition[] {
  defs ??= loadLogsourceDefinitions().value ?? [];
  return defs;
}

export function sigmaRule(text: string, file = "rule.yml"): SigmaRule {
  const loaded = loadSigma(text, file);
  const doc = loaded.documents[0]?.document;
  if (!doc || doc.type !== "SigmaRule") throw new Error(`not a rule: ${JSON.stringify(loaded.diagnostics)}`);
  return doc;
}

export function compileSigma(text: string, file = "rule.yml", withLogsource = true): CompiledSigma<EventRecord> {
  return compileSigmaRule(sigmaRule(text, file), SIGMA_VIEW, withLogsource ? logsources() : []);
}
