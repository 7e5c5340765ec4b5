import { createToken, Lexer, type TokenType } from "chevrotain";

/** Identifiers as pySigma reads them (letters, digits, `_`, `-`), plus `*` for selector patterns. */
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z0-9_\-*]+/ });

const keyword = (name: string, word: string): TokenType =>
  createToken({ name, pattern: new RegExp(`${word}(?![A-Za-z0-9_\\-*])`), longer_alt: Identifier });

export const And = keyword("And", "and");
export const Or = keyword("Or", "or");
export const Not = keyword("Not", "not");
export const Of = keyword("Of", "of");
export const All = keyword("All", "all");
export const Them = keyword("Them", "them");
export const Count = createToken({ name: "Count", pattern: /[0-9]+(?![A-Za-z_\-*])/, longer_alt: Identifier });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
/** The removed Sigma 1 aggregation syntax (`… | count() > 5`): lexed only to explain it. */
export const Pipe = createToken({ name: "Pipe", pattern: /\|/ });
const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });

export const conditionTokens: TokenType[] = [WhiteSpace, LParen, RParen, Pipe, And, Or, Not, Of, All, Them, Count, Identifier];

export const conditionLexer = new Lexer(conditionTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });
