import { createSyntaxDiagramsCode, type IRecognitionException, type IToken } from "chevrotain";
import type { ConditionExpr } from "./ast.js";
import { conditionParser } from "./parser.js";
import { conditionLexer, Count, Pipe } from "./tokens.js";

/** A fault in a condition string; offsets point into that string. */
export interface ConditionError {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly hints?: readonly string[];
}

export interface ConditionParse {
  readonly expr: ConditionExpr | null;
  readonly errors: readonly ConditionError[];
}

const UPPER_OPERATOR = /^(AND|OR|NOT|OF|ALL|THEM|And|Or|Not|Of|All|Them)$/;

/** Parses one condition string; never throws. */
export function parseCondition(text: string): ConditionParse {
  const lexed = conditionLexer.tokenize(text);
  const pipe = lexed.tokens.find((t) => t.tokenType === Pipe);
  if (pipe) return { expr: null, errors: [aggregationError(pipe, text)] };
  if (lexed.errors.length > 0) {
    const first = lexed.errors[0]!;
    const char = text.slice(first.offset, first.offset + first.length);
    return { expr: null, errors: [{ code: "SIG3001", message: `unexpected character '${char}' in condition`, start: first.offset, end: first.offset + first.length }] };
  }
  conditionParser.input = lexed.tokens;
  const expr = conditionParser.condition();
  const syntax = conditionParser.errors.slice(0, 1).map((e) => syntaxError(e, text));
  return { expr: syntax.length ? null : expr, errors: [...syntax, ...badCounts(lexed.tokens)] };
}

function aggregationError(pipe: IToken, text: string): ConditionError {
  return {
    code: "SIG3006",
    message: "aggregations in the condition (`| count() …`) are not Sigma 2 syntax",
    start: pipe.startOffset,
    end: text.length,
    hints: ["write a correlation rule (event_count, value_count, …) that refers to this rule"],
  };
}

function syntaxError(e: IRecognitionException, text: string): ConditionError {
  const token = e.token;
  const atEnd = token.tokenType.name === "EOF";
  const start = atEnd ? text.length : token.startOffset;
  const found = atEnd ? "the end of the condition" : `'${token.image}'`;
  const hints = !atEnd && UPPER_OPERATOR.test(token.image) ? [`operators are lower-case: write '${token.image.toLowerCase()}'`] : [];
  return {
    code: "SIG3001",
    message: `condition syntax error: ${expectation(e)}, found ${found}`,
    start,
    end: atEnd ? start : start + token.image.length,
    ...(hints.length ? { hints } : {}),
  };
}

function expectation(e: IRecognitionException): string {
  switch (e.name) {
    case "MismatchedTokenException":
      return `expected ${e.message.match(/-->\s*(.+?)\s*<--/)?.[1] ?? "another token"}`;
    case "NotAllInputParsedException":
      return "expected 'and', 'or' or the end of the condition";
    default:
      return "expected a search identifier, 'not', '1 of', 'all of' or '('";
  }
}

/** Only `1 of` and `all of` are Sigma; `2 of x` lexes and parses so that the fault can be named. */
function badCounts(tokens: readonly IToken[]): ConditionError[] {
  return tokens
    .filter((t) => t.tokenType === Count && t.image !== "1")
    .map((t) => ({
      code: "SIG3005",
      message: `'${t.image} of' is not Sigma: only '1 of' and 'all of' exist`,
      start: t.startOffset,
      end: t.startOffset + t.image.length,
    }));
}

/** The condition grammar as railroad diagrams (an HTML page), for `grammars/sigma-condition.html`. */
export function sigmaConditionDiagramsHtml(): string {
  return createSyntaxDiagramsCode(conditionParser.getSerializedGastProductions());
}
