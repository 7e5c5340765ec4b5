import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { evaluateRule, SHIPPED_MACROS, type EvalSummary } from "../eval/run-rule.js";
import { formatResults } from "../eval/report.js";
import { loadProfile } from "../profiles/load.js";
import { sameAst } from "../spl/compare.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { parseSplExpanded } from "../spl/expanded.js";
import { parseSpl } from "../spl/parse.js";
import { readSplSources } from "../spl/sources.js";
import { summarizePipeline } from "../spl/summary.js";
import { convertSigmaFile } from "../translate/convert.js";
import { splunkSearchToSigma } from "../translate/spl-to-sigma.js";
import { loadForms } from "../verify/load-forms.js";
import { resultsLevel } from "../verify/pipeline-effects.js";
import { verifyForms } from "../verify/verify.js";
import { RULES_DIR, SEED } from "./seed.js";

const indent = (text: string): string => text.trimEnd().split("\n").map((l) => `    ${l}`).join("\n");
const EVENTS = `${RULES_DIR}rms-radmin-namedpipe/events.json`;

/**
 * The main job on the seed: the Splunk analytic → Sigma → SPL again, both forms run on the bundled events,
 * the verifier's verdict, and the rows the search returns. `ok` is false when any step does not hold.
 */
export async function mainStory(): Promise<{ text: string; ok: boolean }> {
  const profile = loadProfile("sysmon").value!;
  const library = loadMacroLibrary([SEED.macros]).library;
  const text = readFileSync(SEED.detection, "utf8");
  const source = readSplSources(SEED.detection, text).sources[0]!;
  const sigma = splunkSearchToSigma(source, profile, library);
  const back = sigma.yaml === null ? null : convertSigmaFile("seed.sigma.yml", sigma.yaml, { profile, to: "splunk-yaml" })[0];
  const backSearch = back?.output ? (readSplSources("back.yml", back.output).sources[0]?.search ?? "") : "";
  const again = parseSpl(backSearch).ast;
  const original = parseSpl(source.search).ast;
  const sameSearch = Boolean(again && original && sameAst(again, original));
  const forms = loadForms({ file: SEED.detection, text }, null, profile, library);
  const report = typeof forms === "string" ? null : verifyForms(forms.a, forms.b, [], { logsource: forms.sigma?.logsource });
  const run = (rule: Parameters<typeof evaluateRule>[0]): Promise<EvalSummary | null> =>
    evaluateRule(rule, [EVENTS], { profile, macros: loadMacroLibrary([SHIPPED_MACROS]).library, onDiagnostic: () => undefined });
  const sigmaRun = sigma.yaml ? await run({ kind: "sigma", file: "seed.sigma.yml", text: sigma.yaml }) : null;
  const splRun = await run({ kind: "spl", file: SEED.detection, search: source.search });
  const stages = original ? summarizePipeline(original) : [];
  const matched = (sigmaRun?.results ?? []).flatMap((r) => (r.kind === "event" ? [r.event] : []));
  const expanded = parseSplExpanded(source.search, library).ast;
  const effects = expanded ? resultsLevel(expanded, matched, profile).effects : [];

  const width = Math.max(0, ...stages.map((st) => st.command.length));
  const lines = [
    `The seed: Splunk's "${source.name}" analytic (${relative(process.cwd(), SEED.detection)}), profile sysmon.`,
    "",
    "0. Its search, parsed, stage by stage:",
    ...stages.map((st, i) => `    ${i + 1}. ${st.command.padEnd(width)}  ${st.detail}`),
    "",
    "1. The analytic translated to Sigma:",
    indent(sigma.yaml ?? `(failed: ${sigma.error ?? sigma.skip})`),
    "",
    "2. The Sigma rule translated back to a Splunk detection; its search:",
    indent(backSearch),
    sameSearch ? "   It is the published search, equal as a syntax tree. ✓" : "   It differs from the published search. ✗",
    "",
    `3. Both forms on the bundled events (${relative(process.cwd(), EVENTS)}):`,
    `   Sigma rule: ${sigmaRun?.matched ?? "?"} of ${sigmaRun?.events ?? "?"} events match.`,
    `   SPL search: its filter keeps ${splRun?.matched ?? "?"} of ${splRun?.events ?? "?"} events; the whole search returns ${splRun?.results.length ?? "?"} row(s):`,
    splRun ? indent(formatResults(splRun)) : "    (the search could not run)",
    "",
    `4. The verifier: ${report ? `${report.verdict} at the filter level — ${report.events.generated} generated boundary events, ${report.disagreements.length} disagreement(s)` : forms}`,
    ...effects.map((e) => `   At the results level: ${e.message}.`),
  ];
  const ok = sameSearch && report?.verdict === "equivalent" && sigmaRun?.matched === splRun?.matched;
  return { text: lines.join("\n"), ok };
}
