import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT } from "./corpus.js";

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`npm test` builds first) as a user would. */
export function runCli(args: readonly string[], input?: string): CliRun {
  const r = spawnSync(process.execPath, [join(PROJECT, "bin/run.js"), ...args], {
    cwd: PROJECT,
    input: input ?? "",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
