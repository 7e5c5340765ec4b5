/**
 * Positions and diagnostics shared by every part of sigspl.
 *
 * Conventions: `offset` is 0-based (UTF-16 code units), `line` and `column`
 * are 1-based, and a span's `end` is exclusive. Chevrotain reports inclusive
 * end offsets; the SPL parser converts them once when it builds the AST.
 */
export interface Pos {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface Span {
  readonly start: Pos;
  readonly end: Pos;
}

export type Severity = "error" | "warning" | "info";

/** A problem found in user input: data, collected and rendered only at the CLI edge. */
export interface Diagnostic {
  /** Stable code, e.g. `SPL1001` (syntax) or `SIG2003` (schema). */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: Span;
  /** The file the span points into, when known. */
  readonly file?: string;
  /** A YAML path such as `detection.selection.Image|endswith`, for YAML inputs. */
  readonly path?: string;
  readonly hints?: readonly string[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Computes the position of `offset` in `text` (line and column 1-based). */
export function positionAt(text: string, offset: number): Pos {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

export function spanAt(text: string, start: number, end: number): Span {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}
