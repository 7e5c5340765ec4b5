import type { Span } from "../diagnostics/diagnostic.js";

/**
 * The SPL abstract syntax tree. Every node has a `type` tag and a required `loc` (see `Span` for the
 * position conventions). Raw text is kept beside decoded values where printing needs it, so that
 * printing reproduces the search. Parentheses are not nodes: the printer adds them where precedence
 * needs them.
 */
interface Base {
  readonly loc: Span;
}

// ---------------------------------------------------------------- values and names

/** An unquoted search word, e.g. `*\\cmd.exe`; `value` has the backslash escapes removed. */
export interface Word extends Base {
  readonly type: "Word";
  readonly raw: string;
  readonly value: string;
}

/** A double-quoted string; `value` has `\"` and `\\` decoded. */
export interface Quoted extends Base {
  readonly type: "Quoted";
  readonly raw: string;
  readonly value: string;
}

/** A macro reference `` `name(arg1, arg2)` ``; arguments are kept as written (macros are textual). */
export interface MacroRef extends Base {
  readonly type: "MacroRef";
  readonly name: string;
  readonly args: readonly string[] | null;
  readonly raw: string;
}

/** `TERM(x)` or `CASE(x)` in search syntax. */
export interface SearchFn extends Base {
  readonly type: "SearchFn";
  readonly name: "TERM" | "CASE";
  readonly arg: Word | Quoted;
}

export type SearchValue = Word | Quoted | MacroRef | SearchFn;

/** A field name as written in search syntax or a command argument: a word or a quoted string. */
export interface FieldName extends Base {
  readonly type: "FieldName";
  readonly name: string;
  readonly quoted: boolean;
}

// ---------------------------------------------------------------- search syntax

export type SearchOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

export interface SearchCompare extends Base {
  readonly type: "SearchCompare";
  readonly field: FieldName;
  readonly op: SearchOp;
  readonly value: SearchValue;
}

export interface SearchIn extends Base {
  readonly type: "SearchIn";
  readonly field: FieldName;
  readonly values: readonly SearchValue[];
}

/** A bare term or phrase matched against `_raw`, or a macro standing as a term. */
export interface SearchTerm extends Base {
  readonly type: "SearchTerm";
  readonly value: SearchValue;
}

/** Terms joined by AND; `explicit[i]` tells whether `AND` was written before `operands[i + 1]`. */
export interface SearchAnd extends Base {
  readonly type: "SearchAnd";
  readonly operands: readonly SearchExpr[];
  readonly explicit: readonly boolean[];
}

export interface SearchOr extends Base {
  readonly type: "SearchOr";
  readonly operands: readonly SearchExpr[];
}

export interface SearchNot extends Base {
  readonly type: "SearchNot";
  readonly operand: SearchExpr;
}

export type SearchExpr = SearchCompare | SearchIn | SearchTerm | SearchAnd | SearchOr | SearchNot | Subsearch;

// ---------------------------------------------------------------- eval expressions

export interface StringLit extends Base {
  readonly type: "StringLit";
  readonly raw: string;
  readonly value: string;
}

export interface NumberLit extends Base {
  readonly type: "NumberLit";
  readonly raw: string;
  readonly value: number;
}

/** A field in an expression: bare (`user`) or single-quoted (`'Processes.dest'`). */
export interface FieldRef extends Base {
  readonly type: "FieldRef";
  readonly name: string;
  readonly quoted: boolean;
}

/** A `foreach` template such as `<<FIELD>>`. */
export interface TemplateRef extends Base {
  readonly type: "TemplateRef";
  readonly raw: string;
}

export interface Call extends Base {
  readonly type: "Call";
  readonly name: string;
  readonly args: readonly Expr[];
}

export type BinaryOp =
  | "OR" | "XOR" | "AND"
  | "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "LIKE"
  | "+" | "-" | "." | "*" | "/" | "%";

export interface Binary extends Base {
  readonly type: "Binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface Unary extends Base {
  readonly type: "Unary";
  readonly op: "NOT" | "-" | "+";
  readonly operand: Expr;
}

/** `x IN (a, b)` in an expression. */
export interface InList extends Base {
  readonly type: "InList";
  readonly operand: Expr;
  readonly list: readonly Expr[];
}

