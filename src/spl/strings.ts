/**
 * SPL string escapes, in one place. In a double-quoted string only `\"` and `\\` are escapes; every other
 * backslash passes through unchanged (so `"\d+"` reaches a regex as `\d+`). In an unquoted word a backslash
 * also protects a breaker character (`\ `, `\|`, `\=` …) so that it stays part of the word.
 */
const WORD_ESCAPABLE = new Set([" ", "\t", "\n", "|", "=", "(", ")", "[", "]", ",", "<", ">", "!", '"', "\\", "`"]);

export function decodeQuoted(raw: string): string {
  return unescape(raw.slice(1, -1), (c) => c === '"' || c === "\\");
}

export function decodeWord(raw: string): string {
  return unescape(raw, (c) => WORD_ESCAPABLE.has(c));
}

function unescape(body: string, escapable: (c: string) => boolean): string {
  if (!body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const next = body[i + 1];
    if (c === "\\" && next !== undefined && escapable(next)) {
      out += next;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/** Quotes a value for SPL: the inverse of `decodeQuoted`. */
export function quoteSpl(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Single-quoted field names in eval expressions: `'Processes.dest'`. */
export function decodeSingleQuoted(raw: string): string {
  return unescape(raw.slice(1, -1), (c) => c === "'" || c === "\\");
}
