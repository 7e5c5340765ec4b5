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

  /** Writes to stdout and waits until it is flushed: an exit right after must not cut a piped report short. */
  protected out(text: string): Promise<void> {
    return write(process.stdout, text);
  }

  protected err(text: string): Promise<void> {
    return write(process.stderr, text);
  }
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text.endsWith("\n") ? text : `${text}\n`, () => resolve()));
}
