import { Args, Flags } from "@oclif/core";
import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { collectFiles, readInput } from "../cli/inputs.js";
import { renderCheckReport } from "../cli/render.js";
import { renderDiagnostics } from "../cli/render.js";
import { DEFAULT_PROFILE, loadProfile } from "../profiles/load.js";
import { checkFiles } from "../verify/check.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { sigmaChecker, splunkChecker } from "../verify/translate-check.js";

export default class Check extends SigsplCommand {
  static override summary = "Run the checks on Sigma rules and Splunk searches: parse, roundtrip, and translate (Sigma → SPL, Splunk detection → Sigma).";
  static override description =
    "PATHs are files or folders, read recursively (.yml/.yaml/.spl/.conf). One broken file never stops the rest; exit 1 when any check failed.";
  static override examples = ["<%= config.bin %> check rules/", "<%= config.bin %> check detections/ --json"];
  static override strict = false;
  static override args = { paths: Args.string({ description: "files or folders", required: true, ignoreStdin: true }) };
  static override flags = {
    json: Flags.boolean({ description: "print the report as JSON" }),
    profile: Flags.string({ description: "the profile for the translate check (shipped name or file)", default: DEFAULT_PROFILE }),
    macros: Flags.string({ description: "macro definitions for Splunk searches (folder of macro YAML files or macros.conf)", multiple: true }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Check);
    const profile = loadProfile(flags.profile);
    if (!profile.value) {
      await this.err(renderDiagnostics(profile.diagnostics, flags.profile));
      this.exit(EXIT.inputErrors);
    }
    const files = collectFiles(argv as string[]).map((file) => ({ file, text: readInput(file) }));
    const macros = loadMacroLibrary(flags.macros ?? []);
    if (macros.diagnostics.length) await this.err(renderDiagnostics(macros.diagnostics, "macros"));
    const report = checkFiles(files, { sigma: sigmaChecker(profile.value!), spl: splunkChecker(profile.value!, macros.library) });
    await this.out(flags.json ? JSON.stringify(report, null, 2) : renderCheckReport(report));
    if (report.summary.failed > 0) this.exit(EXIT.inputErrors);
  }
}
