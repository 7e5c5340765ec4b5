import { RE2JS } from "re2js";

/**
 * Regular expressions from rules, run by RE2JS (a pure-JavaScript port of RE2): matching is linear in the
 * input, so no pattern can hang the evaluator. RE2 reads the PCRE syntax rules use — inline flags `(?i)`,
 * `(?ims)`, `(?i:…)`, named groups `(?<n>…)` and `(?P<n>…)`, `\A`/`\z`, classes — but not backreferences,
 * lookaround, atomic groups or possessive quantifiers; those get a clear error naming the construct.
 */
export interface SafeRegex {
  readonly source: string;
  /** A match anywhere in the text (PCRE `find`, not anchored). */
  test(text: string): boolean;
  /** Every non-overlapping match, with its named groups (null when a group took no part). */
  matches(text: string, limit?: number): RegexMatch[];
  /** The group names in pattern order. */
  readonly groupNames: readonly string[];
}

export interface RegexMatch {
  readonly start: number;
  readonly end: number;
  readonly groups: Readonly<Record<string, string | null>>;
  /** Numbered groups, 0 = the whole match. */
  readonly numbered: readonly (string | null)[];
  /** Where each named group matched: [start, end) offsets into the text (null when it took no part). */
  readonly spans: Readonly<Record<string, readonly [number, number] | null>>;
}

export type RegexFlag = "i" | "m" | "s";
export type CompiledRegex = { readonly ok: true; readonly regex: SafeRegex } | { readonly ok: false; readonly message: string };

const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\\[1-9]|\\k[<{']|\\g\{?-?\d/, "backreferences"],
  [/\(\?<?[=!]/, "lookahead and lookbehind"],
  [/\(\?>/, "atomic groups"],
  [/[*+?}]\+/, "possessive quantifiers"],
  [/\(\?[a-zA-Z]*x/, "the x (extended) flag"],
  [/\(\?(R|\d|&|\()/, "recursion and conditionals"],
];

const cache = new Map<string, CompiledRegex>();

/** Compiles once per (pattern, flags); the result is shared, as compiled patterns hold no state. */
export function compileRegex(pattern: string, flags: readonly RegexFlag[] = []): CompiledRegex {
  const key = `${flags.join("")}/${pattern}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(pattern, flags);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}

function compile(pattern: string, flags: readonly RegexFlag[]): CompiledRegex {
  const source = translatePcre(pattern);
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, flagBits(flags));
  } catch (e) {
    const construct = UNSUPPORTED.find(([test]) => test.test(stripEscapedBackslashes(pattern)))?.[1];
    const why = construct ? `${construct} cannot run in linear time and are not supported` : (e as Error).message.replace(/^error parsing regexp: /, "");
    return { ok: false, message: `regular expression /${pattern}/: ${why}` };
  }
  return { ok: true, regex: wrap(pattern, re) };
}

function flagBits(flags: readonly RegexFlag[]): number {
  let bits = 0;
  for (const f of flags) bits |= f === "i" ? RE2JS.CASE_INSENSITIVE : f === "m" ? RE2JS.MULTILINE : RE2JS.DOTALL;
  return bits;
}

/** PCRE spellings RE2 lacks but can express: `\Z` (end, or before a final newline), `\h`, `\R`, `\e`. */
function translatePcre(pattern: string): string {
  if (!pattern.includes("\\")) return pattern;
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c !== "\\" || i + 1 >= pattern.length) {
      out += c;
      continue;
    }
    const next = pattern[++i]!;
    out += next === "Z" ? "(?:\\n?\\z)" : next === "h" ? "[\\t ]" : next === "R" ? "(?:\\r\\n|\\n|\\r)" : next === "e" ? "\\x1b" : `\\${next}`;
  }
  return out;
}

function stripEscapedBackslashes(pattern: string): string {
  return pattern.replace(/\\\\/g, "");
}

function wrap(source: string, re: RE2JS): SafeRegex {
  const names = Object.entries(re.namedGroups() as Record<string, number>).sort((a, b) => a[1] - b[1]);
  const count = re.groupCount();
  return {
    source,
    groupNames: names.map(([n]) => n),
    test: (text) => re.matcher(text).find(),
    matches(text, limit = Infinity) {
      const out: RegexMatch[] = [];
      const m = re.matcher(text);
      let from = 0;
      while (out.length < limit && from <= text.length && m.find(from)) {
        const numbered: (string | null)[] = [];
        for (let g = 0; g <= count; g++) numbered.push(m.group(g) ?? null);
        const groups: Record<string, string | null> = {};
        const spans: Record<string, readonly [number, number] | null> = {};
        for (const [n, idx] of names) {
          groups[n] = numbered[idx] ?? null;
          spans[n] = numbered[idx] === null ? null : [m.start(idx), m.end(idx)];
        }
        out.push({ start: m.start(), end: m.end(), groups, numbered, spans });
        from = m.end() === m.start() ? m.end() + 1 : m.end();
      }
      return out;
    },
  };
}
