import type { IrPattern, IrWildcard } from "../../ir/types.js";

type Item = string | IrWildcard;
/** A run of literal text and single-character wildcards between two `*`. */
type Segment = readonly (string | null)[];

/**
 * A matcher for an anchored wildcard pattern, chosen once per pattern: equality, prefix, suffix and
 * containment are plain string operations; anything else splits on `*` and places each segment leftmost,
 * which is exact for `*`-separated segments and runs in O(value × pattern) at worst (no backtracking blow-up).
 * Case-insensitive matching lower-cases both sides (full Unicode lower-casing).
 */
export function compileGlob(pattern: IrPattern, caseSensitive: boolean): (value: string) => boolean {
  const test = compileFoldedGlob(pattern, caseSensitive);
  if (caseSensitive) return test;
  const literal = pattern.parts.length === 1 && typeof pattern.parts[0] === "string" ? pattern.parts[0].toLowerCase() : null;
  if (literal !== null) {
    // Equality: a length mismatch decides without lower-casing, unless non-ASCII text could change length.
    return (v) => (v.length === literal.length || NON_ASCII.test(v)) && v.toLowerCase() === literal;
  }
  return (v) => test(v.toLowerCase());
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The matcher for an already case-folded value (lower-cased when `caseSensitive` is false), so that several
 * patterns over one value fold it once.
 */
export function compileFoldedGlob(pattern: IrPattern, caseSensitive: boolean): (foldedValue: string) => boolean {
  const parts: Item[] = pattern.parts.map((p) => (typeof p === "string" && !caseSensitive ? p.toLowerCase() : p)).filter((p) => p !== "");
  return compileFolded(parts);
}

function compileFolded(parts: readonly Item[]): (v: string) => boolean {
  const isAny = (p: Item | undefined): boolean => typeof p === "object" && p.type === "IrAnyChars";
  const literal = (p: Item | undefined): p is string => typeof p === "string";
  if (parts.length === 0) return (v) => v === "";
  if (parts.length === 1 && literal(parts[0])) {
    const s = parts[0];
    return (v) => v === s;
  }
  if (parts.length === 1 && isAny(parts[0])) return () => true;
  if (parts.length === 2 && literal(parts[0]) && isAny(parts[1])) {
    const s = parts[0];
    return (v) => v.startsWith(s);
  }
  if (parts.length === 2 && isAny(parts[0]) && literal(parts[1])) {
    const s = parts[1];
    return (v) => v.endsWith(s);
  }
  if (parts.length === 3 && isAny(parts[0]) && literal(parts[1]) && isAny(parts[2])) {
    const s = parts[1];
    return (v) => v.includes(s);
  }
  return segmentMatcher(parts);
}

function segmentMatcher(parts: readonly Item[]): (v: string) => boolean {
  const segments: Segment[] = [[]];
  for (const p of parts) {
    if (typeof p === "object" && p.type === "IrAnyChars") segments.push([]);
    else if (typeof p === "string") for (const ch of p) (segments[segments.length - 1] as (string | null)[]).push(ch);
    else (segments[segments.length - 1] as (string | null)[]).push(null);
  }
  const first = segments[0]!;
  if (segments.length === 1) return (v) => segmentLength(v, first) === v.length && matchesAt(v, 0, first);
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1);
  return (v) => {
    const firstLen = segmentLength(v, first);
    if (!matchesAt(v, 0, first)) return false;
    let pos = firstLen;
    for (const seg of middle) {
      const at = findFrom(v, pos, seg);
      if (at < 0) return false;
      pos = at + segmentLength(v, seg, at);
    }
    const lastStart = v.length - suffixLength(v, last);
    return lastStart >= pos && matchesAt(v, lastStart, last);
  };
}

/** Segments are in code points; their length in UTF-16 units depends on where they match. */
function segmentLength(v: string, seg: Segment, at = 0): number {
  let pos = at;
  for (const ch of seg) pos += ch === null ? codePointWidth(v, pos) : ch.length;
  return pos - at;
}

function suffixLength(v: string, seg: Segment): number {
  let pos = v.length;
  for (let i = seg.length - 1; i >= 0; i--) {
    const ch = seg[i];
    pos -= ch === null || ch === undefined ? (pos >= 2 && isLowSurrogate(v.charCodeAt(pos - 1)) && isHighSurrogate(v.charCodeAt(pos - 2)) ? 2 : 1) : ch.length;
  }
  return v.length - pos;
}

function matchesAt(v: string, at: number, seg: Segment): boolean {
  let pos = at;
  for (const ch of seg) {
    if (pos >= v.length) return false;
    if (ch === null) pos += codePointWidth(v, pos);
    else if (v.startsWith(ch, pos)) pos += ch.length;
    else return false;
  }
  return pos <= v.length;
}

function findFrom(v: string, from: number, seg: Segment): number {
  for (let at = from; at < v.length; at++) if (matchesAt(v, at, seg)) return at;
  return seg.length === 0 ? from : -1;
}

function codePointWidth(v: string, pos: number): number {
  return isHighSurrogate(v.charCodeAt(pos)) && isLowSurrogate(v.charCodeAt(pos + 1)) ? 2 : 1;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
