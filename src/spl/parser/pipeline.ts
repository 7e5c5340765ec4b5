import { tokenMatcher, type ILookaheadStrategy, type IOrAlt } from "chevrotain";
import type {
  AppendCommand, Atom, Command, FieldName, GenericArg, GenericCommand, JoinCommand, MacroCommand, Option, Pipeline,
  SearchCommand,
} from "../ast.js";
import * as T from "../tokens.js";
import { CommandParser } from "./commands.js";

/** Commands that may open a subsearch body without a leading pipe: `[search …]`, `[inputlookup …]`. */
const SUBSEARCH_LEADING_COMMANDS = new Set([
  "search", "tstats", "mstats", "inputlookup", "inputcsv", "summary", "makeresults", "from", "rest", "metadata",
  "datamodel", "multisearch",
]);

const FIELD_LIST_COMMANDS = new Set([
  "dedup", "fillnull", "mvexpand", "makemv", "spath", "iplocation", "transaction", "inputlookup", "makeresults", "from",
]);

/** The pipeline: stages separated by `|`, with subsearches in `[ … ]`. The root of the grammar. */
export class SplParser extends CommandParser {
  public search = this.RULE("search", (): Pipeline => {
    const pipeline = this.SUBRULE(this.pipelineBody);
    return pipeline;
  });

  public pipelineBody = this.RULE("pipelineBody", (): Pipeline => {
    const start = this.LA(1);
    const stages: Command[] = [];
    const leadingPipe = this.OPTION(() => this.CONSUME(T.Pipe)) !== undefined;
    stages.push(this.SUBRULE(this.firstStage, { ARGS: [leadingPipe] }));
    this.MANY(() => {
      this.CONSUME2(T.Pipe);
      stages.push(this.SUBRULE(this.command));
    });
    return this.ACTION((): Pipeline => ({ type: "Pipeline", leadingPipe, stages, comments: [], loc: this.spanFrom(start) }));
  });

  /**
   * After a leading pipe, a command; in a subsearch, a known generating command; a leading word `search` is the
   * search command written out (as Splunk reads `search index=main`); else the implicit search.
   */
  public firstStage = this.RULE("firstStage", (leadingPipe: boolean): Command => {
    return this.OR([
      { GATE: () => leadingPipe || this.commandAheadInSubsearch() || this.explicitSearchAhead(), ALT: () => this.SUBRULE(this.command) },
      { ALT: () => this.SUBRULE(this.implicitSearch) },
    ]);
  });

  private commandAheadInSubsearch(): boolean {
    const tok = this.LA(1);
    if (tok.tokenType === T.ExprCommand) return true;
    return this.LA(0).tokenType === T.LBracket && SUBSEARCH_LEADING_COMMANDS.has(tok.image.toLowerCase());
  }

  /** `search foo`, not the field comparison `search=foo`. */
  private explicitSearchAhead(): boolean {
    const tok = this.LA(1);
    return tok.tokenType === T.Word && tok.image.toLowerCase() === "search" && !tokenMatcher(this.LA(2), T.CompareOp);
  }

  public implicitSearch = this.RULE("implicitSearch", (): SearchCommand => {
    const start = this.LA(1);
    const expr = this.OPTION(() => this.SUBRULE(this.searchExpr)) ?? null;
    return this.ACTION((): SearchCommand => ({ type: "SearchCommand", explicit: false, expr, loc: this.spanFrom(start) }));
  });

  /**
   * Every command name with a grammar of its own, to the number of its alternative in `command` (`where` and
   * `eval` to -1: they are `ExprCommand` tokens). A malformed one is an error, never a generic command.
   */
  private readonly firstClass = new Map<string, number>([["where", -1], ["eval", -1]]);

  /** The alternative the name ahead chooses, looked up once per token for all the command gates (which run in turn). */
  private choiceAheadToken: unknown = null;
  private choiceAheadIndex: number | undefined;

  private choiceAhead(): number | undefined {
    const tok = this.LA(1);
    if (tok !== this.choiceAheadToken) {
      this.choiceAheadToken = tok;
      this.choiceAheadIndex = this.firstClass.get(tok.image.toLowerCase());
    }
    return this.choiceAheadIndex;
  }

  private namedCount = 0;

  private named(names: readonly string[], rule: () => Command): IOrAlt<Command> {
    const index = this.namedCount++;
    // The first grammar to claim a name keeps it, as when each gate tested its own set of names.
    for (const n of names) if (!this.firstClass.has(n)) this.firstClass.set(n, index);
    return { GATE: () => this.choiceAhead() === index, ALT: rule };
  }

  /** Built once: the alternatives of `command`, one per command grammar, in the order they are tried. */
  private commandAlternatives: IOrAlt<Command>[] | null = null;

