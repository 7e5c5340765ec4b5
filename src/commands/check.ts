import { Args, Flags } from "@oclif/core";
import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { collectFiles, readInput } from "../cli/inputs.js";
import { renderDiagnostics } from "../cli/render.js";
import { renderReport, REPORTERS, type Reporter } from "../cli/reporters.js";
import { summarize, type CheckName, type FileCheckResult } from "../diagnostics/check-result.js";
import { checkInParallel, workerCount } from "../cli/check/pool.js";
import { buildCheckers, type CheckSetup } from "../cli/check/setup.js";
import { progressBar } from "../cli/progress.js";
import { DEFAULT_PROFILE } from "../profiles/load.js";

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
    jobs: Flags.integer({ description: "worker threads (default: one per core; large runs only; 1 checks in this thread)", min: 1 }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Check);
    const selected = new Set((flags.checks ?? CHECKS.join(",")).split(",").map((c) => c.trim()));
    const unknown = [...selected].filter((c) => !CHECKS.includes(c as CheckName));
    if (unknown.length) this.error(`unknown check(s): ${unknown.join(", ")} (known: ${CHECKS.join(", ")})`, { exit: EXIT.usage });
    const setup: CheckSetup = { profile: flags.profile, macros: flags.macros ?? [], verify: selected.has("verify") };
    const built = buildCheckers(setup);
    if (!built.ok) {
      await this.err(renderDiagnostics(built.diagnostics, flags.profile));
      this.exit(EXIT.inputErrors);
    }
    if (built.warnings.length) await this.err(renderDiagnostics(built.warnings, "macros"));
    const files = collectFiles(argv as string[]).map((file) => ({ file, text: readInput(file) }));
    const progress = progressBar(files.length, "files");
    const report = await checkInParallel(files, setup, built.checkers, progress?.update, workerCount(files.length, flags.jobs));
    progress?.end();
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
