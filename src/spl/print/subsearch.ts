import type { Subsearch } from "../ast.js";
import { printPipeline } from "./pipeline.js";

export function printSubsearch(sub: Subsearch): string {
  return `[${printPipeline(sub.pipeline, { pretty: false })}]`;
}
