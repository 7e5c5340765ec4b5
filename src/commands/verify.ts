import { Args, Flags } from "@oclif/core";
import { SigsplCommand } from "../cli/base-command.js";
import { readInput } from "../cli/inputs.js";
import { readEvents } from "../eval/events/read.js";
import type { EventRecord } from "../eval/events/types.js";
import { DEFAULT_PROFILE, loadProfile } from "../profiles/load.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { SHIPPED_MACROS } from "../eval/run-rule.js";
import { loadForms } from "../verify/load-forms.js";
import { DEFAULT_GENERATE, verifyForms, type VerifyReport } from "../verify/verify.js";

/** Exit codes of verify: equivalent, differs, could not run. */
const VERDICT_EXIT = { equivalent: 0, differs: 1, inconclusive: 2 } as const;

export default class Verify extends SigsplCommand {
  static override summary = "Prove that two forms of a rule agree: run both on given and generated events, each with its own language's semantics.";
  static override description =
    "A and B are a Sigma rule and/or a Splunk search (detection YAML, .spl, savedsearches.conf). With only A, B is A's own translation. Exit 0 equivalent, 1 differs, 2 could not run.";
  static override examples = [
    "<%= config.bin %> verify rules/rms-radmin-namedpipe/windows_application_layer_protocol_rms_radmin_tool_namedpipe.sigma.yml --profile sysmon",
    "<%= config.bin %> verify rule.yml detection.yml --events events.ndjson --json",
  ];
  static override args = {
    a: Args.string({ description: "a rule: Sigma YAML, Splunk detection YAML or .spl", required: true, ignoreStdin: true }),
    b: Args.string({ description: "the other form (default: A's translation)", ignoreStdin: true }),
  };
  static override flags = {
    events: Flags.string({ description: "event files or folders to run both forms on", multiple: true }),
    generate: Flags.integer({ description: "how many boundary events to generate at most", default: DEFAULT_GENERATE, min: 0 }),
    seed: Flags.integer({ description: "seeds the random part of the generated events (the same seed gives the same events)", default: 1 }),
    profile: Flags.string({ description: "the profile for translation and the Splunk view", default: DEFAULT_PROFILE }),
    macros: Flags.string({ description: "macro definitions; default: the shipped rules/macros", multiple: true }),
    json: Flags.boolean({ description: "print the report as JSON" }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Verify);
    const profile = loadProfile(flags.profile);
    if (!profile.value) return this.cannotRun(profile.diagnostics.map((d) => d.message).join("; "));
    const library = loadMacroLibrary(flags.macros ?? [SHIPPED_MACROS]).library;
    const forms = loadForms({ file: args.a, text: readInput(args.a) }, args.b ? { file: args.b, text: readInput(args.b) } : null, profile.value, library);
    if (typeof forms === "string") return this.cannotRun(forms);
    const given: EventRecord[] = [];
    if (flags.events?.length) await readEvents(flags.events, { event: (e) => void given.push(e), diagnostic: (d) => void this.err(`warning: ${d.message}`) });
    const report = verifyForms(forms.a, forms.b, given, { generate: flags.generate, logsource: forms.sigma?.logsource, seed: flags.seed });
    await this.out(flags.json ? JSON.stringify({ a: forms.a.label, b: forms.b.label, ...report }, null, 2) : describe(forms.a.label, forms.b.label, report));
    this.exit(VERDICT_EXIT[report.verdict]);
  }

  private async cannotRun(reason: string): Promise<void> {
    await this.err(`error: ${reason}`);
    this.exit(VERDICT_EXIT.inconclusive);
  }
}

function describe(a: string, b: string, report: VerifyReport): string {
  const lines = [
    `A: ${a}`,
    `B: ${b}`,
    `${report.verdict}${report.reason ? ` (${report.reason})` : ""} — ${report.events.given} given and ${report.events.generated} generated events, ${report.disagreements.length} cause(s) of disagreement`,
  ];
  for (const d of report.disagreements) {
    const others = d.events > 1 ? ` (and ${d.events - 1} more event(s) for the same cause)` : "";
    lines.push(`  A ${d.a ? "matches" : "does not match"}, B ${d.b ? "matches" : "does not match"}: ${JSON.stringify(d.event)}${others}`);
    lines.push(`    A decided by: ${d.decidedBy.a.join("; ")}`, `    B decided by: ${d.decidedBy.b.join("; ")}`);
  }
  if (report.results) {
    const { matched, rows, effects } = report.results;
    lines.push(`  results level: both forms match ${matched} given event(s); the whole SPL search returns ${rows ?? "?"} row(s)`);
    for (const e of effects) lines.push(`    ${e.message}`);
  }
  return lines.join("\n");
}
