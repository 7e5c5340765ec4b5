import type { Aggregation, Expr, FieldName, MacroRef, Option, SearchValue, StatsCommand, StatsName, TstatsCommand } from "../ast.js";
import * as T from "../tokens.js";
import { ExpressionParser } from "./expressions.js";

/** The stats family: stats, eventstats, streamstats, and the generating tstats/mstats. */
export abstract class AggregationParser extends ExpressionParser {
  /** `fn`, `fn(arg, …)` or `fn(eval(expr))`, then an optional `as alias`. */
  public aggregation = this.RULE("aggregation", (): Aggregation => {
    const name = this.CONSUME(T.WordLike);
    let args: (FieldName | Expr)[] | null = null;
    this.OPTION(() => {
      this.CONSUME(T.LParenSearch);
      args = [];
      this.MANY_SEP({ SEP: T.Comma, DEF: () => args!.push(this.SUBRULE(this.aggregationArg)) });
      this.CONSUME(T.RParenSearch);
    });
    const alias = this.OPTION2(() => {
      this.CONSUME(T.As);
      return this.SUBRULE(this.fieldName);
    });
    return this.ACTION((): Aggregation => ({
      type: "Aggregation",
      fn: name.image,
      args,
      alias: alias ?? null,
      loc: this.spanFrom(name),
    }));
  });

  public aggregationArg = this.RULE("aggregationArg", (): FieldName | Expr => {
    return this.OR([
      {
        GATE: () => this.LA(2).tokenType === T.EvalLParen,
        ALT: () => {
          const name = this.CONSUME(T.Word);
          this.CONSUME(T.EvalLParen);
          const inner = this.SUBRULE(this.expr);
          this.CONSUME(T.RParenExpr);
          return this.ACTION((): Expr => ({ type: "Call", name: name.image, args: [inner], loc: this.spanFrom(name) }));
        },
      },
      { ALT: () => this.SUBRULE(this.fieldName) },
    ]);
  });

  public aggregationList = this.RULE("aggregationList", (): Aggregation[] => {
    const aggs: Aggregation[] = [];
    this.MANY({
      GATE: () => {
        const next = this.pastCommas();
        const word = next.image.toLowerCase();
        return next.tokenType !== T.By && next.tokenType !== T.As && word !== "from" && word !== "where";
      },
      DEF: () => {
        this.MANY5(() => this.CONSUME5(T.Comma));
        aggs.push(this.SUBRULE(this.aggregation));
      },
    });
    this.MANY7(() => this.CONSUME7(T.Comma));
    return aggs;
  });

  protected byAhead(): boolean {
    return this.LA(1).tokenType === T.By;
  }

  /** `by a, b c` — the fields, and options met on the way (`span=1h`) where `allowOptions`. */
  public byClause = this.RULE("byClause", (allowOptions: boolean): { fields: FieldName[]; options: Option[] } => {
    const fields: FieldName[] = [];
    const options: Option[] = [];
    this.OPTION(() => {
      this.CONSUME(T.By);
      this.AT_LEAST_ONE(() => {
        this.MANY6(() => this.CONSUME6(T.Comma));
        this.OR([
          { GATE: () => allowOptions && this.optionAhead(), ALT: () => options.push(this.SUBRULE(this.keyValue)) },
          { ALT: () => fields.push(this.SUBRULE(this.fieldName)) },
        ]);
      });
      this.MANY7(() => this.CONSUME7(T.Comma));
    });
    return { fields, options };
  });

  public stats = this.RULE("stats", (): StatsCommand => {
    const name = this.CONSUME(T.WordLike);
    const options: Option[] = [];
    this.MANY(() => options.push(this.SUBRULE(this.keyValue)));
    const aggregations = this.SUBRULE(this.aggregationList);
    const by = this.SUBRULE(this.byClause, { ARGS: [false] });
    return this.ACTION((): StatsCommand => ({
      type: "StatsCommand",
      name: name.image.toLowerCase() as StatsName,
      options,
      aggregations,
      by: by.fields,
      loc: this.spanFrom(name),
    }));
  });

  public tstats = this.RULE("tstats", (): TstatsCommand => {
    const name = this.CONSUME(T.WordLike);
    const options: (Option | MacroRef)[] = [];
    this.MANY(() =>
      this.OR([{ ALT: () => options.push(this.SUBRULE(this.keyValue)) }, { ALT: () => options.push(this.SUBRULE(this.macroRef)) }]),
    );
    const aggregations = this.SUBRULE(this.aggregationList);
    const from = this.OPTION({ GATE: () => this.nextIs("from"), DEF: () => this.SUBRULE(this.tstatsFrom) }) ?? null;
    const where = this.OPTION2({ GATE: () => this.nextIs("where"), DEF: () => this.SUBRULE(this.tstatsWhere) }) ?? null;
    const by = this.SUBRULE(this.byClause, { ARGS: [true] });
    return this.ACTION((): TstatsCommand => ({
      type: "TstatsCommand",
      name: name.image.toLowerCase() === "mstats" ? "mstats" : "tstats",
      options,
      aggregations,
      from,
      where,
      by: by.fields,
      byOptions: by.options,
      loc: this.spanFrom(name),
    }));
  });

  /** `from datamodel=X.Y`, or `from X` as a plain value. */
  public tstatsFrom = this.RULE("tstatsFrom", (): Option | SearchValue => {
    this.CONSUME(T.Word);
    return this.OR([
      { GATE: () => this.optionAhead(), ALT: () => this.SUBRULE(this.keyValue) },
      { ALT: () => this.SUBRULE(this.searchValue) },
    ]);
  });

  public tstatsWhere = this.RULE("tstatsWhere", () => {
    this.CONSUME(T.Word);
    const saved = this.stopAtBy;
    this.ACTION(() => (this.stopAtBy = true));
    // `where by …` has no condition: refuse it here rather than read `by` as a search term.
    const expr = this.OR([{ GATE: () => this.LA(1).tokenType !== T.By, ALT: () => this.SUBRULE(this.searchExpr) }]);
    this.ACTION(() => (this.stopAtBy = saved));
    return expr;
  });
}
