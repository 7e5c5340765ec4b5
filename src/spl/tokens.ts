import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";

/**
 * The SPL token vocabulary, in two lexer modes:
 * - `search`: search syntax (the leading search, `| search`, tstats/mstats `where`, and the arguments of
 *   most commands), where a value is a "word" that may hold `* \ : / @ % { } . - +`;
 * - `expr`: eval expressions (`| eval`, `| where`, `eval(…)` inside stats), where `. + - * /` are operators,
 *   `'…'` names a field and numbers are literals.
 * `eval`/`where` right after a pipe or `[` enter `expr` mode; `|` and `]` leave it. Inside it, every `(`
 * pushes `expr` again and `)` pops, so `count(eval(x>1))` returns to search syntax at its last `)`.
 */

// Categories: what the parser asks for. Concrete tokens below belong to one or more of them.
export const WordLike = createToken({ name: "WordLike", pattern: Lexer.NA });
export const LParen = createToken({ name: "LParen", pattern: Lexer.NA });
export const RParen = createToken({ name: "RParen", pattern: Lexer.NA });
export const Pipe = createToken({ name: "Pipe", pattern: Lexer.NA });
export const RBracket = createToken({ name: "RBracket", pattern: Lexer.NA });
export const CompareOp = createToken({ name: "CompareOp", pattern: Lexer.NA });
/** An infix operator of eval expressions. */
export const InfixOp = createToken({ name: "InfixOp", pattern: Lexer.NA });
/** Anything a generic command keeps as an argument atom: every token but pipes, brackets and comments. */
export const AtomToken = createToken({ name: "AtomToken", pattern: Lexer.NA });
/** What may stand inside parentheses glued to a search word: `relative_time(now(), "-1d")`. */
export const GluePart = createToken({ name: "GluePart", pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });
/** Triple-backtick comments; kept in their own group so the parser can attach them to stages. */
export const Comment = createToken({ name: "Comment", pattern: /```[\s\S]*?```/, group: "comments", line_breaks: true });
export const Macro = createToken({ name: "Macro", pattern: /`[^`]*`/, line_breaks: true, categories: [AtomToken, GluePart] });
export const Quoted = createToken({ name: "Quoted", pattern: /"[^"\\]*(?:\\[\s\S][^"\\]*)*"/, line_breaks: true, categories: [AtomToken, GluePart] });
export const SingleQuoted = createToken({ name: "SingleQuoted", pattern: /'(?:[^'\\]|\\[\s\S])*'/, line_breaks: true, categories: [AtomToken] });

export const PipeSearch = createToken({ name: "PipeSearch", pattern: /\|/, categories: [Pipe] });
export const PipeExpr = createToken({ name: "PipeExpr", pattern: /\|/, categories: [Pipe], pop_mode: true });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracketSearch = createToken({ name: "RBracketSearch", pattern: /]/, categories: [RBracket] });
export const RBracketExpr = createToken({ name: "RBracketExpr", pattern: /]/, categories: [RBracket], pop_mode: true });
export const LParenSearch = createToken({ name: "LParenSearch", pattern: /\(/, categories: [AtomToken, LParen, GluePart] });
export const RParenSearch = createToken({ name: "RParenSearch", pattern: /\)/, categories: [AtomToken, RParen, GluePart] });
export const LParenExpr = createToken({ name: "LParenExpr", pattern: /\(/, categories: [AtomToken, LParen], push_mode: "expr" });
export const RParenExpr = createToken({ name: "RParenExpr", pattern: /\)/, categories: [AtomToken, RParen], pop_mode: true });
export const Comma = createToken({ name: "Comma", pattern: /,/, categories: [AtomToken, GluePart] });

export const NotEq = createToken({ name: "NotEq", pattern: /!=/, categories: [InfixOp, AtomToken, CompareOp, GluePart] });
export const LtEq = createToken({ name: "LtEq", pattern: /<=/, categories: [InfixOp, AtomToken, CompareOp, GluePart] });
export const GtEq = createToken({ name: "GtEq", pattern: />=/, categories: [InfixOp, AtomToken, CompareOp, GluePart] });
export const EqEq = createToken({ name: "EqEq", pattern: /==/, categories: [InfixOp, AtomToken, CompareOp, GluePart] });
export const Eq = createToken({ name: "Eq", pattern: /=/, categories: [InfixOp, AtomToken, CompareOp, GluePart] });
export const Lt = createToken({ name: "Lt", pattern: /</, categories: [InfixOp, AtomToken, CompareOp, GluePart] });
export const Gt = createToken({ name: "Gt", pattern: />/, categories: [InfixOp, AtomToken, CompareOp, GluePart] });

/**
 * Every character code but the given ones: the "first characters" of a complement-set pattern, which
 * Chevrotain cannot work out itself. Listing too many is harmless; without it the lexer runs unoptimised.
 */
function allCharCodesExcept(excluded: string): number[] {
  const skip = new Set([...excluded].map((c) => c.charCodeAt(0)));
  const codes: number[] = [];
  for (let code = 0; code < 0x10000; code++) if (!skip.has(code)) codes.push(code);
  return codes;
}

/** A search-syntax word: anything up to a breaker; a backslash escapes the next character. */
export const Word = createToken({
  name: "Word",
  // Unrolled `(?:[^breakers]|\\.|!(?!=))+`: the same words, without an alternation per character.
  pattern: /(?:[^\s"`|[\]()=<>!,\\]+|\\[\s\S]|!(?!=))(?:[^\s"`|[\]()=<>!,\\]+|\\[\s\S]|!(?!=))*/,
  start_chars_hint: allCharCodesExcept(' \t\n\r"`|[]()=<>,'),
  categories: [AtomToken, WordLike, GluePart],
  line_breaks: true,
});

