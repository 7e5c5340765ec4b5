import { Args, Flags } from "@oclif/core";
import { SigsplCommand, EXIT } from "../cli/base-command.js";
import { collectFiles, readInput } from "../cli/inputs.js";
import { renderDiagnostics } from "../cli/render.js";
import { loadMacroLibrary } from "../spl/macros/library-loader.js";
import { parseSpl } from "../spl/parse.js";
import { parseSplExpanded } from "../spl/expanded.js";
import { printPipeline } from "../spl/print/pipeline.js";
import { readSplSources } from "../spl/sources.js";

export default class Parse extends SigsplCommand {
  static override summary = "Parse SPL and print it back as canonical SPL, or its AST as JSON.";
  static override description =
    "A FILE is raw SPL, a Splunk detection YAML (its `search:` is used) or a savedsearches.conf (each stanza's `search`). Without FILE, or with -, reads standard input.";
  static override examples = [
    "<%= config.bin %> parse rules/rms-radmin-namedpipe/rms_radmin_namedpipe.yml --pretty",
    "echo 'a=1 OR b=2 c=3' | <%= config.bin %> parse --json",
    "<%= config.bin %> parse detection.yml --expand --macros rules/macros",
  ];
  static override strict = false;
  static override args = { files: Args.string({ description: "files to parse (- for standard input)", ignoreStdin: true }) };
  static override flags = {
    json: Flags.boolean({ description: "print the AST as JSON" }),
    pretty: Flags.boolean({ description: "one command per line" }),
    expand: Flags.boolean({ description: "expand macros before parsing" }),
    macros: Flags.string({ description: "macro definitions: a folder of macro YAML files or a macros.conf", multiple: true }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Parse);
    const paths = argv.length ? (argv as string[]) : ["-"];
    const library = flags.expand ? loadMacroLibrary(flags.macros ?? []) : null;
    if (library?.diagnostics.length) await this.err(renderDiagnostics(library.diagnostics, "macros"));
    let failed = false;
    const asts: unknown[] = [];
    for (const file of collectFiles(paths)) {
      const text = readInput(file);
      const read = readSplSources(file, text);
      if (read.diagnostics.length) {
        failed = true;
        await this.err(renderDiagnostics(read.diagnostics, file, text));
      }
      for (const source of read.sources) {
        const parsed = library ? parseSplExpanded(source.search, library.library) : parseSpl(source.search);
        if (!parsed.ast) {
          failed = true;
          await this.err(renderDiagnostics(parsed.diagnostics.map((d) => ({ ...d, ...(source.path ? { path: source.path } : {}) })), file, source.search));
          continue;
        }
        if (flags.json) asts.push({ file, ...(source.name ? { name: source.name } : {}), ast: parsed.ast });
        else await this.out(printPipeline(parsed.ast, { pretty: flags.pretty }));
      }
    }
    if (flags.json) await this.out(JSON.stringify(asts, null, 2));
    if (failed) this.exit(EXIT.inputErrors);
  }
}
