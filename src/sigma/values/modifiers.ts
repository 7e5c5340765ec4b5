import { cidrProblem } from "./cidr.js";
import { base64, base64offset, EncodingError, insertPlaceholders, utf16, utf16be, wide, windash } from "./encodings.js";
import { sigmaRegex, widenRegex } from "./regex.js";
import { ANY, hasWildcards, isAnyChars, pySigmaText, sigmaString } from "./sigma-string.js";
import type { RegexFlag, Scalar, SigmaValue, TimePart } from "./types.js";

/** A fault found while applying modifiers: becomes a diagnostic with this code. */
export class ModifierError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type ValueType = SigmaValue["type"];

/** The item a value belongs to, and the value as written (`re` takes the text verbatim, unescaped). */
export interface ModifierContext {
  readonly field: string | null;
  readonly raw: Scalar;
}

interface ValueModifier {
  readonly kind: "value";
  readonly accepts: readonly ValueType[];
  /** `re`, `cidr` and `exists` read the value as written, so nothing may come before them. */
  readonly first?: boolean;
  readonly apply: (value: never, context: ModifierContext) => SigmaValue | SigmaValue[];
}

/** `all` and `neq` act on the whole item, not on each value. */
interface ListModifier {
  readonly kind: "list";
}

export type Modifier = ValueModifier | ListModifier;

const STRING_LIKE: ValueType[] = ["SigmaString", "SigmaRegex", "SigmaFieldRef"];
const STRING: ValueType[] = ["SigmaString"];

function value<T extends SigmaValue>(accepts: ValueType[], apply: (v: T, ctx: ModifierContext) => SigmaValue | SigmaValue[], first = false): ValueModifier {
  return { kind: "value", accepts, apply: apply as ValueModifier["apply"], ...(first ? { first } : {}) };
}

type Widenable = Extract<SigmaValue, { type: "SigmaString" | "SigmaRegex" | "SigmaFieldRef" }>;

/** contains (both ends), startswith (wildcard after), endswith (wildcard before). */
function widen(atStart: boolean, atEnd: boolean): ValueModifier {
  return value<Widenable>(STRING_LIKE, (v) => {
    if (v.type === "SigmaRegex") return widenRegex(v, atStart, atEnd);
    if (v.type === "SigmaFieldRef") return { ...v, startsWith: v.startsWith || atEnd, endsWith: v.endsWith || atStart };
    const head = atStart && !isAnyChars(v.parts[0]) ? [ANY] : [];
    const tail = atEnd && !isAnyChars(v.parts.at(-1)) ? [ANY] : [];
    return sigmaString([...head, ...v.parts, ...tail], v.cased);
  });
}

function regexFlag(flag: RegexFlag): ValueModifier {
  return value<Extract<SigmaValue, { type: "SigmaRegex" }>>(["SigmaRegex"], (v) => sigmaRegex(v.pattern, [...v.flags, flag]));
}

function compare(op: "lt" | "lte" | "gt" | "gte"): ValueModifier {
  return value<Extract<SigmaValue, { type: "SigmaNumber" | "SigmaTimePart" }>>(["SigmaNumber", "SigmaTimePart"], (v) => ({
    type: "SigmaCompare",
    op,
    value: v.value,
    ...(v.type === "SigmaTimePart" ? { timePart: v.part } : {}),
  }));
}

function timePart(part: TimePart): ValueModifier {
  return value<Extract<SigmaValue, { type: "SigmaNumber" }>>(["SigmaNumber"], (v) => ({ type: "SigmaTimePart", part, value: v.value }));
}

type Str = Extract<SigmaValue, { type: "SigmaString" }>;

const encoded = (f: (v: Str) => SigmaValue | SigmaValue[]) =>
  value<Str>(STRING, (v) => {
    try {
      return f(v);
    } catch (e) {
      if (e instanceof EncodingError) throw new ModifierError("SIG4005", e.message);
      throw e;
    }
  });

/** Every modifier of the Sigma 2.1 modifiers appendix, plus pySigma's long names of the regex flags. */
export const MODIFIERS: Readonly<Record<string, Modifier>> = {
  contains: widen(true, true),
  startswith: widen(false, true),
  endswith: widen(true, false),
  all: { kind: "list" },
  neq: { kind: "list" },
  exists: value<Extract<SigmaValue, { type: "SigmaBool" }>>(["SigmaBool"], (v, ctx) => {
    if (ctx.field === null) throw new ModifierError("SIG4003", "exists needs a field: it cannot apply to keywords");
    return { type: "SigmaExists", exists: v.value };
  }, true),
  cased: value<Str>(STRING, (v) => ({ ...v, cased: true })),
  windash: value<Str>(STRING, (v) => ({ type: "SigmaExpansion", values: windash(v) })),
  re: value<Str>(STRING, (_v, ctx) => sigmaRegex(String(ctx.raw)), true),
  i: regexFlag("i"),
  ignorecase: regexFlag("i"),
  m: regexFlag("m"),
  multiline: regexFlag("m"),
  s: regexFlag("s"),
  dotall: regexFlag("s"),
  base64: encoded(base64),
  base64offset: encoded((v) => ({ type: "SigmaExpansion", values: base64offset(v) })),
  wide: encoded((v) => wide(v)),
  utf16le: encoded((v) => wide(v, "utf16le")),
  utf16be: encoded(utf16be),
  utf16: encoded(utf16),
  lt: compare("lt"),
  lte: compare("lte"),
  gt: compare("gt"),
  gte: compare("gte"),
  minute: timePart("minute"),
  hour: timePart("hour"),
  day: timePart("day"),
  week: timePart("week"),
  month: timePart("month"),
  year: timePart("year"),
  cidr: value<Str>(STRING, (v) => {
    const network = pySigmaText(v.parts);
    const problem = cidrProblem(network);
    if (problem) throw new ModifierError("SIG4007", problem);
    return { type: "SigmaCidr", network };
  }, true),
  expand: value<Extract<SigmaValue, { type: "SigmaString" | "SigmaRegex" }>>(["SigmaString", "SigmaRegex"], (v) =>
    v.type === "SigmaString" ? insertPlaceholders(v) : v,
  ),
  fieldref: value<Str>(STRING, (v) => {
    if (hasWildcards(v.parts)) throw new ModifierError("SIG4003", "fieldref names a field: it cannot contain wildcards");
    return { type: "SigmaFieldRef", field: pySigmaText(v.parts), startsWith: false, endsWith: false };
  }),
};
