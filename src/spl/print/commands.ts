import {
  assertNever, type Aggregation, type Command, type FieldAlias, type FieldListName, type GenericArg, type Option,
  type SortKey, type TstatsCommand,
} from "../ast.js";
import { printExpr } from "./expr.js";
import { printSearchExpr } from "./search.js";
import { printSubsearch } from "./subsearch.js";
import { printField, printOption, printSearchValue } from "./values.js";

/** Commands whose fields usually come before their options (`mvexpand x limit=5`). */
const FIELDS_FIRST = new Set<FieldListName>(["dedup", "mvexpand", "transaction"]);

/** Joins the non-empty parts with single spaces (a loop: this runs for every command printed). */
function words(...parts: (string | null | undefined | false)[]): string {
  let text = "";
  for (const p of parts) if (typeof p === "string" && p !== "") text = text === "" ? p : `${text} ${p}`;
  return text;
}

const options = (list: readonly Option[]): string => list.map(printOption).join(" ");
const fields = (list: readonly Parameters<typeof printField>[0][], sep = " "): string => list.map(printField).join(sep);
const aliases = (list: readonly FieldAlias[]): string => list.map(printFieldAlias).join(", ");

function printFieldAlias(pair: FieldAlias): string {
  return pair.alias ? `${printField(pair.field)} as ${printField(pair.alias)}` : printField(pair.field);
}

function printAggregation(agg: Aggregation): string {
  const args = agg.args === null ? "" : `(${agg.args.map((a) => (a.type === "FieldName" ? printField(a) : printExpr(a))).join(", ")})`;
  return agg.alias ? `${agg.fn}${args} as ${printField(agg.alias)}` : `${agg.fn}${args}`;
}

function printSortKey(key: SortKey): string {
  const field = key.fn ? `${key.fn}(${printField(key.field)})` : printField(key.field);
  return `${key.order ?? ""}${field}`;
}

function byClause(list: readonly Parameters<typeof printField>[0][]): string | null {
  return list.length ? `by ${fields(list)}` : null;
}

function printTstats(cmd: TstatsCommand): string {
  const opts = cmd.options.map((o) => (o.type === "Option" ? printOption(o) : o.raw)).join(" ");
  const from = cmd.from && `from ${cmd.from.type === "Option" ? printOption(cmd.from) : printSearchValue(cmd.from)}`;
  const where = cmd.where && `where ${printSearchExpr(cmd.where)}`;
  const by = cmd.by.length || cmd.byOptions.length ? words("by", fields(cmd.by), options(cmd.byOptions)) : null;
  return words(cmd.name, opts, cmd.aggregations.map(printAggregation).join(" "), from, where, by);
}

function printGenericArgs(args: readonly GenericArg[]): string {
  return args.map((a) => (a.type === "Subsearch" ? ` ${printSubsearch(a)}` : `${a.glued ? "" : " "}${a.raw}`)).join("");
}

export function printCommand(cmd: Command): string {
  switch (cmd.type) {
    case "SearchCommand":
      return words(cmd.explicit && "search", cmd.expr && printSearchExpr(cmd.expr));
    case "WhereCommand":
      return `where ${printExpr(cmd.expr)}`;
    case "EvalCommand":
      return `eval ${cmd.assignments.map((a) => `${a.field.quoted ? printExpr({ ...a.field, type: "FieldRef" }) : a.field.name}=${printExpr(a.value)}`).join(", ")}`;
    case "StatsCommand":
      return words(cmd.name, options(cmd.options), cmd.aggregations.map(printAggregation).join(" "), byClause(cmd.by));
    case "TstatsCommand":
      return printTstats(cmd);
    case "RenameCommand":
      return `rename ${aliases(cmd.pairs)}`;
    case "TableCommand":
      return words("table", fields(cmd.fields));
    case "FieldsCommand":
      return words("fields", cmd.mode, fields(cmd.fields));
    case "FieldListCommand":
      return FIELDS_FIRST.has(cmd.name)
        ? words(cmd.name, fields(cmd.fields), options(cmd.options))
        : words(cmd.name, options(cmd.options), fields(cmd.fields));
    case "SortCommand":
      return words("sort", cmd.limit?.toString(), cmd.keys.map(printSortKey).join(", "), cmd.desc && "desc");
    case "HeadTailCommand":
      return words(cmd.name, cmd.limit?.toString(), cmd.condition && `(${printExpr(cmd.condition)})`, options(cmd.options));
    case "ConvertCommand":
      return words("convert", options(cmd.options), cmd.conversions.map((c) => `${c.fn}(${printField(c.field)})${c.alias ? ` as ${printField(c.alias)}` : ""}`).join(" "));
    case "BinCommand":
      return words(cmd.name, printField(cmd.field), cmd.alias && `as ${printField(cmd.alias)}`, options(cmd.options));
    case "RexCommand":
      return words("rex", options(cmd.options), cmd.pattern.raw);
    case "RegexCommand":
      return words("regex", `${cmd.field ? `${printField(cmd.field)}${cmd.negated ? "!=" : "="}` : ""}${cmd.pattern.raw}`);
    case "LookupCommand":
      return words("lookup", options(cmd.options), printField(cmd.table), aliases(cmd.inputs), cmd.outputMode, aliases(cmd.outputs));
    case "JoinCommand":
      return words("join", options(cmd.options), fields(cmd.fields, ", "), printSubsearch(cmd.subsearch));
    case "AppendCommand":
      return words(cmd.name, options(cmd.options), printSubsearch(cmd.subsearch));
    case "TopCommand":
      return words(cmd.name, options(cmd.options), fields(cmd.fields), byClause(cmd.by));
    case "MacroCommand":
      return cmd.macro.raw;
    case "GenericCommand":
      return `${cmd.name}${printGenericArgs(cmd.args)}`;
    default:
      return assertNever(cmd);
  }
}
