import type { IToken, TokenType } from "chevrotain";
import type { BinaryOp, Expr } from "../ast.js";
import { decodeQuoted, decodeSingleQuoted } from "../strings.js";
import * as T from "../tokens.js";
import { SearchSyntaxParser } from "./search-syntax.js";

const COMPARE_OPS: Record<string, BinaryOp> = { "=": "=", "==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/**
 * Eval expressions (`eval`, `where`, `eval(…)` in stats), with eval's precedence, tightest first:
 * unary minus, `* / %`, `+ - .`, comparisons and LIKE/IN, NOT, AND, XOR, OR. Keywords are
 * case-insensitive here, unlike in search syntax.
 */
export abstract class ExpressionParser extends SearchSyntaxParser {
  private binary(start: IToken, op: BinaryOp, left: Expr, right: Expr): Expr {
    return { type: "Binary", op, left, right, loc: this.spanFrom(start) };
  }

  /** Parses `operand (OP operand)*` left-associatively for the given operator tokens. */
  private leftAssoc(
    operand: (idx?: number) => Expr,
    ops: readonly TokenType[],
    spell: (tok: IToken) => BinaryOp,
  ): Expr {
    const start = this.LA(1);
    let left = this.SUBRULE(operand);
    this.MANY(() => {
      const op = this.OR(ops.map((t) => ({ ALT: () => this.CONSUME(t) })));
      const right = this.SUBRULE2(operand);
      left = this.ACTION(() => this.binary(start, spell(op), left, right));
    });
    return left;
  }

  public expr = this.RULE("expr", (): Expr => this.leftAssoc(this.xorExpr, [T.ExprOr], () => "OR"));
  public xorExpr = this.RULE("xorExpr", (): Expr => this.leftAssoc(this.andExpr, [T.ExprXor], () => "XOR"));
  public andExpr = this.RULE("andExpr", (): Expr => this.leftAssoc(this.notExpr, [T.ExprAnd], () => "AND"));

  public notExpr = this.RULE("notExpr", (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const not = this.CONSUME(T.ExprNot);
          const operand = this.SUBRULE(this.notExpr);
          return this.ACTION((): Expr => ({ type: "Unary", op: "NOT", operand, loc: this.spanFrom(not) }));
        },
      },
      { ALT: () => this.SUBRULE(this.compareExpr) },
    ]);
  });

  public compareExpr = this.RULE("compareExpr", (): Expr => {
    const start = this.LA(1);
    const left = this.SUBRULE(this.addExpr);
    return this.OR([
      {
        ALT: () => {
          const op = this.OR2([{ ALT: () => this.CONSUME(T.CompareOp) }, { ALT: () => this.CONSUME(T.ExprLike) }]);
          const right = this.SUBRULE2(this.addExpr);
          return this.ACTION(() => this.binary(start, COMPARE_OPS[op.image] ?? "LIKE", left, right));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.ExprIn);
          const list = this.SUBRULE(this.argList);
          return this.ACTION((): Expr => ({ type: "InList", operand: left, list, loc: this.spanFrom(start) }));
        },
      },
      { ALT: () => left },
    ]);
  });

  public addExpr = this.RULE("addExpr", (): Expr =>
    this.leftAssoc(this.mulExpr, [T.Plus, T.Minus, T.Dot], (t) => t.image as BinaryOp),
  );

  public mulExpr = this.RULE("mulExpr", (): Expr =>
    this.leftAssoc(this.unaryExpr, [T.Star, T.Slash, T.Percent], (t) => t.image as BinaryOp),
  );

  public unaryExpr = this.RULE("unaryExpr", (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const op = this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
          const operand = this.SUBRULE(this.unaryExpr);
          return this.ACTION((): Expr => ({
            type: "Unary",
            op: op.image === "-" ? "-" : "+",
            operand,
            loc: this.spanFrom(op),
          }));
        },
      },
      { ALT: () => this.SUBRULE(this.primaryExpr) },
    ]);
  });

  public primaryExpr = this.RULE("primaryExpr", (): Expr => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParenExpr);
          const inner = this.SUBRULE(this.expr);
          this.CONSUME(T.RParenExpr);
          return inner;
        },
      },
      { GATE: () => this.LA(2).tokenType === T.LParenExpr, ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.SUBRULE(this.macroRef) },
    ]);
  });

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

  public literal = this.RULE("literal", (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.CONSUME(T.Quoted);
          return this.ACTION((): Expr => ({ type: "StringLit", raw: tok.image, value: decodeQuoted(tok.image), loc: this.tokenSpan(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.NumberLit);
          return this.ACTION((): Expr => ({ type: "NumberLit", raw: tok.image, value: Number(tok.image), loc: this.tokenSpan(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.SingleQuoted);
          return this.ACTION((): Expr => ({ type: "FieldRef", name: decodeSingleQuoted(tok.image), quoted: true, loc: this.tokenSpan(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.Identifier);
          return this.ACTION((): Expr => ({ type: "FieldRef", name: tok.image, quoted: false, loc: this.tokenSpan(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.Template);
          return this.ACTION((): Expr => ({ type: "TemplateRef", raw: tok.image, loc: this.tokenSpan(tok) }));
        },
      },
    ]);
  });
}