export type Expr = StringLit | NumberLit | FieldRef | TemplateRef | Call | Binary | Unary | InList | MacroRef;

// ---------------------------------------------------------------- command arguments

/** `key=value` option, e.g. `span=1h`, `field=_raw`, `max_match=10`, `startswith=(EventCode=5137)`. */
export interface Option extends Base {
  readonly type: "Option";
  readonly key: string;
  readonly value: SearchValue | SearchGroup;
}

/** A parenthesised search expression as an option value: `transaction startswith=(EventCode=5137)`. */
export interface SearchGroup extends Base {
  readonly type: "SearchGroup";
  readonly expr: SearchExpr;
}

/** An aggregation such as `count`, `dc(user)`, `min(_time) as firstTime`, `values(eval(x))`. */
export interface Aggregation extends Base {
  readonly type: "Aggregation";
  readonly fn: string;
  /** `null` for a bare `count`. */
  readonly args: readonly (FieldName | Expr)[] | null;
  readonly alias: FieldName | null;
}

/** One `x as y` pair of `rename`, a lookup field mapping or a `convert` alias. */
export interface FieldAlias extends Base {
  readonly type: "FieldAlias";
  readonly field: FieldName;
  readonly alias: FieldName | null;
}

export interface SortKey extends Base {
  readonly type: "SortKey";
  readonly order: "+" | "-" | null;
  readonly field: FieldName;
  /** `num`, `str`, `ip` or `auto` when written as `num(field)`. */
  readonly fn: string | null;
}

export interface Conversion extends Base {
  readonly type: "Conversion";
  readonly fn: string;
  readonly field: FieldName;
  readonly alias: FieldName | null;
}

export interface Assignment extends Base {
  readonly type: "Assignment";
  readonly field: FieldName;
  readonly value: Expr;
}

/** One piece of an argument list the parser has no specific grammar for, kept as written. */
export interface Atom extends Base {
  readonly type: "Atom";
  readonly raw: string;
  /** True when no space separated it from the previous atom (`ctime(x)`, `key=value`). */
  readonly glued: boolean;
}

export type GenericArg = Atom | Subsearch;

// ---------------------------------------------------------------- commands

export interface Pipeline extends Base {
  readonly type: "Pipeline";
  /** True for `| tstats …`: the first stage is written after a pipe. */
  readonly leadingPipe: boolean;
  readonly stages: readonly Command[];
  /** Triple-backtick comments, each attached after the stage it follows (-1: before the first). */
  readonly comments: readonly StageComment[];
}

export interface StageComment {
  readonly afterStage: number;
  readonly text: string;
}

export interface Subsearch extends Base {
  readonly type: "Subsearch";
  readonly pipeline: Pipeline;
}

/** The search command; `explicit` is false for the leading implicit search. */
export interface SearchCommand extends Base {
  readonly type: "SearchCommand";
  readonly explicit: boolean;
  readonly expr: SearchExpr | null;
}

export interface WhereCommand extends Base {
  readonly type: "WhereCommand";
  readonly expr: Expr;
}

export interface EvalCommand extends Base {
  readonly type: "EvalCommand";
  readonly assignments: readonly Assignment[];
}

export type StatsName = "stats" | "eventstats" | "streamstats";

export interface StatsCommand extends Base {
  readonly type: "StatsCommand";
  readonly name: StatsName;
  readonly options: readonly Option[];
  readonly aggregations: readonly Aggregation[];
  readonly by: readonly FieldName[];
}

/** `tstats`/`mstats`: options, aggregations, `from datamodel=X.Y`, a search-syntax `where`, `by` with `span=`. */
export interface TstatsCommand extends Base {
  readonly type: "TstatsCommand";
  readonly name: "tstats" | "mstats";
  readonly options: readonly (Option | MacroRef)[];
  readonly aggregations: readonly Aggregation[];
  readonly from: Option | SearchValue | null;
  readonly where: SearchExpr | null;
  readonly by: readonly FieldName[];
  readonly byOptions: readonly Option[];
}

export interface RenameCommand extends Base {
  readonly type: "RenameCommand";
  readonly pairs: readonly FieldAlias[];
}

