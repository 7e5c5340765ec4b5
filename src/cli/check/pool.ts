import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { summarize, type CheckReport, type FileCheckResult } from "../../diagnostics/check-result.js";
import { checkFiles, type Checkers } from "../../verify/check.js";
import type { CheckSetup } from "./setup.js";

export interface WorkerTask {
  readonly index: number;
  readonly file: string;
  readonly text: string;
}

export interface WorkerReply {
  readonly index: number;
  readonly result: FileCheckResult | null;
}

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 100;

/** How many worker threads a run of `files` files should use: none for a small run or a one-core machine. */
export function workerCount(files: number, requested?: number): number {
  const cores = requested ?? availableParallelism();
  return Math.max(0, Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER), 8));
}

type Files = readonly { file: string; text: string }[];

/**
 * Checks every file, on worker threads when the run is large enough (each worker builds its own checkers from
 * `setup` and takes the next file when it is done with one), else in this thread. Results keep the order of
 * `files` either way, so reports are the same however they were made.
 */
export async function checkInParallel(files: Files, setup: CheckSetup, local: Checkers, progress?: (done: number) => void, workers = workerCount(files.length)): Promise<CheckReport> {
  if (workers < 2) return checkFiles(files, local, progress);
  const results: (FileCheckResult | null)[] = new Array(files.length).fill(null);
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const pool = Array.from({ length: workers }, () => new Worker(new URL("./worker.js", import.meta.url), { workerData: setup }));
    const feed = (w: Worker): void => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, file: files[index]!.file, text: files[index]!.text } satisfies WorkerTask);
      }
    };
    const finish = (err?: Error): void => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    for (const w of pool) {
      w.on("message", (reply: WorkerReply) => {
        results[reply.index] = reply.result;
        done++;
        progress?.(done);
        if (done === files.length) finish();
        else feed(w);
      });
      w.on("error", finish);
      feed(w);
    }
    if (files.length === 0) finish();
  });
  return summarize(results.filter((r): r is FileCheckResult => r !== null));
}
