import { sigmaConditionDiagramsHtml } from "../sigma/condition/parse.js";
import { splSyntaxDiagramsHtml } from "../spl/parse.js";

/** The generated grammar documents of `grammars/`: file name → content. */
export function grammarDocuments(): Record<string, string> {
  return { "spl.html": splSyntaxDiagramsHtml(), "sigma-condition.html": sigmaConditionDiagramsHtml() };
}
