import { createSyntaxDiagramsCode, type IRecognitionException, type IToken } from "chevrotain";
import { spanAt, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Pipeline, StageComment } from "./ast.js";
import { describeExpectation } from "./errors.js";
import { SplParser } from "./parser/pipeline.js";
import * as T from "./tokens.js";

export interface SplParseResult {
  /** The search, or null when it has errors. */
  readonly ast: Pipeline | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Deeper nesting of `(` and `[` is refused before parsing: recursion must never exhaust the stack. */
export const MAX_NESTING = 100;

/** One parser for every search: building one runs Chevrotain's grammar analysis, which takes far longer than a parse. */
const sharedParser = new SplParser();

/** Chevrotain's syntax diagrams of the SPL grammar, as a standalone HTML page. */
export function splSyntaxDiagramsHtml(): string {
  return createSyntaxDiagramsCode(sharedParser.getSerializedGastProductions());
}

/** Parses one search. Never throws on bad input: every problem comes back as a diagnostic. */
export function parseSpl(text: string): SplParseResult {
  return parseSplWith(sharedParser, text);
}

/** `parseSpl` with a given parser instance: tests compare parsers built differently, and fresh ones with the shared one. */
export function parseSplWith(parser: SplParser, text: string): SplParseResult {
  const lexed = T.splLexer.tokenize(text);
  const lexErrors = lexed.errors.map((e): Diagnostic => lexDiagnostic(text, e.offset, e.length));
  if (lexErrors.length) return { ast: null, diagnostics: lexErrors.slice(0, 1) };
  const tooDeep = nestingError(text, lexed.tokens);
  if (tooDeep) return { ast: null, diagnostics: [tooDeep] };
  if (lexed.tokens.length === 0) return { ast: null, diagnostics: [emptySearch(text)] };
  parser.setSource(text);
  parser.input = lexed.tokens;
  let ast: Pipeline;
  try {
    ast = parser.search();
  } catch (e) {
    // A parser defect must still surface as a diagnostic, never as an exception from user input.
    return { ast: null, diagnostics: [{ code: "SPL1005", severity: "error", message: `cannot parse this search (${(e as Error).message})`, span: spanAt(text, 0, 0) }] };
  }
  if (parser.errors.length) return { ast: null, diagnostics: parser.errors.slice(0, 1).map((e) => syntaxDiagnostic(text, e, lexed.tokens)) };
  const comments = (lexed.groups["comments"] ?? []).map((c) => attachComment(ast, c));
  return { ast: comments.length ? { ...ast, comments } : ast, diagnostics: [] };
}

function lexDiagnostic(text: string, offset: number, length: number): Diagnostic {
  const found = text.slice(offset, offset + Math.max(1, length));
  const first = found[0] ?? "";
  const message =
    first === '"' ? "unterminated string: no closing double quote" :
    first === "'" ? "unterminated field name: no closing single quote" :
    first === "`" ? "unterminated macro: no closing backtick" :
    `unexpected character ${JSON.stringify(first)}`;
  return { code: "SPL1001", severity: "error", message, span: spanAt(text, offset, offset + 1) };
}

function emptySearch(text: string): Diagnostic {
  return { code: "SPL1004", severity: "error", message: "empty search", span: spanAt(text, 0, text.length) };
}

const OPENERS = new Set(T.allTokens.filter((t) => t === T.LBracket || (t.CATEGORIES ?? []).some((c) => c === T.LParen || c === T.LBracket)));
const CLOSERS = new Set(T.allTokens.filter((t) => (t.CATEGORIES ?? []).some((c) => c === T.RParen || c === T.RBracket)));

/** What each token does to the nesting depth, by its type's index: an array read is cheaper than two set look-ups per token. */
const DEPTH_CHANGE: number[] = [];
for (const t of T.allTokens) DEPTH_CHANGE[t.tokenTypeIdx!] = OPENERS.has(t) ? 1 : CLOSERS.has(t) ? -1 : 0;

function nestingError(text: string, tokens: readonly IToken[]): Diagnostic | null {
  let depth = 0;
  for (const tok of tokens) {
    depth += DEPTH_CHANGE[tok.tokenTypeIdx]!;
    if (depth > MAX_NESTING) {
      return {
        code: "SPL1003",
        severity: "error",
        message: `parentheses and brackets nest deeper than ${MAX_NESTING} levels`,
        span: spanAt(text, tok.startOffset, tok.startOffset + 1),
      };
    }
  }
  return null;
}

function syntaxDiagnostic(text: string, e: IRecognitionException, tokens: readonly IToken[]): Diagnostic {
  const tok = e.token;
  const atEnd = tok.tokenType?.name === "EOF" || Number.isNaN(tok.startOffset);
  const offset = atEnd ? text.length : tok.startOffset;
  const found = atEnd ? "end of the search" : JSON.stringify(tok.image);
  const previous = atEnd ? tokens[tokens.length - 1] : tokens[tokens.indexOf(tok) - 1];
  return {
    code: "SPL1002",
    severity: "error",
    message: `unexpected ${found}: ${describeExpectation(e, previous?.image)}`,
    span: spanAt(text, offset, atEnd ? offset : offset + tok.image.length),
  };
}

/** A comment belongs after the last top-level stage that starts before it. */
function attachComment(ast: Pipeline, comment: IToken): StageComment {
  let afterStage = -1;
  ast.stages.forEach((stage, i) => {
    if (stage.loc.start.offset < comment.startOffset) afterStage = i;
  });
  return { afterStage, text: comment.image };
}
