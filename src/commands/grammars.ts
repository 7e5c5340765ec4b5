import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Flags } from "@oclif/core";
import { SigsplCommand } from "../cli/base-command.js";
import { grammarDocuments } from "../cli/grammars.js";

export default class Grammars extends SigsplCommand {
  static override summary = "Write the syntax diagrams of sigspl's grammars (HTML) into a folder.";
  static override hidden = true;
  static override flags = { out: Flags.string({ description: "folder to write into", default: "grammars" }) };

  async run(): Promise<void> {
    const { flags } = await this.parse(Grammars);
    mkdirSync(flags.out, { recursive: true });
    for (const [name, html] of Object.entries(grammarDocuments())) {
      writeFileSync(join(flags.out, name), html);
      await this.out(`wrote ${join(flags.out, name)}`);
    }
  }
}
