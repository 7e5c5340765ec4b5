import type { Profile } from "../profiles/types.js";
import { loadSigma, type SigmaLoad } from "../sigma/load.js";
import type { SigmaCorrelation, SigmaRule } from "../sigma/model.js";
import { correlationToSpl, type RuleResolver } from "./correlation-to-spl.js";
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
  return convertSigmaFiles([{ file, text }], options);
}

/**
 * Converts a batch of Sigma files. A correlation may name rules (by `name` or `id`) of any file of the
 * batch; a document that does not load is one failed result and never stops the others.
 */
export function convertSigmaFiles(files: readonly { file: string; text: string }[], options: ConvertOptions): ConvertResult[] {
  const loads = files.map(({ file, text }) => ({ file, loaded: loadSigma(text, file) }));
  const rules = new Map<string, SigmaRule>();
  for (const { loaded } of loads) {
    for (const d of loaded.documents) {
      if (d.document?.type !== "SigmaRule") continue;
      if (d.document.name) rules.set(d.document.name, d.document);
      if (d.document.id) rules.set(d.document.id, d.document);
    }
  }
  return loads.flatMap(({ file, loaded }) => convertLoaded(file, loaded, options, (ref) => rules.get(ref)));
}

function convertLoaded(file: string, loaded: SigmaLoad, options: ConvertOptions, resolve: RuleResolver): ConvertResult[] {
  const results = loaded.documents.map((doc): ConvertResult => {
    if (!doc.document) {
      const first = doc.diagnostics.find((d) => d.severity === "error") ?? loaded.diagnostics[0];
      const at = first?.span ? `:${first.span.start.line}:${first.span.start.column}` : "";
      return { file, ok: false, output: null, losses: [], error: `${file}${at}: ${first?.message ?? "not a valid Sigma document"}` };
    }
    if (doc.document.type === "SigmaFilter") return { file, ok: false, output: null, losses: [], error: `${file}: a filter is applied to rules, not converted alone` };
    if (doc.document.type === "SigmaCorrelation") return convertCorrelation(file, doc.document, options, resolve);
    return convertRule(file, doc.document, options);
  });
  return results.length ? results : [{ file, ok: false, output: null, losses: [], error: `${file}: no Sigma document` }];
}

function convertCorrelation(file: string, corr: SigmaCorrelation, options: ConvertOptions, resolve: RuleResolver): ConvertResult {
  const t = correlationToSpl(corr, resolve, options.profile);
  if (!t.pipeline) return { file, ok: false, output: null, losses: t.losses, error: `${file}: ${t.error}` };
  const search = printPipeline(t.pipeline);
  const output = options.to === "savedsearches" ? savedSearchStanza(corr.title, corr.description, search, options.saved ?? {}) : search;
  const losses = options.to === "splunk-yaml"
    ? [...t.losses, { code: "TR3001", path: "correlation", message: "a correlation is written as a search, not as a Splunk detection YAML" }]
    : t.losses;
  return { file, ok: true, output, losses, error: null };
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
