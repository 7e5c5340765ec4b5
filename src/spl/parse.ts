import type { IRecognitionException, IToken } from "chevrotain";
import { spanAt, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Pipeline, StageComment } from "./ast.js";
import { SplParser } from "./parser/pipeline.js";
import * as T from "./tokens.js";

export interface SplParseResult {
  /** The search, or null when it has errors. */
  readonly ast: Pipeline | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Deeper nesting of `(` and `[` is refused before parsing: recursion must never exhaust the stack. */
export const MAX_NESTING = 100;

const parser = new SplParser();

/** Parses one search. Never throws on bad input: every problem comes back as a diagnostic. */
export function parseSpl(text: string): SplParseResult {
  const lexed = T.splLexer.tokenize(text);
  const lexErrors = lexed.errors.map((e): Diagnostic => lexDiagnostic(text, e.offset, e.length));
  if (lexErrors.length) return { ast: null, diagnostics: lexErrors.slice(0, 1) };
  const tooDeep = nestingError(text, lexed.tokens);
  if (tooDeep) return { ast: null, diagnostics: [tooDeep] };
  if (lexed.tokens.length === 0) return { ast: null, diagnostics: [emptySearch(text)] };
  parser.source = text;
  parser.input = lexed.tokens;
  const ast = parser.search();
  if (parser.errors.length) return { ast: null, diagnostics: parser.errors.slice(0, 1).map((e) => syntaxDiagnostic(text, e)) };
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

function nestingError(text: string, tokens: readonly IToken[]): Diagnostic | null {
  let depth = 0;
  for (const tok of tokens) {
    const cats = tok.tokenType.CATEGORIES ?? [];
    if (cats.includes(T.LParen) || tok.tokenType === T.LBracket || cats.includes(T.LBracket)) depth++;
    else if (cats.includes(T.RParen) || cats.includes(T.RBracket)) depth--;
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

function syntaxDiagnostic(text: string, e: IRecognitionException): Diagnostic {
  const tok = e.token;
  const atEnd = tok.tokenType?.name === "EOF" || Number.isNaN(tok.startOffset);
  const offset = atEnd ? text.length : tok.startOffset;
  const found = atEnd ? "the end of the search" : JSON.stringify(tok.image);
  return {
    code: "SPL1002",
    severity: "error",
    message: `unexpected ${found}: ${expectation(e)}`,
    span: spanAt(text, offset, atEnd ? offset : offset + tok.image.length),
  };
}

/** Chevrotain's messages list every token path; keep the first line, in our words. */
function expectation(e: IRecognitionException): string {
  const name = e.name;
  if (name === "NotAllInputParsedException") return "expected a pipe `|` or the end of the search";
  if (name === "EarlyExitException") return "expected at least one argument here";
  const first = e.message.split("\n")[0] ?? e.message;
  return first.replace(/^Expecting:?\s*/i, "expected ").replace(/--> |<--/g, "").replace(/but found:.*$/, "").trim();
}

/** A comment belongs after the last top-level stage that starts before it. */
function attachComment(ast: Pipeline, comment: IToken): StageComment {
  let afterStage = -1;
  ast.stages.forEach((stage, i) => {
    if (stage.loc.start.offset < comment.startOffset) afterStage = i;
  });
  return { afterStage, text: comment.image };
}
