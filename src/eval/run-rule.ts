import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadLogsourceDefinitions } from "../profiles/load.js";
import type { Profile } from "../profiles/types.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import { isSplunkDetection, readSplSources } from "../spl/sources.js";
import { loadSigma } from "../sigma/load.js";
import { readEvents } from "./events/read.js";
import type { EventRecord } from "./events/types.js";
import { compileSigmaRule } from "./sigma/compile.js";
import type { Placeholders } from "../translate/sigma-to-ir.js";
import { runCorrelation, type CorrelatedRule, type CorrelationAlert } from "./sigma/correlation.js";
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from "../sigma/model.js";
import { compileSplText } from "./spl/evaluate.js";
import type { Row } from "./spl/row.js";
import { SIGMA_VIEW } from "./views/sigma.js";

/** The macros shipped in `rules/macros/`, found from the compiled module (dist/eval → rules). */
export const SHIPPED_MACROS = fileURLToPath(new URL("../../rules/macros/", import.meta.url));

/** A rule to evaluate: a Sigma rule, or an SPL search (from a `.spl`, a Splunk detection YAML or `--spl`). */
export type RuleInput = { readonly kind: "sigma"; readonly file: string; readonly text: string } | { readonly kind: "spl"; readonly file: string; readonly search: string };

/** Decides what a rule file holds: a Splunk detection (`name` + `search`), raw SPL, or else Sigma. */
export function ruleInput(file: string, text: string): { rule: RuleInput | null; diagnostics: readonly Diagnostic[] } {
  if (!/\.ya?ml$/i.test(file)) {
    const read = readSplSources(file, text);
    const search = read.sources[0]?.search;
    return { rule: search === undefined ? null : { kind: "spl", file, search }, diagnostics: read.diagnostics };
  }
  let doc: unknown = null;
  try {
    doc = yaml.load(text);
  } catch {
    // Not YAML at all: the Sigma loader reports it with a position.
  }
  return isSplunkDetection(doc) ? { rule: { kind: "spl", file, search: doc.search }, diagnostics: [] } : { rule: { kind: "sigma", file, text }, diagnostics: [] };
}

export interface EvalOptions {
  readonly profile: Profile;
  readonly macros: MacroLibrary;
  readonly lookupsDir?: string | null;
  readonly now?: number;
  /** Values for `%name%` placeholders of Sigma's `expand` modifier. */
  readonly placeholders?: Placeholders;
  /** Receives each result as soon as it is known (streaming output); results are then not collected. */
  readonly onResult?: (result: EvalResult) => void;
  readonly onDiagnostic: (d: Diagnostic) => void;
}

export type EvalResult =
  | { readonly kind: "event"; readonly event: EventRecord }
  | { readonly kind: "row"; readonly row: Row }
  | { readonly kind: "alert"; readonly alert: CorrelationAlert };

export interface EvalSummary {
  readonly kind: "sigma" | "spl";
  readonly events: number;
  /** Sigma: events the rule matched. SPL: events the leading search kept. */
  readonly matched: number;
  readonly malformed: number;
  readonly results: readonly EvalResult[];
}

/** Compiles the rule once, then streams the events through it. Null (with diagnostics) when it cannot run. */
export async function evaluateRule(rule: RuleInput, paths: readonly string[], opts: EvalOptions): Promise<EvalSummary | null> {
  const results: EvalResult[] = [];
  const emit = opts.onResult ?? ((r: EvalResult) => void results.push(r));
  if (rule.kind === "spl") {
    const compiled = compileSplText(rule.search, { macros: opts.macros, profile: opts.profile, now: opts.now, lookupsDir: opts.lookupsDir ?? null });
    compiled.diagnostics.forEach(opts.onDiagnostic);
    if (!compiled.search) return null;
    const run = compiled.search.start((row) => emit({ kind: "row", row }));
    const stats = await readEvents(paths, { event: (e) => run.push(e), diagnostic: opts.onDiagnostic });
    const { matched } = run.finish();
    return { kind: "spl", events: stats.events, matched, malformed: stats.malformed, results };
  }
  const loaded = loadSigma(rule.text, rule.file);
  loaded.diagnostics.forEach(opts.onDiagnostic);
  const docs = loaded.documents.flatMap((d) => (d.document ? [d.document] : []));
  const correlation = docs.find((d): d is SigmaCorrelation => d.type === "SigmaCorrelation");
  if (correlation) return evaluateCorrelation(correlation, docs, rule.file, paths, opts, emit, results);
  const predicate = compileSigmaText(docs, rule.file, opts.onDiagnostic, opts.placeholders ?? {});
  if (!predicate) return null;
  let matched = 0;
  const stats = await readEvents(paths, {
    event: (e) => {
      if (!predicate(e)) return;
      matched++;
      emit({ kind: "event", event: e });
    },
    diagnostic: opts.onDiagnostic,
  });
  return { kind: "sigma", events: stats.events, matched, malformed: stats.malformed, results };
}

function compileSigmaText(docs: readonly SigmaDocument[], file: string, report: (d: Diagnostic) => void, placeholders: Placeholders): ((e: EventRecord) => boolean) | null {
  const doc = docs.find((d): d is SigmaRule => d.type === "SigmaRule");
  if (!doc) {
    report({ code: "EVL1002", severity: "error", message: "no Sigma detection rule in the file", file });
    return null;
  }
  return compileOne(doc, file, report, placeholders);
}

function compileOne(doc: SigmaRule, file: string, report: (d: Diagnostic) => void, placeholders: Placeholders): ((e: EventRecord) => boolean) | null {
  const defs = loadLogsourceDefinitions();
  defs.diagnostics.forEach(report);
  const compiled = compileSigmaRule(doc, SIGMA_VIEW, defs.value ?? [], placeholders);
  for (const loss of compiled.losses) report({ code: loss.code, severity: "warning", message: loss.message, file, path: loss.path });
  if (compiled.problems.length) {
    report({ code: "EVL1001", severity: "error", message: `cannot evaluate: ${compiled.problems.join("; ")}`, file });
    return null;
  }
  return compiled.predicate;
}

/** A correlation with its rules in the same file: events are collected (the window needs time order), then run. */
async function evaluateCorrelation(
  c: SigmaCorrelation,
  docs: readonly SigmaDocument[],
  file: string,
  paths: readonly string[],
  opts: EvalOptions,
  emit: (r: EvalResult) => void,
  results: EvalResult[],
): Promise<EvalSummary | null> {
  const rules: CorrelatedRule[] = [];
  for (const ref of c.correlation.rules) {
    const doc = docs.find((d): d is SigmaRule => d.type === "SigmaRule" && (d.name === ref || d.id === ref));
    if (!doc) {
      opts.onDiagnostic({ code: "EVL1003", severity: "error", message: `the correlation's rule "${ref}" is not in ${file} (correlated rules must be in the same file)`, file });
      return null;
    }
    const predicate = compileOne(doc, file, opts.onDiagnostic, opts.placeholders ?? {});
    if (!predicate) return null;
    rules.push({ name: ref, ...(doc.id ? { id: doc.id } : {}), predicate });
  }
  const events: EventRecord[] = [];
  const stats = await readEvents(paths, { event: (e) => void events.push(e), diagnostic: opts.onDiagnostic });
  const alerts = runCorrelation(c.correlation, rules, events);
  for (const alert of alerts) emit({ kind: "alert", alert });
  return { kind: "sigma", events: stats.events, matched: alerts.length, malformed: stats.malformed, results };
}
