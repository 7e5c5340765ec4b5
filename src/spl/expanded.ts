import { spanAt, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Pipeline } from "./ast.js";
import { expandMacros, type Replacement } from "./macros/expand.js";
import type { MacroLibrary } from "./macros/library.js";
import { parseSpl } from "./parse.js";

export interface ExpandedParseResult {
  /** The expanded search's AST (its spans point into `expanded`), or null on errors. */
  readonly ast: Pipeline | null;
  readonly expanded: string | null;
  /** Positions point into the original text: an error inside a macro's expansion points at the macro. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Expands every macro, then parses the result: precedence across a macro boundary is Splunk's. */
export function parseSplExpanded(text: string, library: MacroLibrary): ExpandedParseResult {
  const expansion = expandMacros(text, library);
  if (expansion.text === null) return { ast: null, expanded: null, diagnostics: expansion.diagnostics };
  const parsed = parseSpl(expansion.text);
  const diagnostics = parsed.diagnostics.map((d) => mapBack(d, text, expansion.replacements, expansion.text!.length));
  return { ast: parsed.ast, expanded: expansion.text, diagnostics };
}

function mapBack(d: Diagnostic, original: string, replacements: readonly Replacement[], expandedLength: number): Diagnostic {
  if (!d.span) return d;
  const target = d.span.start.offset;
  let delta = 0;
  for (const r of replacements) {
    const expandedStart = r.start + delta;
    const expandedEnd = expandedStart + r.expansion.length;
    if (target < expandedStart) break;
    // An error at the very end of the search belongs to a macro that ends it.
    if (target < expandedEnd || (target === expandedEnd && expandedEnd === expandedLength)) {
      const name = original.slice(r.start, r.end);
      return { ...d, message: `in the expansion of ${name}: ${d.message}`, span: spanAt(original, r.start, r.end) };
    }
    delta += r.expansion.length - (r.end - r.start);
  }
  const start = Math.max(0, Math.min(original.length, target - delta));
  return { ...d, span: spanAt(original, start, Math.min(original.length, start + (d.span.end.offset - target))) };
}
