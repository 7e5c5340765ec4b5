import { spanAt, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { Macro, splLexer } from "../tokens.js";
import { macroKey, type MacroLibrary } from "./library.js";
import { splitMacroRef } from "./reference.js";

/** A macro reference of the original text and what it became. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly expansion: string;
}

export interface Expansion {
  /** The search with every macro replaced, or null when a macro could not be expanded. */
  readonly text: string | null;
  readonly replacements: readonly Replacement[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Nested expansion deeper than this is taken for a cycle that escaped detection (e.g. through arguments). */
export const MAX_MACRO_DEPTH = 50;

class ExpansionError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/**
 * Expands macros the way Splunk does: textual substitution of `$arg$` in the definition, recursively, then
 * the caller parses the result. Macros inside quoted strings and comments are not expanded (the lexer
 * does not see them as macros).
 */
export function expandMacros(text: string, library: MacroLibrary): Expansion {
  const replacements: Replacement[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const ref of macroReferences(text)) {
    try {
      replacements.push({ ...ref, expansion: expandReference(ref.raw, library, []) });
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      diagnostics.push({ code: e.code, severity: "error", message: e.message, span: spanAt(text, ref.start, ref.end) });
    }
  }
  if (diagnostics.length) return { text: null, replacements, diagnostics };
  return { text: splice(text, replacements), replacements, diagnostics };
}

function macroReferences(text: string): { start: number; end: number; raw: string }[] {
  const lexed = splLexer.tokenize(text);
  return lexed.tokens
    .filter((t) => t.tokenType === Macro)
    .map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, raw: t.image }));
}

function splice(text: string, replacements: readonly Replacement[]): string {
  let out = "";
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.expansion;
    at = r.end;
  }
  return out + text.slice(at);
}

function expandReference(raw: string, library: MacroLibrary, stack: readonly string[]): string {
  const { name, args } = splitMacroRef(raw);
  const arity = args?.length ?? 0;
  const key = macroKey(name, arity);
  if (stack.includes(key)) throw new ExpansionError("SPL2003", `macro cycle: ${[...stack, key].map((k) => `\`${k}\``).join(" → ")}`);
  if (stack.length >= MAX_MACRO_DEPTH) throw new ExpansionError("SPL2003", `macros nest deeper than ${MAX_MACRO_DEPTH} levels at \`${key}\``);
  const def = library.resolve(name, arity);
  if (!def) throw unresolved(name, arity, library, stack);
  const body = substitute(def.definition, def.args, args ?? []);
  const inner = macroReferences(body);
  return splice(body, inner.map((ref) => ({ ...ref, expansion: expandReference(ref.raw, library, [...stack, key]) })));
}

function unresolved(name: string, arity: number, library: MacroLibrary, stack: readonly string[]): ExpansionError {
  const within = stack.length ? ` (in the definition of \`${stack[stack.length - 1]}\`)` : "";
  const arities = library.aritiesOf(name);
  if (arities.length === 0) return new ExpansionError("SPL2001", `unknown macro \`${name}\`${within}`);
  const wanted = arities.map((n) => String(n)).join(" or ");
  return new ExpansionError("SPL2002", `macro \`${name}\` takes ${wanted} argument(s), not ${arity}${within}`);
}

/** Replaces each `$name$` of the definition with the argument text, as written. */
function substitute(definition: string, names: readonly string[], values: readonly string[]): string {
  if (names.length === 0) return definition;
  return definition.replace(/\$([^$\s]+)\$/g, (whole, name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? whole : values[i]!;
  });
}
