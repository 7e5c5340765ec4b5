import type { Command, FieldListCommand, Pipeline } from "../../spl/ast.js";
import { assertNever } from "../../spl/ast.js";
import { SplEvalError } from "./errors.js";
import { dedupStage, headTailStage, regexStage, searchStage, whereStage } from "./stages/filter.js";
import { fieldsStage, fillnullStage, renameStage, tableStage } from "./stages/fields.js";
import { lookupStage } from "./stages/lookup.js";
import { makemvStage, mvexpandStage, spathStage } from "./stages/multivalue.js";
import { sortStage, topStage } from "./stages/order.js";
import { statsStage } from "./stages/stats.js";
import { binStage, convertStage, evalStage, rexStage } from "./stages/transform.js";
import type { StageContext, StageFactory } from "./stages/types.js";

/**
 * The stages after the leading search, each compiled once. A command the evaluator cannot run is an error
 * naming it — never a silent pass-through, which would make a proof of equivalence worthless.
 */
export function compileStages(commands: readonly Command[], ctx: StageContext): StageFactory[] {
  return commands.map((c) => compileCommand(c, ctx));
}

export function commandName(c: Command): string {
  switch (c.type) {
    case "SearchCommand": return "search";
    case "WhereCommand": return "where";
    case "EvalCommand": return "eval";
    case "RenameCommand": return "rename";
    case "TableCommand": return "table";
    case "FieldsCommand": return "fields";
    case "SortCommand": return "sort";
    case "ConvertCommand": return "convert";
    case "RexCommand": return "rex";
    case "RegexCommand": return "regex";
    case "LookupCommand": return "lookup";
    case "JoinCommand": return "join";
    case "MacroCommand": return `\`${c.macro.name}\``;
    case "StatsCommand":
    case "TstatsCommand":
    case "FieldListCommand":
    case "HeadTailCommand":
    case "BinCommand":
    case "AppendCommand":
    case "TopCommand":
    case "GenericCommand":
      return c.name;
    default:
      return assertNever(c);
  }
}

function compileCommand(c: Command, ctx: StageContext): StageFactory {
  switch (c.type) {
    case "SearchCommand": return searchStage(c);
    case "WhereCommand": return whereStage(c, ctx);
    case "EvalCommand": return evalStage(c, ctx);
    case "StatsCommand": return statsStage(c, ctx);
    case "RenameCommand": return renameStage(c);
    case "TableCommand": return tableStage(c);
    case "FieldsCommand": return fieldsStage(c);
    case "FieldListCommand": return fieldListStage(c);
    case "SortCommand": return sortStage(c);
    case "HeadTailCommand": return headTailStage(c, ctx);
    case "ConvertCommand": return convertStage(c);
    case "BinCommand": return binStage(c, ctx);
    case "RexCommand": return rexStage(c);
    case "RegexCommand": return regexStage(c);
    case "LookupCommand": return lookupStage(c, ctx);
    case "TopCommand": return topStage(c);
    case "MacroCommand":
      throw new SplEvalError(`the macro \`${c.macro.name}\` is not expanded (give its definition with --macros)`, commandName(c));
    case "TstatsCommand":
    case "JoinCommand":
    case "AppendCommand":
    case "GenericCommand":
      throw new SplEvalError(`the command \`${commandName(c)}\` is not supported by the evaluator`, commandName(c));
    default:
      return assertNever(c);
  }
}

function fieldListStage(c: FieldListCommand): StageFactory {
  switch (c.name) {
    case "dedup": return dedupStage(c);
    case "fillnull": return fillnullStage(c);
    case "mvexpand": return mvexpandStage(c);
    case "makemv": return makemvStage(c);
    case "spath": return spathStage(c);
    case "iplocation":
    case "transaction":
    case "inputlookup":
    case "makeresults":
    case "from":
      throw new SplEvalError(`the command \`${c.name}\` is not supported by the evaluator`, c.name);
    default:
      return assertNever(c.name);
  }
}

export type { Pipeline };
