import type { Pipeline } from "../ast.js";
import { printCommand } from "./commands.js";

export interface PrintOptions {
  /** One command per line, each after the first starting with `| `. */
  readonly pretty: boolean;
}

/** Prints a search as canonical SPL: one space between terms, ` | ` between commands. */
export function printPipeline(pipeline: Pipeline, options: PrintOptions = { pretty: false }): string {
  const separator = options.pretty ? "\n| " : " | ";
  const stages = pipeline.stages.map((stage, i) => withComments(printCommand(stage), pipeline, i));
  const body = stages.join(separator);
  const lead = commentsAfter(pipeline, -1);
  const head = lead ? `${lead} ` : "";
  return pipeline.leadingPipe ? `${head}| ${body}` : `${head}${body}`;
}

function withComments(text: string, pipeline: Pipeline, stage: number): string {
  const comments = commentsAfter(pipeline, stage);
  return comments ? `${text} ${comments}` : text;
}

function commentsAfter(pipeline: Pipeline, stage: number): string {
  // Nearly every search has no comment: no filtering per stage then.
  if (pipeline.comments.length === 0) return "";
  return pipeline.comments.filter((c) => c.afterStage === stage).map((c) => c.text).join(" ");
}
