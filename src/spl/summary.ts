import { assertNever, type Command, type Pipeline, type SearchExpr } from "./ast.js";
import { printCommand } from "./print/commands.js";

/** One line per stage: what the command is and what it holds, for people reading a search. */
export interface StageSummary {
  readonly command: string;
  readonly detail: string;
}

export function summarizePipeline(pipeline: Pipeline): StageSummary[] {
  return pipeline.stages.map(summarizeStage);
}

function summarizeStage(cmd: Command): StageSummary {
  switch (cmd.type) {
    case "SearchCommand":
      return { command: cmd.explicit ? "search" : "search (implicit)", detail: cmd.expr ? describeSearch(cmd.expr) : "everything" };
    case "StatsCommand":
    case "TstatsCommand":
      return {
        command: cmd.name,
        detail: `${cmd.aggregations.length} aggregation(s): ${cmd.aggregations.map((a) => a.alias?.name ?? a.fn).join(", ")}${cmd.by.length ? `; by ${cmd.by.map((f) => f.name).join(", ")}` : ""}`,
      };
    case "RenameCommand":
      return { command: "rename", detail: cmd.pairs.map((p) => `${p.field.name} → ${p.alias?.name}`).join(", ") };
    case "MacroCommand":
      return { command: "macro", detail: `\`${cmd.macro.name}\`${cmd.macro.args ? ` with ${cmd.macro.args.length} argument(s)` : ""}` };
    case "WhereCommand": case "EvalCommand": case "TableCommand": case "FieldsCommand": case "FieldListCommand":
    case "SortCommand": case "HeadTailCommand": case "ConvertCommand": case "BinCommand": case "RexCommand":
    case "RegexCommand": case "LookupCommand": case "JoinCommand": case "AppendCommand": case "TopCommand":
    case "GenericCommand":
      return { command: printCommand(cmd).split(" ")[0]!, detail: printCommand(cmd) };
    default:
      return assertNever(cmd);
  }
}

/** "3 conditions: macro `sysmon`, EventCode IN (2 values) …" */
function describeSearch(expr: SearchExpr): string {
  const parts = expr.type === "SearchAnd" ? expr.operands : [expr];
  return `${parts.length} condition(s) ANDed: ${parts.map(describeTerm).join("; ")}`;
}

function describeTerm(e: SearchExpr): string {
  switch (e.type) {
    case "SearchCompare": return `${e.field.name} ${e.op} ${e.value.type === "Quoted" ? e.value.value : e.value.type === "MacroRef" ? e.value.raw : e.value.type === "Word" ? e.value.raw : `${e.value.name}(…)`}`;
    case "SearchIn": return `${e.field.name} IN (${e.values.length} values)`;
    case "SearchTerm": return e.value.type === "MacroRef" ? `macro \`${e.value.name}\`` : `term ${e.value.type === "SearchFn" ? e.value.name : e.value.raw}`;
    case "SearchAnd": return `(${e.operands.length} ANDed)`;
    case "SearchOr": return `one of ${e.operands.length}`;
    case "SearchNot": return `NOT ${describeTerm(e.operand)}`;
    case "Subsearch": return "a subsearch";
    default: return assertNever(e);
  }
}
