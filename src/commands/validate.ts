import { Args, Flags } from "@oclif/core";
import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { collectFiles, readInput } from "../cli/inputs.js";
import { renderDiagnostics } from "../cli/render.js";
import { summarize } from "../diagnostics/check-result.js";
import { validateSigmaFiles, validationResult } from "../sigma/validate.js";

export default class Validate extends SigsplCommand {
  static override summary = "Validate Sigma rules, correlation rules and filters: YAML, schema and semantic checks.";
  static override description =
    "PATHs are files or folders (read recursively for .yml/.yaml). One bad file never stops the rest. Exit 1 when any file has errors (or warnings, with --strict).";
  static override examples = ["<%= config.bin %> validate rules/", "<%= config.bin %> validate rule.yml --json", "<%= config.bin %> validate sigma/ --strict"];
  static override strict = false;
  static override args = { paths: Args.string({ description: "files or folders", required: true, ignoreStdin: true }) };
  static override flags = {
    json: Flags.boolean({ description: "print the report as JSON (the shape of `check --json`)" }),
    strict: Flags.boolean({ description: "treat warnings as errors" }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Validate);
    const files = collectFiles(argv as string[], [".yml", ".yaml"]).map((file) => ({ file, text: readInput(file) }));
    const validated = validateSigmaFiles(files);
    const report = summarize(validated.map((v) => validationResult(v, flags.strict)));
    if (flags.json) await this.out(JSON.stringify(report, null, 2));
    else {
      for (const v of validated.filter((f) => f.diagnostics.length)) await this.err(renderDiagnostics(v.diagnostics, v.file, v.text));
      await this.out(`${report.summary.files} file(s), ${report.summary.failed} with ${flags.strict ? "errors or warnings" : "errors"}`);
    }
    if (report.summary.failed > 0) this.exit(EXIT.inputErrors);
  }
}
