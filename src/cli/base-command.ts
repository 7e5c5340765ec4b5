import { Command } from "@oclif/core";
import { InputError } from "./inputs.js";

/**
 * Exit codes of every sigspl command: 0 all good; 1 the input has errors (or a check failed);
 * 2 the command line itself is wrong (oclif's own usage errors).
 */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const;

/** Turns user errors into a one-line message and exit code 1: no stack trace for bad input. */
export abstract class SigsplCommand extends Command {
  protected override async catch(err: Error & { exitCode?: number }): Promise<unknown> {
    if (err instanceof InputError) {
      this.logToStderr(`error: ${err.message}`);
      this.exit(EXIT.inputErrors);
    }
    return super.catch(err);
  }

  protected out(text: string): void {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  protected err(text: string): void {
    process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
  }
}
