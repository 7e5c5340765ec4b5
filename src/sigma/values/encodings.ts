import { normalizeParts, pySigmaText, sigmaString } from "./sigma-string.js";
import type { SigmaString, StringPart } from "./types.js";

/**
 * The value-transforming modifiers, reproducing pySigma 1.5.0's output byte for byte
 * (semantics.md §1.4), quirks included: see src/sigma/README.md.
 */
export class EncodingError extends Error {}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-16 bytes of `text` read back as UTF-8, as pySigma does (`s.encode("utf-16le").decode("utf-8")`). */
function utf16AsUtf8(text: string, littleEndian: boolean, modifier: string): string {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new EncodingError(`${modifier} cannot encode '${text}': pySigma only accepts characters whose UTF-16 bytes are valid UTF-8 (ASCII)`);
  }
}

function mapLiterals(value: SigmaString, f: (text: string) => string, prefix: StringPart[] = []): SigmaString {
  return sigmaString([...prefix, ...value.parts.map((p) => (typeof p === "string" ? f(p) : p))], value.cased);
}

/** `wide` (= `utf16le`): UTF-16LE; wildcards pass through. */
export function wide(value: SigmaString, modifier = "wide"): SigmaString {
  return mapLiterals(value, (t) => utf16AsUtf8(t, true, modifier));
}

export function utf16be(value: SigmaString): SigmaString {
  return mapLiterals(value, (t) => utf16AsUtf8(t, false, "utf16be"));
}

/** `utf16`: a U+FEFF byte order mark, then UTF-16LE. Base64 later sees the mark as EF BB BF (pySigma 1.5.0). */
export function utf16(value: SigmaString): SigmaString {
  return mapLiterals(value, (t) => utf16AsUtf8(t, true, "utf16"), ["\ufeff"]);
}

function bytesOf(value: SigmaString, modifier: string): Uint8Array {
  if (value.parts.some((p) => typeof p !== "string")) {
    throw new EncodingError(`${modifier} cannot encode wildcards or placeholders: put ${modifier} before contains/startswith/endswith`);
  }
  return new TextEncoder().encode(pySigmaText(value.parts));
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");

export function base64(value: SigmaString): SigmaString {
  return sigmaString([b64(bytesOf(value, "base64"))]);
}

const START = [0, 2, 3] as const;
const END = [undefined, -3, -2] as const;

/**
 * `base64offset`: the three encodings of the value shifted by 0, 1 and 2 bytes, trimmed to the
 * part that does not depend on the surrounding bytes. The trim uses the character count (as
 * pySigma 1.5.0 does), not the byte count.
 */
export function base64offset(value: SigmaString): SigmaString[] {
  const data = bytesOf(value, "base64offset");
  const chars = value.parts.reduce<number>((n, p) => n + [...(p as string)].length, 0);
  return [0, 1, 2].map((shift) => {
    const shifted = new Uint8Array(shift + data.length);
    shifted.fill(0x20, 0, shift);
    shifted.set(data, shift);
    return sigmaString([b64(shifted).slice(START[shift], END[(chars + shift) % 3])]);
  });
}

const DASHES = ["-", "/", "\u2013", "\u2014", "\u2015"];
/** pySigma's `\B[-/]\b` with Python's Unicode word characters. */
const WINDASH = /(?<![\p{L}\p{N}_])[-/](?=[\p{L}\p{N}_])/gu;

/** A literal split at each windash position; `null` marks where a dash goes. */
function dashSlots(parts: readonly StringPart[]): (StringPart | null)[] {
  return parts.flatMap((p): (StringPart | null)[] => (typeof p === "string" ? p.split(WINDASH).flatMap((s, i) => (i === 0 ? [s] : [null, s])) : [p]));
}

/** `windash`: every combination of -, /, en dash, em dash and horizontal bar at each flag-like dash, first dash varying slowest. */
export function windash(value: SigmaString): SigmaString[] {
  const combos = dashSlots(value.parts).reduce<StringPart[][]>(
    (acc, slot) => acc.flatMap((prefix) => (slot === null ? DASHES.map((d) => [...prefix, d]) : [[...prefix, slot]])),
    [[]],
  );
  return combos.map((parts) => ({ type: "SigmaString", parts: normalizeParts(parts), cased: value.cased }));
}

const PLACEHOLDER = /(?<!\\)%([\p{L}\p{N}_]+)%/gu;

/** `expand`: `%name%` becomes a placeholder; `\%` is a plain percent sign. */
export function insertPlaceholders(value: SigmaString): SigmaString {
  const parts = value.parts.flatMap((p): StringPart[] => {
    if (typeof p !== "string") return [p];
    const pieces = p.split(PLACEHOLDER);
    return pieces.map((piece, i) => (i % 2 === 1 ? { type: "Placeholder", name: piece } : piece.replace(/\\%/g, "%")));
  });
  return sigmaString(parts, value.cased);
}