function lastToken(tokens: IToken[]): IToken | undefined {
  return tokens[tokens.length - 1];
}

const COMMAND_STARTERS = new Set<TokenType>();

/** `eval`/`where` as a command name: right after `|` or `[`, or at the start of a subsearch body. */
function matchExprCommand(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  const prev = lastToken(tokens);
  if (!prev || !COMMAND_STARTERS.has(prev.tokenType)) return null;
  const m = /^(?:eval|where)(?![^\s"`|[\]()=<>!,\\])/i.exec(text.slice(offset, offset + 6));
  return m;
}

export const ExprCommand = createToken({
  name: "ExprCommand",
  pattern: { exec: matchExprCommand },
  start_chars_hint: ["e", "E", "w", "W"],
  line_breaks: false,
  categories: [WordLike],
  push_mode: "expr",
});

/** `(` glued to a word `eval` in search syntax (`count(eval(x>1))`): its body is an eval expression. */
function matchEvalParen(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  const prev = lastToken(tokens);
  if (text[offset] !== "(" || !prev || prev.tokenType !== Word || prev.image.toLowerCase() !== "eval") return null;
  if (prev.startOffset + prev.image.length !== offset) return null;
  return /^\(/.exec("(");
}

/** A `(` whose body is an eval expression: it switches the lexer to expression mode until its `)`. */
function exprOpenParen(name: string, exec: (text: string, offset: number, tokens: IToken[]) => RegExpExecArray | null): TokenType {
  return createToken({ name, pattern: { exec }, start_chars_hint: ["("], line_breaks: false, categories: [AtomToken, LParen], push_mode: "expr" });
}

export const EvalLParen = exprOpenParen("EvalLParen", matchEvalParen);

/** `head` as a command name (right after `|`), and `head N`: what may stand before head's eval-expression `(`. */
function headBefore(tokens: IToken[]): boolean {
  let i = tokens.length - 1;
  if (/^\d+$/.test(tokens[i]?.image ?? "")) i--;
  const head = tokens[i];
  const before = tokens[i - 1];
  return head?.tokenType === Word && head.image.toLowerCase() === "head" && before !== undefined && COMMAND_STARTERS.has(before.tokenType);
}

/** `(` after the command `head` (`| head (count > 5)`): its body is an eval expression. */
function matchHeadParen(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  return text[offset] === "(" && headBefore(tokens) ? /^\(/.exec("(") : null;
}

export const HeadLParen = exprOpenParen("HeadLParen", matchHeadParen);

function keyword(name: string, pattern: RegExp, longerAlt: TokenType, wordLike = true, extra: TokenType[] = []): TokenType {
  const categories = [...(wordLike ? [AtomToken, WordLike, GluePart] : [AtomToken, GluePart]), ...extra];
  return createToken({ name, pattern, longer_alt: longerAlt, categories });
}

// Search keywords are upper-case only (a lower-case `and` is a search term) and never a field or value.
export const And = keyword("And", /AND/, Word, false);
export const Or = keyword("Or", /OR/, Word, false);
export const Not = keyword("Not", /NOT/, Word, false);
export const In = keyword("In", /IN/, Word, false);
// Command keywords, any case: `as`/`AS`, `by`/`BY`. In search terms they are plain words again.
export const As = keyword("As", /as/i, Word);
export const By = keyword("By", /by/i, Word);

// Expression mode: identifiers, numbers, operators; keywords are case-insensitive there.
export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_{][\w{}]*(?:\.[\w{}]+)*/,
  categories: [AtomToken, WordLike],
});
export const NumberLit = createToken({ name: "NumberLit", pattern: /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/, categories: [AtomToken] });
export const Template = createToken({ name: "Template", pattern: /<<[A-Z]+>>/, categories: [AtomToken] });
export const ExprAnd = keyword("ExprAnd", /AND/i, Identifier, true, [InfixOp]);
export const ExprOr = keyword("ExprOr", /OR/i, Identifier, true, [InfixOp]);
export const ExprXor = keyword("ExprXor", /XOR/i, Identifier, true, [InfixOp]);
export const ExprNot = keyword("ExprNot", /NOT/i, Identifier);
export const ExprLike = keyword("ExprLike", /LIKE/i, Identifier, true, [InfixOp]);
export const ExprIn = keyword("ExprIn", /IN/i, Identifier);
export const Plus = createToken({ name: "Plus", pattern: /\+/, categories: [InfixOp, AtomToken] });
export const Minus = createToken({ name: "Minus", pattern: /-/, categories: [InfixOp, AtomToken] });
export const Star = createToken({ name: "Star", pattern: /\*/, categories: [InfixOp, AtomToken] });
export const Slash = createToken({ name: "Slash", pattern: /\//, categories: [InfixOp, AtomToken] });
export const Percent = createToken({ name: "Percent", pattern: /%/, categories: [InfixOp, AtomToken] });
export const Dot = createToken({ name: "Dot", pattern: /\./, categories: [InfixOp, AtomToken] });
export const LBracketExpr = createToken({ name: "LBracketExpr", pattern: /\[/, categories: [LBracket] });
/** A character that no expression token accepts: lexed so that the parser, not the lexer, reports it. */
export const Stray = createToken({
  name: "Stray",
  pattern: /[^\s"'`]/,
  start_chars_hint: allCharCodesExcept(" \t\n\r\"'`"),
  categories: [AtomToken],
});

for (const t of [PipeSearch, PipeExpr, LBracket, LBracketExpr]) COMMAND_STARTERS.add(t);

const operators = [NotEq, LtEq, GtEq, EqEq, Eq, Lt, Gt];

export const searchModeTokens: TokenType[] = [
  WhiteSpace, Comment, Macro, Quoted, PipeSearch, LBracket, RBracketSearch,
  EvalLParen, HeadLParen, LParenSearch, RParenSearch, Comma, ...operators,
  ExprCommand, And, Or, Not, In, As, By, Word,
];

export const exprModeTokens: TokenType[] = [
  WhiteSpace, Comment, Macro, Quoted, SingleQuoted, Template, PipeExpr, LBracketExpr, RBracketExpr,
  LParenExpr, RParenExpr, Comma, ...operators,
  ExprAnd, ExprOr, ExprXor, ExprNot, ExprLike, ExprIn, Identifier, NumberLit,
  Plus, Minus, Star, Slash, Percent, Dot, Stray,
];

/** Every token type, categories included: the parser's vocabulary. */
export const allTokens: TokenType[] = [
  WordLike, LParen, RParen, Pipe, RBracket, CompareOp, GluePart, AtomToken, InfixOp,
  ...new Set([...searchModeTokens, ...exprModeTokens]),
];

export const splLexer = new Lexer(
  { modes: { search: searchModeTokens, expr: exprModeTokens }, defaultMode: "search" },
  { positionTracking: "onlyOffset", ensureOptimizations: true },
);
