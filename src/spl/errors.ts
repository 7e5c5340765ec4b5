import type { IRecognitionException } from "chevrotain";

/** How a token kind reads in an error message. */
const TOKEN_WORDS: Record<string, string> = {
  WordLike: "a word", Word: "a word", Identifier: "a name", ExprCommand: "a command",
  Quoted: "a quoted string", SingleQuoted: "a 'quoted' field name", Macro: "a macro",
  NumberLit: "a number", Template: "a <<FIELD>> template",
  LParen: "`(`", LParenSearch: "`(`", LParenExpr: "`(`", EvalLParen: "`(`",
  RParen: "`)`", RParenSearch: "`)`", RParenExpr: "`)`",
  LBracket: "`[`", LBracketExpr: "`[`", RBracket: "`]`", RBracketSearch: "`]`", RBracketExpr: "`]`",
  Pipe: "`|`", PipeSearch: "`|`", PipeExpr: "`|`", Comma: "`,`",
  Eq: "`=`", EqEq: "`==`", NotEq: "`!=`", Lt: "`<`", LtEq: "`<=`", Gt: "`>`", GtEq: "`>=`", CompareOp: "a comparison",
  And: "`AND`", Or: "`OR`", Not: "`NOT`", In: "`IN`", As: "`as`", By: "`by`",
  ExprAnd: "`AND`", ExprOr: "`OR`", ExprXor: "`XOR`", ExprNot: "`NOT`", ExprLike: "`LIKE`", ExprIn: "`IN`",
  Plus: "`+`", Minus: "`-`", Star: "`*`", Slash: "`/`", Percent: "`%`", Dot: "`.`",
  GluePart: "a word", AtomToken: "an argument",
};

/** What the parser wanted, in words: "expected `)`", "expected a word, a quoted string or `(`". */
export function describeExpectation(e: IRecognitionException, previous: string | undefined): string {
  if (e.name === "NotAllInputParsedException") return "expected a pipe `|` or the end of the search";
  if ((previous === "|" || previous === "[") && (e.token.image === "|" || e.token.image === "]" || e.token.tokenType?.name === "EOF")) {
    return `expected a command after \`${previous}\``;
  }
  const names = [...e.message.matchAll(/\[?(?:-->\s*)?\b([A-Z][A-Za-z]+)\b(?:\s*<--)?/g)]
    .map((m) => m[1]!)
    .filter((n) => n in TOKEN_WORDS);
  const wanted = [...new Set(names.map((n) => TOKEN_WORDS[n]!))].slice(0, 6);
  if (wanted.length === 0) return e.name === "EarlyExitException" ? "expected at least one argument here" : "unexpected here";
  return `expected ${wanted.length === 1 ? wanted[0] : `${wanted.slice(0, -1).join(", ")} or ${wanted[wanted.length - 1]}`}`;
}
