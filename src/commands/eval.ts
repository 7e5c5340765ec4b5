import { Args, Flags } from "@oclif/core";
import { readPlaceholderFile } from "../cli/placeholders.js";
import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { InputError, readInput } from "../cli/inputs.js";
import { renderDiagnostics } from "../cli/render.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatResults, resultJson, summaryJson } from "../eval/report.js";
import { evaluateRule, ruleInput, SHIPPED_MACROS, type RuleInput } from "../eval/run-rule.js";
import { DEFAULT_PROFILE, loadProfile } from "../profiles/load.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";

export default class Eval extends SigsplCommand {
  static override summary = "Run a Sigma rule or an SPL search on JSON events, each with its own language's semantics.";
  static override description =
    "RULE is a Sigma rule, a Splunk detection YAML or an .spl file (or give --spl). Events are JSON arrays, NDJSON or concatenated objects, gzip or not, files or folders (- for standard input). Sigma prints the matching events; SPL prints the result rows. Times are shown in UTC.";
  static override examples = [
    "<%= config.bin %> eval rules/rms-radmin-namedpipe/windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml --events rules/rms-radmin-namedpipe/events.json --profile sysmon",
    "<%= config.bin %> eval rules/rms-radmin-namedpipe/windows_application_layer_protocol_rms_radmin_tool_namedpipe.sigma.yml --events rules/rms-radmin-namedpipe/events.json --json",
    "<%= config.bin %> eval --spl 'EventCode=17 | stats count by Image' --events logs/ --profile sysmon",
  ];
  static override args = { rule: Args.string({ description: "the rule file", ignoreStdin: true }) };
  static override flags = {
    events: Flags.string({ description: "event files or folders (- for standard input)", required: true, multiple: true }),
    spl: Flags.string({ description: "an SPL search to run instead of a rule file" }),
    json: Flags.boolean({ description: 'print {"kind","events","matched","results"} as JSON', exclusive: ["ndjson"] }),
    ndjson: Flags.boolean({ description: "print each result as one JSON line, as soon as it is known" }),
    profile: Flags.string({ description: "the profile that defines the Splunk view of events (shipped name or file)", default: DEFAULT_PROFILE }),
    macros: Flags.string({ description: "macro definitions (folder of macro YAML files or a macros.conf); default: the shipped rules/macros", multiple: true }),
    lookups: Flags.string({ description: "folder of CSV lookup tables for the lookup command" }),
    placeholders: Flags.string({ description: "YAML file: placeholder name → list of values, for Sigma's expand modifier" }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Eval);
    const profile = loadProfile(flags.profile);
    if (!profile.value) return this.fail(profile.diagnostics, flags.profile);
    const macros = loadMacroLibrary(flags.macros ?? [SHIPPED_MACROS]);
    if (macros.diagnostics.length) this.err(renderDiagnostics(macros.diagnostics, "macros"));
    const rule = this.rule(args.rule, flags.spl);
    let failed = false;
    const summary = await evaluateRule(rule, flags.events, {
      profile: profile.value,
      macros: macros.library,
      lookupsDir: flags.lookups ?? null,
      placeholders: flags.placeholders ? readPlaceholderFile(flags.placeholders) : {},
      onResult: flags.ndjson ? (r) => this.out(JSON.stringify(resultJson(r))) : undefined,
      onDiagnostic: (d) => {
        failed ||= d.severity === "error";
        this.err(renderDiagnostics([d], d.file ?? rule.file));
      },
    });
    if (!summary) return this.exit(EXIT.inputErrors);
    if (flags.json) this.out(JSON.stringify(summaryJson(summary), null, 2));
    else if (!flags.ndjson) this.out(formatResults(summary));
    if (failed) this.exit(EXIT.inputErrors);
  }

  private rule(file: string | undefined, spl: string | undefined): RuleInput {
    if (spl !== undefined) return { kind: "spl", file: "--spl", search: spl };
    if (!file) throw new InputError("give a RULE file or --spl");
    const read = ruleInput(file, readInput(file));
    if (!read.rule) throw new InputError(read.diagnostics.map((d) => d.message).join("; ") || `cannot read a rule from ${file}`);
    return read.rule;
  }

  private fail(diagnostics: readonly Diagnostic[], file: string): void {
    this.err(renderDiagnostics(diagnostics, file));
    this.exit(EXIT.inputErrors);
  }
}
