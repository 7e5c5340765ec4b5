/**
 * The neutral boolean IR that both translators and both evaluators share. Every node states its meaning
 * completely — case sensitivity, anchoring, what happens on a missing field — so that a difference between
 * Sigma and SPL is always a difference of nodes, never of interpretation. Tags start with `Ir`.
 *
 * Field predicates (`IrMatch`, `IrRegex`, `IrCidr`, `IrCompare`, `IrFieldRef`, `IrTimePart`) are false when
 * the field is missing or null; on a multi-valued field they hold when any value satisfies them. `IrNot` is
 * plain boolean negation, so `NOT f=x` holds on events without `f` while SPL's `f!=x` is
 * `IrAnd(IrExists f, IrNot(IrMatch f x))`.
 */

/** A wildcard in a pattern. */
export type IrWildcard = { readonly type: "IrAnyChars" } | { readonly type: "IrOneChar" };

/** Literal text and wildcards, matched against a whole value (anchored at both ends). */
export interface IrPattern {
  readonly parts: readonly (string | IrWildcard)[];
}

export interface IrAnd {
  readonly type: "IrAnd";
  readonly operands: readonly IrExpr[];
}

export interface IrOr {
  readonly type: "IrOr";
  readonly operands: readonly IrExpr[];
}

export interface IrNot {
  readonly type: "IrNot";
  readonly operand: IrExpr;
}

/** Always true (an empty AND, `search *`) or always false (an empty OR). */
export interface IrConst {
  readonly type: "IrConst";
  readonly value: boolean;
}

/** The value, as text, matches the pattern. Numbers and booleans match by their text (`4688` ≡ `"4688"`). */
export interface IrMatch {
  readonly type: "IrMatch";
  readonly field: string;
  readonly pattern: IrPattern;
  readonly caseSensitive: boolean;
}

/** A PCRE-style regular expression finds a match somewhere in the value (unanchored). */
export interface IrRegex {
  readonly type: "IrRegex";
  readonly field: string;
  readonly pattern: string;
  readonly flags: readonly ("i" | "m" | "s")[];
}

/** The value is an IPv4 or IPv6 address inside the network (by address arithmetic, not text). */
export interface IrCidr {
  readonly type: "IrCidr";
  readonly field: string;
  readonly network: string;
}

/** The value is a number and compares so with `value`. */
export interface IrCompare {
  readonly type: "IrCompare";
  readonly field: string;
  readonly op: "<" | "<=" | ">" | ">=";
  readonly value: number;
}

/** The field is present with a non-null value (an empty string counts as present). */
export interface IrExists {
  readonly type: "IrExists";
  readonly field: string;
}

/** The value relates to the value of another field of the same event. */
export interface IrFieldRef {
  readonly type: "IrFieldRef";
  readonly field: string;
  readonly other: string;
  readonly mode: "equals" | "startswith" | "endswith" | "contains";
  readonly caseSensitive: boolean;
}

/** A part of a timestamp value (Sigma's `minute`, `hour` … modifiers) compares so with `value`. */
export interface IrTimePart {
  readonly type: "IrTimePart";
  readonly field: string;
  readonly part: "minute" | "hour" | "day" | "week" | "month" | "year";
  readonly op: "=" | "<" | "<=" | ">" | ">=";
  readonly value: number;
}

/**
 * Sigma keyword semantics: some string value anywhere in the event contains a match of the pattern (the
 * pattern is not anchored: `evil` is found in `devilish`), as Sigma evaluators read keywords.
 */
export interface IrKeyword {
  readonly type: "IrKeyword";
  readonly pattern: IrPattern;
  readonly caseSensitive: boolean;
}

/**
 * SPL bare-term semantics: the pattern matches a whole indexed term of `_raw` (or, for a phrase, a run of
 * terms), case-insensitively unless `caseSensitive` (`CASE(…)`); `exact` is `TERM(…)`: no minor breaking.
 */
export interface IrRawTerm {
  readonly type: "IrRawTerm";
  readonly pattern: IrPattern;
  readonly caseSensitive: boolean;
  readonly exact: boolean;
}

/** Something the IR cannot state (a subsearch, an unexpanded macro …): translators report it as a loss. */
export interface IrUnsupported {
  readonly type: "IrUnsupported";
  readonly reason: string;
  readonly text: string;
}

export type IrExpr =
  | IrAnd | IrOr | IrNot | IrConst
  | IrMatch | IrRegex | IrCidr | IrCompare | IrExists | IrFieldRef | IrTimePart
  | IrKeyword | IrRawTerm | IrUnsupported;

export function assertNeverIr(x: never): never {
  throw new Error(`unexpected IR node: ${JSON.stringify(x)}`);
}
