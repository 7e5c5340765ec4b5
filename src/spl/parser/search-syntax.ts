import type { IToken } from "chevrotain";
import type { Pipeline, SearchExpr, SearchGroup, SearchOp, SearchValue, Subsearch } from "../ast.js";
import * as T from "../tokens.js";
import { SplParserBase } from "./base.js";

const OPS: Record<string, SearchOp> = { "=": "=", "==": "=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/**
 * Search syntax, with SPL's precedence for the search command: parentheses, then NOT, then OR, then AND
 * (explicit or implied by juxtaposition), so `a OR b c` is `(a OR b) AND c`.
 */
export abstract class SearchSyntaxParser extends SplParserBase {
  /** Set while parsing a tstats/mstats `where`, whose search ends at `by`. */
  protected stopAtBy = false;

  /** Filled in by the pipeline parser: a subsearch body. */
  public abstract pipelineBody: (idx?: number) => Pipeline;

  protected searchTermAhead(): boolean {
    const t = this.LA(1).tokenType;
    if (t === undefined || t === T.Pipe || this.isPipeOrEnd(this.LA(1))) return false;
    return !(this.stopAtBy && t === T.By);
  }

  private isPipeOrEnd(tok: IToken): boolean {
    const t = tok.tokenType;
    return t === T.PipeSearch || t === T.PipeExpr || t === T.RBracketSearch || t === T.RBracketExpr || t.name === "EOF";
  }

  public searchExpr = this.RULE("searchExpr", (): SearchExpr => {
    const start = this.LA(1);
    const operands: SearchExpr[] = [this.SUBRULE(this.searchOr)];
    const explicit: boolean[] = [];
    this.MANY({
      GATE: () => this.searchTermAhead() && this.LA(1).tokenType !== T.RParenSearch,
      DEF: () => {
        const and = this.OPTION(() => this.CONSUME(T.And));
        explicit.push(and !== undefined);
        operands.push(this.SUBRULE2(this.searchOr));
      },
    });
    return this.ACTION(() =>
      operands.length === 1 ? operands[0]! : { type: "SearchAnd", operands, explicit, loc: this.spanFrom(start) },
    );
  });

  public searchOr = this.RULE("searchOr", (): SearchExpr => {
    const start = this.LA(1);
    const operands: SearchExpr[] = [this.SUBRULE(this.searchNot)];
    this.MANY(() => {
      this.CONSUME(T.Or);
      operands.push(this.SUBRULE2(this.searchNot));
    });
    return this.ACTION(() =>
      operands.length === 1 ? operands[0]! : { type: "SearchOr", operands, loc: this.spanFrom(start) },
    );
  });

  public searchNot = this.RULE("searchNot", (): SearchExpr => {
    return this.OR([
      {
        ALT: () => {
          const not = this.CONSUME(T.Not);
          const operand = this.SUBRULE(this.searchNot);
          return this.ACTION((): SearchExpr => ({ type: "SearchNot", operand, loc: this.spanFrom(not) }));
        },
      },
      { ALT: () => this.SUBRULE(this.searchPrimary) },
    ]);
  });

  public searchPrimary = this.RULE("searchPrimary", (): SearchExpr => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParenSearch);
          const inner = this.SUBRULE(this.searchExpr);
          this.CONSUME(T.RParenSearch);
          return inner;
        },
      },
      { ALT: () => this.SUBRULE(this.subsearch) },
      { GATE: () => this.LA(2).tokenType === T.In, ALT: () => this.SUBRULE(this.searchIn) },
      { GATE: () => this.compareAhead(), ALT: () => this.SUBRULE(this.searchCompare) },
      { GATE: () => !(this.stopAtBy && this.LA(1).tokenType === T.By), ALT: () => this.SUBRULE(this.searchTerm) },
    ]);
  });

  private compareAhead(): boolean {
    const t = this.LA(1).tokenType;
    const isName = this.isWordToken(t) || t === T.Quoted;
    return isName && this.LA(2).tokenType !== undefined && (this.LA(2).tokenType.CATEGORIES ?? []).includes(T.CompareOp);
  }

  public searchCompare = this.RULE("searchCompare", (): SearchExpr => {
    const start = this.LA(1);
    const field = this.SUBRULE(this.fieldName);
    const op = this.CONSUME(T.CompareOp);
    const value = this.SUBRULE(this.searchValue);
    return this.ACTION((): SearchExpr => ({
      type: "SearchCompare",
      field,
      op: OPS[op.image] ?? "=",
      value,
      loc: this.spanFrom(start),
    }));
  });

  public searchIn = this.RULE("searchIn", (): SearchExpr => {
    const start = this.LA(1);
    const field = this.SUBRULE(this.fieldName);
    this.CONSUME(T.In);
    this.CONSUME(T.LParenSearch);
    const values: SearchValue[] = [];
    this.MANY(() => {
      this.MANY5(() => this.CONSUME5(T.Comma));
      values.push(this.SUBRULE(this.searchValue));
    });
    this.MANY7(() => this.CONSUME7(T.Comma));
    this.CONSUME(T.RParenSearch);
    return this.ACTION((): SearchExpr => ({ type: "SearchIn", field, values, loc: this.spanFrom(start) }));
  });

  public searchTerm = this.RULE("searchTerm", (): SearchExpr => {
    const value = this.SUBRULE(this.searchValue);
    return this.ACTION((): SearchExpr => ({ type: "SearchTerm", value, loc: value.loc }));
  });

  public searchGroup = this.RULE("searchGroup", (): SearchGroup => {
    const open = this.CONSUME(T.LParenSearch);
    const expr = this.SUBRULE(this.searchExpr);
    this.CONSUME(T.RParenSearch);
    return this.ACTION((): SearchGroup => ({ type: "SearchGroup", expr, loc: this.spanFrom(open) }));
  });

  public subsearch = this.RULE("subsearch", (): Subsearch => {
    const open = this.CONSUME(T.LBracket);
    const pipeline = this.SUBRULE(this.pipelineBody);
    this.CONSUME(T.RBracket);
    return this.ACTION((): Subsearch => ({ type: "Subsearch", pipeline, loc: this.spanFrom(open) }));
  });
}
