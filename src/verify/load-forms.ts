import type { Profile } from "../profiles/types.js";
import { loadSigma } from "../sigma/load.js";
import type { SigmaRule } from "../sigma/model.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import { printPipeline } from "../spl/print/pipeline.js";
import { readSplSources } from "../spl/sources.js";
import { sigmaRuleToSpl } from "../translate/sigma-to-spl.js";
import { splunkSearchToSigma } from "../translate/spl-to-sigma.js";
import { looksLikeSigma } from "./check.js";
import { sigmaForm, sigmaFormFromText, splForm, type RuleForm } from "./forms.js";

export interface LoadedForms {
  readonly a: RuleForm;
  readonly b: RuleForm;
  /** The Sigma rule of the pair, when there is one: its logsource shapes the generated events. */
  readonly sigma: SigmaRule | null;
}

/** A rule file as a form: a Sigma rule, or the search of a Splunk detection / .spl / savedsearches.conf. */
function formOf(file: string, text: string, profile: Profile, library: MacroLibrary): { form: RuleForm; sigma: SigmaRule | null } | string {
  if (looksLikeSigma(file, text)) {
    const rule = loadSigma(text, file).documents.find((d) => d.document?.type === "SigmaRule")?.document;
    return rule?.type === "SigmaRule" ? { form: sigmaForm(rule, file), sigma: rule } : `${file}: no valid Sigma detection rule`;
  }
  const source = readSplSources(file, text).sources[0];
  if (!source) return `${file}: no search found`;
  const form = splForm(source.search, file, profile, library);
  return typeof form === "string" ? form : { form, sigma: null };
}

/** The form's own translation into the other language, with the same profile. */
function translationOf(file: string, text: string, first: { form: RuleForm; sigma: SigmaRule | null }, profile: Profile, library: MacroLibrary): { form: RuleForm; sigma: SigmaRule | null } | string {
  if (first.sigma) {
    const spl = printPipeline(sigmaRuleToSpl(first.sigma, profile).pipeline);
    const form = splForm(spl, `${file} → SPL`, profile, library);
    return typeof form === "string" ? form : { form, sigma: null };
  }
  const source = readSplSources(file, text).sources[0]!;
  const converted = splunkSearchToSigma(source, profile, library);
  if (converted.yaml === null) return `${file}: cannot translate to Sigma: ${converted.skip ?? converted.error}`;
  const form = sigmaFormFromText(converted.yaml, `${file} → Sigma`);
  if (typeof form === "string") return form;
  const rule = loadSigma(converted.yaml).documents.find((d) => d.document?.type === "SigmaRule")?.document;
  return { form, sigma: rule?.type === "SigmaRule" ? rule : null };
}

/** The two forms to verify: A and B, or A and its translation. A string says why they cannot be had. */
export function loadForms(a: { file: string; text: string }, b: { file: string; text: string } | null, profile: Profile, library: MacroLibrary): LoadedForms | string {
  const first = formOf(a.file, a.text, profile, library);
  if (typeof first === "string") return first;
  const second = b ? formOf(b.file, b.text, profile, library) : translationOf(a.file, a.text, first, profile, library);
  if (typeof second === "string") return second;
  return { a: first.form, b: second.form, sigma: first.sigma ?? second.sigma };
}
