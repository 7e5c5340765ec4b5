import { Args, Flags } from "@oclif/core";
import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { collectFiles, readInput } from "../cli/inputs.js";
import { renderDiagnostics } from "../cli/render.js";
import { renderReport, REPORTERS, type Reporter } from "../cli/reporters.js";
import { summarize, type CheckName, type FileCheckResult } from "../diagnostics/check-result.js";
import { DEFAULT_PROFILE, loadProfile } from "../profiles/load.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { checkFiles, type FileChecker } from "../verify/check.js";
import { sigmaChecker, splunkChecker } from "../verify/translate-check.js";
import { withVerify } from "../verify/verify-check.js";

const CHECKS: readonly CheckName[] = ["parse", "roundtrip", "translate", "verify"];

export default class Check extends SigsplCommand {
  static override summary = "Run the checks on Sigma rules and Splunk searches: parse, roundtrip, translate and verify.";
  static override description =
    "PATHs are files or folders, read recursively (.yml/.yaml/.spl/.conf). One broken file never stops the rest; exit 1 when any check failed. verify runs each file against its own translation on generated boundary events.";
  static override examples = [
    "<%= config.bin %> check rules/",
    "<%= config.bin %> check detections/ --profile sysmon --macros macros/ --reporter junit > report.xml",
    "<%= config.bin %> check rules/ --checks parse,translate --json",
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: "files or folders", required: true, ignoreStdin: true }) };
  static override flags = {
    json: Flags.boolean({ description: "print the report as JSON (same as --reporter json)" }),
    reporter: Flags.string({ description: "how to print the report", options: [...REPORTERS], default: "text" }),
    checks: Flags.string({ description: `the checks to run, comma-separated (${CHECKS.join(", ")})` }),
    profile: Flags.string({ description: "the profile for translate and verify (shipped name or file)", default: DEFAULT_PROFILE }),
    macros: Flags.string({ description: "macro definitions for Splunk searches (folder of macro YAML files or macros.conf)", multiple: true }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Check);
    const selected = new Set((flags.checks ?? CHECKS.join(",")).split(",").map((c) => c.trim()));
    const unknown = [...selected].filter((c) => !CHECKS.includes(c as CheckName));
    if (unknown.length) this.error(`unknown check(s): ${unknown.join(", ")} (known: ${CHECKS.join(", ")})`, { exit: EXIT.usage });
    const profile = loadProfile(flags.profile);
    if (!profile.value) {
      await this.err(renderDiagnostics(profile.diagnostics, flags.profile));
      this.exit(EXIT.inputErrors);
    }
    const macros = loadMacroLibrary(flags.macros ?? []);
    if (macros.diagnostics.length) await this.err(renderDiagnostics(macros.diagnostics, "macros"));
    const verify = (c: FileChecker): FileChecker => (selected.has("verify") ? withVerify(c, profile.value!, macros.library) : c);
    const files = collectFiles(argv as string[]).map((file) => ({ file, text: readInput(file) }));
    const progress = process.stderr.isTTY ? (done: number): void => void process.stderr.write(`\rchecked ${done}/${files.length}`) : undefined;
    const report = checkFiles(files, { sigma: verify(sigmaChecker(profile.value!)), spl: verify(splunkChecker(profile.value!, macros.library)) }, progress);
    if (progress) process.stderr.write("\n");
    const filtered = summarize(report.results.map((r) => only(r, selected)));
    const reporter: Reporter = flags.json ? "json" : (flags.reporter as Reporter);
    await this.out(renderReport(filtered, reporter));
    if (filtered.summary.failed > 0) this.exit(EXIT.inputErrors);
  }
}

/** A result with only the selected checks. */
function only(result: FileCheckResult, selected: ReadonlySet<string>): FileCheckResult {
  return { ...result, checks: Object.fromEntries(Object.entries(result.checks).filter(([name]) => selected.has(name))) };
}
