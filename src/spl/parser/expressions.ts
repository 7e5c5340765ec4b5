import type { IOrAlt, IToken, TokenType } from "chevrotain";
import type { BinaryOp, Expr } from "../ast.js";
import { decodeQuoted, decodeSingleQuoted } from "../strings.js";
import * as T from "../tokens.js";
import { foldExpression, type ExprItem } from "./fold-expression.js";
import { SearchSyntaxParser } from "./search-syntax.js";

const KEYWORD_OPS: Record<string, BinaryOp> = { AND: "AND", OR: "OR", XOR: "XOR", LIKE: "LIKE" };

/** Operator tokens spell their operator, except keywords, which are case-insensitive. */
function infixOp(tok: IToken): BinaryOp {
  return KEYWORD_OPS[tok.image.toUpperCase()] ?? (tok.image as BinaryOp);
}

/**
 * Eval expressions (`eval`, `where`, `eval(…)` in stats), with eval's precedence (see precedence.ts):
 * read as a flat sequence of operands and operators, then folded into a tree. Keywords are
 * case-insensitive here, unlike in search syntax.
 */
export abstract class ExpressionParser extends SearchSyntaxParser {
  public expr = this.RULE("expr", (): Expr => {
    const items: ExprItem[] = [];
    this.SUBRULE(this.operandChain, { ARGS: [items] });
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.CONSUME(T.InfixOp);
            items.push({ kind: "infix", op: this.ACTION(() => infixOp(op)) });
            this.SUBRULE2(this.operandChain, { ARGS: [items] });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.ExprIn);
            const list = this.SUBRULE(this.argList);
            this.ACTION(() => items.push({ kind: "in", list, end: this.tokenSpan(this.LA(0)) }));
          },
        },
      ]);
    });
    return this.ACTION(() => foldExpression(items, (a, b) => ({ start: a.start, end: b.end }), (t) => this.tokenSpan(t)));
  });

  /**
   * Prefix operators (`NOT`, `-`, `+`) and one operand, appended to `items`. The operand and literal
   * grammars are methods inlined here, not rules: this runs for every operand, and a rule call costs more
   * than the rest of a literal.
   */
  public operandChain = this.RULE("operandChain", (items: ExprItem[]): void => {
    this.MANY(() => {
      const tok = this.OR((this.prefixAlts ??= [
        { ALT: () => this.CONSUME(T.ExprNot) },
        { ALT: () => this.CONSUME(T.Minus) },
        { ALT: () => this.CONSUME(T.Plus) },
      ]));
      this.ACTION(() => items.push({ kind: "prefix", op: tok.tokenType === T.ExprNot ? "NOT" : tok.image === "-" ? "-" : "+", tok }));
    });
    const expr = this.primaryExpr();
    this.ACTION(() => items.push({ kind: "operand", expr }));
  });

  // Built once: alternatives that use nothing but the parser.
  private prefixAlts: IOrAlt<IToken>[] | null = null;
  private operandAlts: IOrAlt<Expr>[] | null = null;
  private literalAlts: IOrAlt<Expr>[] | null = null;

  private primaryExpr(): Expr {
    return this.OR2((this.operandAlts ??= [
      {
        ALT: () => {
          this.CONSUME(T.LParenExpr);
          const inner = this.SUBRULE(this.expr);
          this.CONSUME(T.RParenExpr);
          return inner;
        },
      },
      { GATE: () => this.LA(2).tokenType === T.LParenExpr, ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.literal() },
      { ALT: () => this.SUBRULE(this.macroRef) },
    ]));
  }

  private literal(): Expr {
    return this.OR3((this.literalAlts ??= [
      this.literalAlt(T.Quoted, (tok) => ({ type: "StringLit", raw: tok.image, value: decodeQuoted(tok.image), loc: this.tokenSpan(tok) })),
      this.literalAlt(T.NumberLit, (tok) => ({ type: "NumberLit", raw: tok.image, value: Number(tok.image), loc: this.tokenSpan(tok) })),
      this.literalAlt(T.SingleQuoted, (tok) => ({ type: "FieldRef", name: decodeSingleQuoted(tok.image), quoted: true, loc: this.tokenSpan(tok) })),
      this.literalAlt(T.Identifier, (tok) => ({ type: "FieldRef", name: tok.image, quoted: false, loc: this.tokenSpan(tok) })),
      this.literalAlt(T.Template, (tok) => ({ type: "TemplateRef", raw: tok.image, loc: this.tokenSpan(tok) })),
    ]));
  }

  /** One token of `type`, made into an expression by `build`. */
  private literalAlt(type: TokenType, build: (tok: IToken) => Expr): IOrAlt<Expr> {
    return {
      ALT: () => {
        const tok = this.CONSUME(type);
        return this.ACTION(() => build(tok));
      },
    };
  }

  public call = this.RULE("call", (): Expr => {
    const name = this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.ExprLike) },
      { ALT: () => this.CONSUME(T.ExprIn) },
    ]);
    const args = this.SUBRULE(this.argList);
    return this.ACTION((): Expr => ({ type: "Call", name: name.image, args, loc: this.spanFrom(name) }));
  });

  /** `( expr, expr, … )`, possibly empty. */
  public argList = this.RULE("argList", (): Expr[] => {
    const args: Expr[] = [];
    this.CONSUME(T.LParenExpr);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.expr)) });
    this.CONSUME(T.RParenExpr);
    return args;
  });
}