  private alternatives(): IOrAlt<Command>[] {
    return (this.commandAlternatives ??= [
      { GATE: () => this.LA(1).tokenType === T.ExprCommand && this.LA(1).image.toLowerCase() === "where", ALT: () => this.SUBRULE(this.whereCommand) },
      { GATE: () => this.LA(1).tokenType === T.ExprCommand, ALT: () => this.SUBRULE(this.evalCommand) },
      { ALT: () => this.SUBRULE(this.macroCommand) },
      this.named(["search"], () => this.SUBRULE(this.searchCommand)),
      this.named(["stats", "eventstats", "streamstats"], () => this.SUBRULE(this.stats)),
      this.named(["tstats", "mstats"], () => this.SUBRULE(this.tstats)),
      this.named(["rename"], () => this.SUBRULE(this.renameCommand)),
      this.named(["table"], () => this.SUBRULE(this.tableCommand)),
      this.named(["fields"], () => this.SUBRULE(this.fieldsCommand)),
      this.named([...FIELD_LIST_COMMANDS], () => this.SUBRULE(this.fieldListCommand)),
      this.named(["sort"], () => this.SUBRULE(this.sortCommand)),
      this.named(["head", "tail"], () => this.SUBRULE(this.headTailCommand)),
      this.named(["convert"], () => this.SUBRULE(this.convertCommand)),
      this.named(["bin", "bucket"], () => this.SUBRULE(this.binCommand)),
      this.named(["rex"], () => this.SUBRULE(this.rexCommand)),
      this.named(["regex"], () => this.SUBRULE(this.regexCommand)),
      this.named(["lookup"], () => this.SUBRULE(this.lookupCommand)),
      this.named(["join"], () => this.SUBRULE(this.joinCommand)),
      this.named(["append", "appendpipe"], () => this.SUBRULE(this.appendCommand)),
      this.named(["top", "rare"], () => this.SUBRULE(this.topCommand)),
      { GATE: () => this.choiceAhead() === undefined, ALT: () => this.SUBRULE(this.genericCommand) },
    ]);
  }

  /** The command name alone decides (LL(1) plus a gate), so that errors come from inside the command's own rule. */
  public command = this.RULE("command", (): Command =>
    this.OR({ MAX_LOOKAHEAD: 1, IGNORE_AMBIGUITIES: true, DEF: this.alternatives() }),
  );

  /** A macro as a whole stage, the usual closing `` `x_filter` ``: its token is read here, saving a rule call. */
  public macroCommand = this.RULE("macroCommand", (): MacroCommand => {
    const tok = this.CONSUME(T.Macro);
    return this.ACTION((): MacroCommand => {
      const macro = this.macroNode(tok);
      return { type: "MacroCommand", macro, loc: macro.loc };
    });
  });

  public joinCommand = this.RULE("joinCommand", (): JoinCommand => {
    const name = this.CONSUME(T.WordLike);
    const options: Option[] = [];
    const fields: FieldName[] = [];
    this.MANY(() => {
      this.OR([
        { GATE: () => this.optionAhead(), ALT: () => options.push(this.SUBRULE(this.keyValue)) },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => fields.push(this.SUBRULE(this.fieldName)) },
      ]);
    });
    const subsearch = this.SUBRULE(this.subsearch);
    return this.ACTION((): JoinCommand => ({ type: "JoinCommand", options, fields, subsearch, loc: this.spanFrom(name) }));
  });

  public appendCommand = this.RULE("appendCommand", (): AppendCommand => {
    const name = this.CONSUME(T.WordLike);
    const options: Option[] = [];
    this.MANY(() => options.push(this.SUBRULE(this.keyValue)));
    const subsearch = this.SUBRULE(this.subsearch);
    return this.ACTION((): AppendCommand => ({
      type: "AppendCommand",
      name: name.image.toLowerCase() === "appendpipe" ? "appendpipe" : "append",
      options,
      subsearch,
      loc: this.spanFrom(name),
    }));
  });

  /** Any other command: its arguments are kept token by token, subsearches parsed. */
  public genericCommand = this.RULE("genericCommand", (): GenericCommand => {
    const name = this.CONSUME(T.WordLike);
    const args: GenericArg[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => args.push(this.SUBRULE(this.subsearch)) },
        { ALT: () => args.push(this.SUBRULE(this.atom)) },
      ]);
    });
    return this.ACTION((): GenericCommand => ({ type: "GenericCommand", name: name.image, args, loc: this.spanFrom(name) }));
  });

  public atom = this.RULE("atom", (): Atom => {
    const glued = this.nextIsGlued();
    const tok = this.CONSUME(T.AtomToken);
    return this.ACTION((): Atom => ({ type: "Atom", raw: tok.image, glued, loc: this.tokenSpan(tok) }));
  });

  constructor(validate = false, lookahead?: ILookaheadStrategy) {
    super(validate, lookahead);
    this.performSelfAnalysis();
  }
}
