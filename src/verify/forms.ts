import type { EventRecord } from "../eval/events/types.js";
import { compileIr } from "../eval/ir/compile.js";
import { compileSigmaRule } from "../eval/sigma/compile.js";
import { SIGMA_VIEW } from "../eval/views/sigma.js";
import { splunkView } from "../eval/views/splunk.js";
import { mapFields } from "../ir/map-fields.js";
import type { IrExpr } from "../ir/types.js";
import { loadLogsourceDefinitions } from "../profiles/load.js";
import type { Profile } from "../profiles/types.js";
import { loadSigma } from "../sigma/load.js";
import type { SigmaRule } from "../sigma/model.js";
import { parseSplExpanded } from "../spl/expanded.js";
import type { Pipeline } from "../spl/ast.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import { splitFilter } from "../translate/spl-filter-to-ir.js";
import { explainer } from "./explain.js";

/** One form of a rule, ready to judge events with its own language's semantics (the filter level). */
export interface RuleForm {
  readonly kind: "sigma" | "spl";
  readonly label: string;
  /** What the form tests, with Sigma's field names (for generating events). */
  readonly ir: IrExpr;
  readonly matches: (e: EventRecord) => boolean;
  /** The sub-conditions that decide the verdict on an event, in words, in the form's own field names. */
  readonly explain: (e: EventRecord) => readonly string[];
  /** Why the form cannot be judged exactly (an unsupported construct), if so. */
  readonly problems: readonly string[];
  /** Fields the environment sets (the Splunk view's constants such as `source`): generated events leave them alone. */
  readonly environment: readonly string[];
  /** An SPL form's whole search (macros expanded), for the results level; with the profile of its Splunk view. */
  readonly pipeline?: { readonly ast: Pipeline; readonly profile: Profile };
}

/** A Sigma rule as a form: its detection and its logsource's events, on the Sigma view. */
export function sigmaForm(rule: SigmaRule, label: string): RuleForm {
  const compiled = compileSigmaRule(rule, SIGMA_VIEW, loadLogsourceDefinitions().value ?? []);
  return { kind: "sigma", label, ir: compiled.expr, matches: compiled.predicate, explain: explainer(compiled.expr, SIGMA_VIEW), problems: compiled.problems, environment: [] };
}

export function sigmaFormFromText(text: string, label: string): RuleForm | string {
  const rule = loadSigma(text, label).documents.find((d) => d.document?.type === "SigmaRule")?.document;
  return rule?.type === "SigmaRule" ? sigmaForm(rule, label) : `${label}: no valid Sigma detection rule`;
}

/** An SPL search as a form: its filtering part (macros expanded), with Splunk's semantics on the profile's Splunk view. */
export function splForm(search: string, label: string, profile: Profile, library: MacroLibrary): RuleForm | string {
  const parsed = parseSplExpanded(search, library);
  if (!parsed.ast) return `${label}: ${parsed.diagnostics[0]?.message ?? "does not parse"}`;
  const ir = splitFilter(parsed.ast).expr;
  const source = splunkView(profile).source;
  const compiled = compileIr(ir, source);
  const reverse = Object.fromEntries(Object.entries(profile.fieldNames).map(([sigma, splunk]) => [splunk, sigma]));
  const environment = Object.keys(profile.splunkView.constants);
  return {
    kind: "spl",
    label,
    ir: mapFields(ir, (f) => reverse[f] ?? f),
    matches: compiled.predicate,
    explain: explainer(ir, source),
    problems: compiled.problems,
    environment,
    pipeline: { ast: parsed.ast, profile },
  };
}