export interface TableCommand extends Base {
  readonly type: "TableCommand";
  readonly fields: readonly FieldName[];
}

export interface FieldsCommand extends Base {
  readonly type: "FieldsCommand";
  readonly mode: "+" | "-" | null;
  readonly fields: readonly FieldName[];
}

/** Commands of the shape `name [options] [fields]`: dedup, fillnull, mvexpand, makemv, spath, iplocation, transaction, inputlookup, makeresults, from. */
export type FieldListName =
  | "dedup" | "fillnull" | "mvexpand" | "makemv" | "spath" | "iplocation" | "transaction"
  | "inputlookup" | "makeresults" | "from";

export interface FieldListCommand extends Base {
  readonly type: "FieldListCommand";
  readonly name: FieldListName;
  readonly options: readonly Option[];
  readonly fields: readonly FieldName[];
}

export interface SortCommand extends Base {
  readonly type: "SortCommand";
  readonly limit: number | null;
  readonly keys: readonly SortKey[];
  readonly desc: boolean;
}

export interface HeadTailCommand extends Base {
  readonly type: "HeadTailCommand";
  readonly name: "head" | "tail";
  readonly limit: number | null;
  /** `head (<eval-expression>)`: results while it holds. */
  readonly condition: Expr | null;
  readonly options: readonly Option[];
}

export interface ConvertCommand extends Base {
  readonly type: "ConvertCommand";
  readonly options: readonly Option[];
  readonly conversions: readonly Conversion[];
}

export interface BinCommand extends Base {
  readonly type: "BinCommand";
  readonly name: "bin" | "bucket";
  readonly options: readonly Option[];
  readonly field: FieldName;
  readonly alias: FieldName | null;
}

export interface RexCommand extends Base {
  readonly type: "RexCommand";
  readonly options: readonly Option[];
  readonly pattern: Quoted;
}

/** `regex [field=|field!=]"pattern"`. */
export interface RegexCommand extends Base {
  readonly type: "RegexCommand";
  readonly field: FieldName | null;
  readonly negated: boolean;
  readonly pattern: Quoted;
}

export interface LookupCommand extends Base {
  readonly type: "LookupCommand";
  readonly options: readonly Option[];
  readonly table: FieldName;
  readonly inputs: readonly FieldAlias[];
  readonly outputMode: "OUTPUT" | "OUTPUTNEW" | null;
  readonly outputs: readonly FieldAlias[];
}

export interface JoinCommand extends Base {
  readonly type: "JoinCommand";
  readonly options: readonly Option[];
  readonly fields: readonly FieldName[];
  readonly subsearch: Subsearch;
}

export interface AppendCommand extends Base {
  readonly type: "AppendCommand";
  readonly name: "append" | "appendpipe";
  readonly options: readonly Option[];
  readonly subsearch: Subsearch;
}

export interface TopCommand extends Base {
  readonly type: "TopCommand";
  readonly name: "top" | "rare";
  readonly options: readonly Option[];
  readonly fields: readonly FieldName[];
  readonly by: readonly FieldName[];
}

/** A macro standing as a whole pipeline stage: `` | `security_content_ctime(firstTime)` ``. */
export interface MacroCommand extends Base {
  readonly type: "MacroCommand";
  readonly macro: MacroRef;
}

/** Any other command, kept losslessly as its argument atoms and subsearches. */
export interface GenericCommand extends Base {
  readonly type: "GenericCommand";
  readonly name: string;
  readonly args: readonly GenericArg[];
}

export type Command =
  | SearchCommand | WhereCommand | EvalCommand | StatsCommand | TstatsCommand | RenameCommand
  | TableCommand | FieldsCommand | FieldListCommand | SortCommand | HeadTailCommand | ConvertCommand
  | BinCommand | RexCommand | RegexCommand | LookupCommand | JoinCommand | AppendCommand | TopCommand
  | MacroCommand | GenericCommand;

export type SplNode =
  | Pipeline | Command | SearchExpr | Expr | SearchValue | SearchGroup | FieldName | Option | Aggregation
  | FieldAlias | SortKey | Conversion | Assignment | Atom;

export function assertNever(x: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(x)}`);
}
