import type { SigmaString, StringPart, Wildcard } from "./types.js";

export const ANY: Wildcard = { type: "AnyChars" };
export const ONE: Wildcard = { type: "OneChar" };
const ESCAPABLE = new Set(["*", "?", "\\"]);

/**
 * Decodes a Sigma string value exactly as pySigma does (semantics.md §1.3): `\` escapes `*`, `?`
 * and `\`; before any other character it stays a literal backslash; a trailing `\` is literal.
 * So `\\` is always one backslash, even where no wildcard follows.
 */
export function parseSigmaString(raw: string): StringPart[] {
  const parts: StringPart[] = [];
  let acc = "";
  let escaped = false;
  const flush = (): void => {
    if (acc) parts.push(acc);
    acc = "";
  };
  for (const c of raw) {
    if (escaped) {
      acc += ESCAPABLE.has(c) ? c : `\\${c}`;
      escaped = false;
    } else if (c === "\\") escaped = true;
    else if (c === "*" || c === "?") {
      flush();
      parts.push(c === "*" ? ANY : ONE);
    } else acc += c;
  }
  if (escaped) acc += "\\";
  flush();
  return parts;
}

/** The first character `format` writes for a part: decides whether a backslash before it needs doubling. */
function leadsWithEscapable(part: StringPart | undefined): boolean {
  if (part === undefined) return false;
  if (typeof part === "string") return ESCAPABLE.has(part[0] ?? "");
  return part.type !== "Placeholder";
}

function formatLiteral(text: string, next: StringPart | undefined): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "*" || c === "?") out += `\\${c}`;
    else if (c === "\\") {
      const follower = i + 1 < text.length ? ESCAPABLE.has(text[i + 1]!) : leadsWithEscapable(next);
      out += follower ? "\\\\" : "\\";
    } else out += c;
  }
  return out;
}

/**
 * Writes parts back as a Sigma value with the fewest escapes: the inverse of `parseSigmaString`
 * (`parseSigmaString(formatSigmaString(p))` equals `p` for normalized parts).
 */
export function formatSigmaString(parts: readonly StringPart[]): string {
  return parts
    .map((part, i) => {
      if (typeof part === "string") return formatLiteral(part, parts[i + 1]);
      if (part.type === "Placeholder") return `%${part.name}%`;
      return part.type === "AnyChars" ? "*" : "?";
    })
    .join("");
}

/** pySigma's `str(SigmaString)`: literals with `*` and `?` re-escaped, wildcards as themselves. The base64 modifiers encode this text. */
export function pySigmaText(parts: readonly StringPart[]): string {
  return parts
    .map((part) => {
      if (typeof part === "string") return part.replace(/[*?]/g, "\\$&");
      if (part.type === "Placeholder") return `%${part.name}%`;
      return part.type === "AnyChars" ? "*" : "?";
    })
    .join("");
}

/** Joins adjacent literals and drops empty ones, so equal strings have equal parts. */
export function normalizeParts(parts: readonly StringPart[]): StringPart[] {
  const out: StringPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (typeof part === "string" && typeof last === "string") out[out.length - 1] = last + part;
    else if (part !== "") out.push(part);
  }
  return out;
}

export function sigmaString(parts: readonly StringPart[], cased = false): SigmaString {
  return { type: "SigmaString", parts: normalizeParts(parts), cased };
}

export function hasWildcards(parts: readonly StringPart[]): boolean {
  return parts.some((p) => typeof p !== "string" && p.type !== "Placeholder");
}

export function isAnyChars(part: StringPart | undefined): boolean {
  return typeof part === "object" && part.type === "AnyChars";
}
