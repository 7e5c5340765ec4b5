import type { IrRawTerm } from "../../ir/types.js";
import { compileRegex, type CompiledRegex } from "../regex.js";

/**
 * Splunk's default segmentation (segmenters.conf): major breakers end indexed terms; minor breakers split
 * them further, and each piece is indexed too. So a bare term matches a whole piece of `_raw` between
 * breakers; `TERM(x)` must match a whole piece between major breakers.
 */
const MAJOR = "\\s\\[\\]<>(){}|!;,'\"&?+*";
const MINOR = "/:=@.\\-$#%\\\\_";

/**
 * A regex (run by the linear-time engine) for a bare term: the pattern's text, with `*` spanning anything but
 * a major breaker, bounded on each side by the start/end of `_raw` or a breaker — unless the term itself
 * starts or ends with a breaker, which then is its own boundary.
 */
export function compileRawTerm(node: IrRawTerm): CompiledRegex {
  const boundary = node.exact ? `[${MAJOR}]` : `[${MAJOR}${MINOR}]`;
  const breaker = new RegExp(`^[${MAJOR}${MINOR}]$`);
  let body = "";
  for (const part of node.pattern.parts) {
    if (typeof part === "string") body += escapeRe(part);
    else body += part.type === "IrAnyChars" ? `[^${MAJOR}]*` : `[^${MAJOR}]`;
  }
  const first = node.pattern.parts[0];
  const last = node.pattern.parts[node.pattern.parts.length - 1];
  const startsWithBreaker = typeof first === "string" && breaker.test(first[0] ?? "");
  const endsWithBreaker = typeof last === "string" && breaker.test(last[last.length - 1] ?? "");
  const source = `${startsWithBreaker ? "" : `(?:^|${boundary})`}${body}${endsWithBreaker ? "" : `(?:$|${boundary})`}`;
  return compileRegex(source, node.caseSensitive ? [] : ["i"]);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
