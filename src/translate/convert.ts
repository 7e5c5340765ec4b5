import type { Profile } from "../profiles/types.js";
import { loadSigma } from "../sigma/load.js";
import type { SigmaRule } from "../sigma/model.js";
import { printPipeline } from "../spl/print/pipeline.js";
import { savedSearchStanza, type SavedSearchSettings } from "./formats/savedsearches.js";
import { splunkDetectionYaml } from "./formats/splunk-yaml.js";
import type { Loss } from "./loss.js";
import type { Placeholders } from "./sigma-to-ir.js";
import { sigmaRuleToSpl } from "./sigma-to-spl.js";

export type SplFormat = "spl" | "savedsearches" | "splunk-yaml";
export const SPL_FORMATS: readonly SplFormat[] = ["spl", "savedsearches", "splunk-yaml"];

export interface ConvertOptions {
  readonly profile: Profile;
  readonly to: SplFormat;
  readonly placeholders?: Placeholders;
  readonly saved?: SavedSearchSettings;
}

/** One converted rule: the shape of `convert --json`. */
export interface ConvertResult {
  readonly file: string;
  readonly ok: boolean;
  readonly output: string | null;
  readonly losses: readonly Loss[];
  readonly error: string | null;
}

/** Converts every rule of a Sigma file; a rule that does not load is one failed result. */
export function convertSigmaFile(file: string, text: string, options: ConvertOptions): ConvertResult[] {
  const loaded = loadSigma(text, file);
  const results = loaded.documents.map((doc): ConvertResult => {
    if (!doc.document) {
      const first = doc.diagnostics.find((d) => d.severity === "error") ?? loaded.diagnostics[0];
      const at = first?.span ? `:${first.span.start.line}:${first.span.start.column}` : "";
      return { file, ok: false, output: null, losses: [], error: `${file}${at}: ${first?.message ?? "not a valid Sigma document"}` };
    }
    if (doc.document.type !== "SigmaRule") {
      return { file, ok: false, output: null, losses: [], error: `${file}: ${doc.document.type === "SigmaFilter" ? "a filter is applied to rules, not converted alone" : "correlation rules are not converted yet"}` };
    }
    return convertRule(file, doc.document, options);
  });
  return results.length ? results : [{ file, ok: false, output: null, losses: [], error: `${file}: no Sigma document` }];
}

function convertRule(file: string, rule: SigmaRule, options: ConvertOptions): ConvertResult {
  const translated = sigmaRuleToSpl(rule, options.profile, options.placeholders);
  const search = printPipeline(translated.pipeline);
  const output =
    options.to === "spl" ? search :
    options.to === "savedsearches" ? savedSearchStanza(rule.title, rule.description, search, options.saved ?? {}) :
    splunkDetectionYaml(rule, search);
  return { file, ok: true, output, losses: translated.losses, error: null };
}
