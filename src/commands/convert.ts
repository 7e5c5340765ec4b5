import { mkdirSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { Args, Flags } from "@oclif/core";
import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { collectFiles, readInput, RULE_FILE_ENDINGS } from "../cli/inputs.js";
import { readPlaceholderFile } from "../cli/placeholders.js";
import { renderDiagnostics } from "../cli/render.js";
import { DEFAULT_PROFILE, loadProfile } from "../profiles/load.js";
import type { Profile } from "../profiles/types.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { convertSplunkFile, type RawMetadata } from "../translate/convert-splunk.js";
import { convertSigmaFiles, SPL_FORMATS, type ConvertResult, type SplFormat } from "../translate/convert.js";

type Target = SplFormat | "sigma";
const EXTENSION: Record<Target, string> = { spl: ".spl", savedsearches: ".conf", "splunk-yaml": ".yml", sigma: ".yml" };

export default class Convert extends SigsplCommand {
  static override summary = "Convert Sigma rules to Splunk (a search, a savedsearches.conf stanza, a detection in Splunk's YAML format), or Splunk searches to Sigma.";
  static override description =
    "Every construct whose meaning changes is reported as a loss (code, Sigma path, message); --strict makes losses errors.";
  static override examples = [
    "<%= config.bin %> convert rule.yml --to spl --profile sysmon",
    "<%= config.bin %> convert rules/ --to splunk-yaml --out build/",
    "<%= config.bin %> convert rule.yml --to savedsearches --cron '*/15 * * * *' --json",
    "<%= config.bin %> convert detection.yml --to sigma --profile sysmon --macros rules/macros",
  ];
  static override strict = false;
  static override args = { files: Args.string({ description: "Sigma files or folders (- for standard input)", ignoreStdin: true }) };
  static override flags = {
    to: Flags.string({ description: "output format", options: [...SPL_FORMATS, "sigma"], default: "spl" }),
    macros: Flags.string({ description: "--to sigma: macro definitions (folder of macro YAML files or macros.conf)", multiple: true }),
    title: Flags.string({ description: "--to sigma: the title of a rule made from raw SPL" }),
    id: Flags.string({ description: "--to sigma: the id of a rule made from raw SPL" }),
    author: Flags.string({ description: "--to sigma: the author of a rule made from raw SPL" }),
    description: Flags.string({ description: "--to sigma: the description of a rule made from raw SPL" }),
    date: Flags.string({ description: "--to sigma: the date (YYYY-MM-DD) of a rule made from raw SPL" }),
    profile: Flags.string({ description: "a shipped profile (splunk-windows, sysmon, none) or a profile file", default: DEFAULT_PROFILE }),
    out: Flags.string({ description: "write one file per rule into this folder" }),
    json: Flags.boolean({ description: "print [{file, ok, output, losses, error}]" }),
    strict: Flags.boolean({ description: "treat every loss as an error" }),
    placeholders: Flags.string({ description: "YAML file: placeholder name → list of values, for the expand modifier" }),
    cron: Flags.string({ description: "savedsearches: cron_schedule (enables scheduling)" }),
    earliest: Flags.string({ description: "savedsearches: dispatch.earliest_time" }),
    latest: Flags.string({ description: "savedsearches: dispatch.latest_time" }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Convert);
    const profile = loadProfile(flags.profile);
    if (!profile.value) {
      await this.err(renderDiagnostics(profile.diagnostics, flags.profile));
      this.exit(EXIT.inputErrors);
    }
    const to = flags.to as Target;
    const inputs = collectFiles(argv.length ? (argv as string[]) : ["-"], to === "sigma" ? RULE_FILE_ENDINGS : [".yml", ".yaml"]).map((file) => ({ file, text: readInput(file) }));
    const converted = to === "sigma" ? await this.toSigma(inputs, profile.value!, flags.macros ?? [], { title: flags.title, id: flags.id, author: flags.author, description: flags.description, date: flags.date }) : this.toSplunk(inputs, profile.value!, to, flags);
    const results = converted.map((r) => (flags.strict && r.ok && r.losses.length ? { ...r, ok: false, error: "losses in --strict mode" } : r));
    if (flags.out) writeOutputs(flags.out, results, EXTENSION[to]);
    if (flags.json) await this.out(JSON.stringify(results, null, 2));
    else await this.report(results, !flags.out);
    if (results.some((r) => !r.ok)) this.exit(EXIT.inputErrors);
  }

  private async toSigma(inputs: readonly { file: string; text: string }[], profile: Profile, macroPaths: readonly string[], meta: RawMetadata): Promise<ConvertResult[]> {
    const macros = loadMacroLibrary(macroPaths);
    if (macros.diagnostics.length) await this.err(renderDiagnostics(macros.diagnostics, "macros"));
    return inputs.flatMap(({ file, text }) => convertSplunkFile(file, text, profile, macros.library, meta));
  }

  private toSplunk(
    inputs: readonly { file: string; text: string }[],
    profile: Profile,
    to: SplFormat,
    flags: { placeholders?: string; cron?: string; earliest?: string; latest?: string },
  ): ConvertResult[] {
    const options = {
      profile,
      to,
      placeholders: flags.placeholders ? readPlaceholderFile(flags.placeholders) : {},
      saved: { cron: flags.cron, earliest: flags.earliest, latest: flags.latest },
    };
    return convertSigmaFiles(inputs, options);
  }

  private async report(results: readonly ConvertResult[], printOutputs: boolean): Promise<void> {
    for (const r of results) {
      if (r.error) await this.err(`error: ${r.error}`);
      for (const loss of r.losses) await this.err(`warning ${loss.code} ${r.file} (${loss.path}): ${loss.message}`);
      if (printOutputs && r.output !== null) await this.out(r.output);
    }
  }
}

function writeOutputs(dir: string, results: readonly ConvertResult[], extension: string): void {
  mkdirSync(dir, { recursive: true });
  results.forEach((r, i) => {
    if (r.output === null) return;
    const stem = r.file === "-" ? `rule-${i + 1}` : basename(r.file, extname(r.file));
    writeFileSync(join(dir, `${stem}${extension}`), r.output.endsWith("\n") ? r.output : `${r.output}\n`);
  });
}
