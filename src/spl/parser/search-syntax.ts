import type { IOrAlt, IToken } from "chevrotain";
import type { FieldName, Pipeline, SearchExpr, SearchGroup, SearchOp, SearchValue, Subsearch } from "../ast.js";
import * as T from "../tokens.js";
import { SplParserBase } from "./base.js";

const OPS: Record<string, SearchOp> = { "=": "=", "==": "=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** What follows the first word of a search atom: an operator and a value, or an `IN` list. */
type AtomTail = { readonly op: IToken; readonly value: SearchValue } | { readonly values: SearchValue[] };

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

  /** `NOT* primary (OR NOT* primary)*`: NOT binds tighter than OR. */
  public searchOr = this.RULE("searchOr", (): SearchExpr => {
    const start = this.LA(1);
    const operands: SearchExpr[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Or,
      DEF: () => {
        const nots: IToken[] = [];
        this.MANY(() => nots.push(this.CONSUME(T.Not)));
        const primary = this.searchPrimary();
        operands.push(this.ACTION(() => nots.reduceRight<SearchExpr>((operand, not) => ({ type: "SearchNot", operand, loc: this.spanFrom(not) }), primary)));
      },
    });
    return this.ACTION(() =>
      operands.length === 1 ? operands[0]! : { type: "SearchOr", operands, loc: this.spanFrom(start) },
    );
  });

  private searchPrimaryAlts: IOrAlt<SearchExpr>[] | null = null;

  /**
   * A parenthesised search, a subsearch, a macro, or an atom; inlined in `searchOr` to save a rule call per term,
   * and its alternatives built once rather than on every term.
   */
  private searchPrimary(): SearchExpr {
    return this.OR((this.searchPrimaryAlts ??= [
      {
        ALT: () => {
          this.CONSUME(T.LParenSearch);
          const inner = this.SUBRULE(this.searchExpr);
          this.CONSUME(T.RParenSearch);
          return inner;
        },
      },
      { ALT: () => this.SUBRULE(this.subsearch) },
      {
        ALT: () => {
          const tok = this.CONSUME(T.Macro);
          return this.ACTION((): SearchExpr => ({ type: "SearchTerm", value: this.macroNode(tok), loc: this.tokenSpan(tok) }));
        },
      },
      { ALT: () => this.SUBRULE(this.searchAtom) },
    ]));
  }

  /** `field op value`, `field IN (…)`, or a bare term: the first word decides only after it is read. */
  public searchAtom = this.RULE("searchAtom", (): SearchExpr => {
    const start = this.LA(1);
    const head = this.SUBRULE(this.fieldName);
    const tail = this.OR((this.atomTailAlts ??= [
      {
        ALT: (): AtomTail => {
          const op = this.CONSUME(T.CompareOp);
          return { op, value: this.SUBRULE(this.searchValue) };
        },
      },
      { ALT: (): AtomTail => ({ values: this.SUBRULE(this.inList) }) },
      { ALT: () => null },
    ]));
    return this.ACTION(() => this.atomNode(start, head, tail));
  });

  private atomTailAlts: IOrAlt<AtomTail | null>[] | null = null;

  private atomNode(start: IToken, head: FieldName, tail: AtomTail | null): SearchExpr {
    if (tail === null) return { type: "SearchTerm", value: this.valueFromSource(this.sourceText(head.loc), head.loc), loc: head.loc };
    if ("values" in tail) return { type: "SearchIn", field: head, values: tail.values, loc: this.spanFrom(start) };
    return { type: "SearchCompare", field: head, op: OPS[tail.op.image] ?? "=", value: tail.value, loc: this.spanFrom(start) };
  }

  /** `IN ( value, … )`, tolerating stray commas. */
  public inList = this.RULE("inList", (): SearchValue[] => {
    this.CONSUME(T.In);
    this.CONSUME(T.LParenSearch);
    const values: SearchValue[] = [];
    this.MANY(() => {
      this.MANY5(() => this.CONSUME5(T.Comma));
      values.push(this.SUBRULE(this.searchValue));
    });
    this.MANY7(() => this.CONSUME7(T.Comma));
    this.CONSUME(T.RParenSearch);
    return values;
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
