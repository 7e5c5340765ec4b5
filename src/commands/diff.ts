import { Args, Flags } from "@oclif/core";
import { SigsplCommand } from "../cli/base-command.js";
import { readInput } from "../cli/inputs.js";
import { SHIPPED_MACROS } from "../eval/run-rule.js";
import { DEFAULT_PROFILE, loadProfile } from "../profiles/load.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { diffForms, type RuleDiff } from "../verify/diff.js";
import { DEFAULT_GENERATE } from "../verify/verify.js";
import { loadForms } from "../verify/load-forms.js";

export default class Diff extends SigsplCommand {
  static override summary = "What a change to a rule does: the conditions added and removed, and the events only one version matches.";
  static override examples = ["<%= config.bin %> diff old.yml new.yml", "<%= config.bin %> diff rule.yml detection.yml --profile sysmon --json"];
  static override args = {
    old: Args.string({ description: "the old version (Sigma or Splunk)", required: true, ignoreStdin: true }),
    new: Args.string({ description: "the new version (Sigma or Splunk)", required: true, ignoreStdin: true }),
  };
  static override flags = {
    json: Flags.boolean({ description: "print {added, removed, behaviour} as JSON" }),
    generate: Flags.integer({ description: "how many boundary events to generate at most", default: DEFAULT_GENERATE, min: 0 }),
    seed: Flags.integer({ description: "seeds the random part of the generated events (the same seed gives the same events)", default: 1 }),
    profile: Flags.string({ description: "the profile for field names and the Splunk view", default: DEFAULT_PROFILE }),
    macros: Flags.string({ description: "macro definitions; default: the shipped rules/macros", multiple: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Diff);
    const profile = loadProfile(flags.profile);
    if (!profile.value) this.error(profile.diagnostics.map((d) => d.message).join("; "), { exit: 2 });
    const library = loadMacroLibrary(flags.macros ?? [SHIPPED_MACROS]).library;
    const forms = loadForms({ file: args.old, text: readInput(args.old) }, { file: args.new, text: readInput(args.new) }, profile.value!, library);
    if (typeof forms === "string") this.error(forms, { exit: 2 });
    const diff = diffForms(forms.a, forms.b, flags.generate, flags.seed);
    await this.out(flags.json ? JSON.stringify(diff, null, 2) : describe(diff));
    this.exit(diff.added.length || diff.removed.length || diff.behaviour.length ? 1 : 0);
  }
}

/** How many differing events the text report shows. */
const SHOWN = 10;

function describe(diff: RuleDiff): string {
  if (!diff.added.length && !diff.removed.length && !diff.behaviour.length) return "no change in conditions or behaviour";
  return [
    ...diff.removed.map((c) => `- ${c}`),
    ...diff.added.map((c) => `+ ${c}`),
    `${diff.behaviour.reduce((n, d) => n + d.events, 0)} generated event(s) matched by only one version${diff.behaviour.length ? `, for ${diff.behaviour.length} cause(s):` : ""}`,
    ...diff.behaviour.slice(0, SHOWN).map((d) => `  ${d.a ? "old" : "new"} only: ${JSON.stringify(d.event)}${d.events > 1 ? ` (and ${d.events - 1} like it)` : ""}`),
    ...(diff.behaviour.length > SHOWN ? [`  … and ${diff.behaviour.length - SHOWN} more (--json lists them all)`] : []),
  ].join("\n");
}
