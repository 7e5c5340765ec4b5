import type { RegexFlag, SigmaRegex } from "./types.js";

export function sigmaRegex(pattern: string, flags: readonly RegexFlag[] = []): SigmaRegex {
  return { type: "SigmaRegex", pattern, flags: [...new Set(flags)].sort() };
}

/** Python-only syntax JS does not read, rewritten just for the validity check. */
function forJavaScript(pattern: string): string {
  return pattern.replace(/^\(\?[imsx]+\)/, "").replace(/\(\?P</g, "(?<").replace(/\(\?P=(\w+)\)/g, "\\k<$1>");
}

/** Why the pattern does not compile, or null. JS stands in for PCRE here, after removing a leading `(?i)`-style flag group. */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(forJavaScript(pattern));
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** `|` outside groups and classes: `contains` must wrap such a pattern before adding `.*`. */
function hasTopLevelAlternation(re: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") {
      inClass = true;
      if (re[i + 1] === "^") i++;
      if (re[i + 1] === "]") i++;
    } else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

function endsUnescaped(re: string, suffix: string): boolean {
  if (!re.endsWith(suffix)) return false;
  const head = re.slice(0, re.length - suffix.length);
  return (head.length - head.replace(/\\+$/, "").length) % 2 === 0;
}

const openEnded = (re: string): boolean => !endsUnescaped(re, ".*") && !endsUnescaped(re, "$");
const openStart = (re: string): boolean => !re.startsWith(".*") && !re.startsWith("^");
const grouped = (re: string): string => (hasTopLevelAlternation(re) ? `(?:${re})` : re);

/** contains / startswith / endswith on a regex, as pySigma: add `.*` where the pattern is not anchored. */
export function widenRegex(value: SigmaRegex, atStart: boolean, atEnd: boolean): SigmaRegex {
  const re = grouped(value.pattern);
  const head = atStart && openStart(re) ? ".*" : "";
  const tail = atEnd && openEnded(re) ? ".*" : "";
  return { ...value, pattern: `${head}${re}${tail}` };
}
