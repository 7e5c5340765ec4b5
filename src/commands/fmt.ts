import { writeFileSync } from "node:fs";
import { Args, Flags } from "@oclif/core";
import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { collectFiles, readInput } from "../cli/inputs.js";
import { renderDiagnostics } from "../cli/render.js";
import { formatFile } from "../spl/format.js";

export default class Fmt extends SigsplCommand {
  static override summary = "Format SPL canonically, like prettier: raw .spl files, Splunk detection YAML (`search:`), savedsearches.conf.";
  static override examples = [
    "<%= config.bin %> fmt search.spl",
    "<%= config.bin %> fmt detections/ --check",
    "<%= config.bin %> fmt detections/ --write --pretty",
  ];
  static override strict = false;
  static override args = { files: Args.string({ description: "files or folders (- for standard input)", ignoreStdin: true }) };
  static override flags = {
    check: Flags.boolean({ description: "list the files that would change and exit 1 if any would" }),
    write: Flags.boolean({ description: "rewrite the files in place" }),
    pretty: Flags.boolean({ description: "one command per line" }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Fmt);
    const files = collectFiles(argv.length ? (argv as string[]) : ["-"]);
    let failed = false;
    let changed = 0;
    for (const file of files) {
      const text = readInput(file);
      const result = formatFile(file, text, flags.pretty);
      if (result.text === null) {
        failed = true;
        await this.err(renderDiagnostics(result.diagnostics, file));
        continue;
      }
      if (result.text === text) continue;
      changed++;
      if (flags.check) await this.out(`would reformat ${file}`);
      else if (flags.write && file !== "-") writeFileSync(file, result.text);
      else await this.out(result.text);
    }
    if (flags.check && changed === 0 && !failed) await this.out(`${files.length} file(s) already formatted`);
    if (failed || (flags.check && changed > 0)) this.exit(EXIT.inputErrors);
  }
}
