import { EmbeddedActionsParser, type IToken } from "chevrotain";
import type { ConditionExpr } from "./ast.js";
import { All, And, Count, Identifier, LParen, Not, Of, Or, RParen, Them, conditionTokens } from "./tokens.js";

const end = (token: IToken): number => token.startOffset + token.image.length;

/**
 * Sigma condition grammar, loosest to tightest: or, and, not, `x of`, parentheses.
 * Embedded actions build the tree directly: the grammar is small enough not to need a CST layer.
 */
class ConditionParser extends EmbeddedActionsParser {
  constructor() {
    super(conditionTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  readonly condition = this.RULE("condition", (): ConditionExpr => this.SUBRULE(this.orExpr));

  private readonly orExpr = this.RULE("orExpr", (): ConditionExpr => {
    const operands = [this.SUBRULE(this.andExpr)];
    this.MANY(() => {
      this.CONSUME(Or);
      operands.push(this.SUBRULE2(this.andExpr));
    });
    return this.ACTION(() => joined("ConditionOr", operands));
  });

  private readonly andExpr = this.RULE("andExpr", (): ConditionExpr => {
    const operands = [this.SUBRULE(this.notExpr)];
    this.MANY(() => {
      this.CONSUME(And);
      operands.push(this.SUBRULE2(this.notExpr));
    });
    return this.ACTION(() => joined("ConditionAnd", operands));
  });

  private readonly notExpr = this.RULE("notExpr", (): ConditionExpr =>
    this.OR([
      {
        ALT: () => {
          const not = this.CONSUME(Not);
          const operand = this.SUBRULE(this.notExpr);
          return this.ACTION((): ConditionExpr => ({ type: "ConditionNot", operand, start: not.startOffset, end: operand.end }));
        },
      },
      { ALT: () => this.SUBRULE(this.atom) },
    ]),
  );

  private readonly atom = this.RULE("atom", (): ConditionExpr =>
    this.OR([
      { ALT: () => this.SUBRULE(this.group) },
      { ALT: () => this.SUBRULE(this.selector) },
      {
        ALT: () => {
          const id = this.CONSUME(Identifier);
          return this.ACTION((): ConditionExpr => ({ type: "ConditionIdentifier", name: id.image, start: id.startOffset, end: end(id) }));
        },
      },
    ]),
  );

  private readonly group = this.RULE("group", (): ConditionExpr => {
    this.CONSUME(LParen);
    const inner = this.SUBRULE(this.orExpr);
    this.CONSUME(RParen);
    return inner;
  });

  private readonly selector = this.RULE("selector", (): ConditionExpr => {
    const quantifier = this.OR([{ ALT: () => this.CONSUME(Count) }, { ALT: () => this.CONSUME(All) }]);
    this.CONSUME(Of);
    const target = this.OR2([{ ALT: () => this.CONSUME(Them) }, { ALT: () => this.CONSUME(Identifier) }]);
    return this.ACTION(
      (): ConditionExpr => ({
        type: "ConditionSelector",
        quantifier: quantifier.tokenType === All ? "all" : "one",
        pattern: target.tokenType === Them ? null : target.image,
        start: quantifier.startOffset,
        end: end(target),
      }),
    );
  });
}

function joined(type: "ConditionOr" | "ConditionAnd", operands: ConditionExpr[]): ConditionExpr {
  if (operands.length === 1) return operands[0]!;
  return { type, operands, start: operands[0]!.start, end: operands.at(-1)!.end };
}

/** One parser for the process (Chevrotain parsers are reusable and costly to build). */
export const conditionParser = new ConditionParser();
