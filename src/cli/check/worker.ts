import { parentPort, workerData } from "node:worker_threads";
import { checkOne } from "../../verify/check.js";
import { buildCheckers, type CheckSetup } from "./setup.js";
import type { WorkerReply, WorkerTask } from "./pool.js";

/** A check worker: builds its checkers once, then checks each file it is sent. */
const built = buildCheckers(workerData as CheckSetup);
parentPort!.on("message", (task: WorkerTask) => {
  const result = built.ok ? checkOne(task.file, task.text, built.checkers) : null;
  parentPort!.postMessage({ index: task.index, result } satisfies WorkerReply);
});
