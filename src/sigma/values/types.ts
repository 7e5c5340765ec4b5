/**
 * Typed Sigma values: what a detection item's values mean once its modifiers are applied.
 * Tags never collide with the SPL tree's.
 */
export interface AnyChars {
  readonly type: "AnyChars";
}
export interface OneChar {
  readonly type: "OneChar";
}
export type Wildcard = AnyChars | OneChar;

/** `%name%` in a value under the `expand` modifier. */
export interface Placeholder {
  readonly type: "Placeholder";
  readonly name: string;
}

/** A literal run of characters (wildcards and escapes already decoded), a wildcard or a placeholder. */
export type StringPart = string | Wildcard | Placeholder;

export interface SigmaString {
  readonly type: "SigmaString";
  readonly parts: readonly StringPart[];
  /** Set by `cased`: match case-sensitively (Sigma's default is case-insensitive). */
  readonly cased: boolean;
}

export interface SigmaNumber {
  readonly type: "SigmaNumber";
  readonly value: number;
}

export interface SigmaBool {
  readonly type: "SigmaBool";
  readonly value: boolean;
}

export interface SigmaNull {
  readonly type: "SigmaNull";
}

export type RegexFlag = "i" | "m" | "s";

/** `re`: a PCRE pattern taken verbatim (no Sigma unescaping), case-sensitive unless flag `i`. */
export interface SigmaRegex {
  readonly type: "SigmaRegex";
  readonly pattern: string;
  /** Sorted, without repeats: pySigma prints them as a `(?ims)` prefix in this order. */
  readonly flags: readonly RegexFlag[];
}

export interface SigmaCidr {
  readonly type: "SigmaCidr";
  readonly network: string;
}

export interface SigmaExists {
  readonly type: "SigmaExists";
  readonly exists: boolean;
}

export type TimePart = "minute" | "hour" | "day" | "week" | "month" | "year";

/** `minute`, `hour`, …: the field is a timestamp and this part of it equals the number. */
export interface SigmaTimePart {
  readonly type: "SigmaTimePart";
  readonly part: TimePart;
  readonly value: number;
}

export type CompareOp = "lt" | "lte" | "gt" | "gte";

export interface SigmaCompare {
  readonly type: "SigmaCompare";
  readonly op: CompareOp;
  readonly value: number;
  /** Compare a part of a timestamp field (`minute|gt: 30`) rather than the field itself. */
  readonly timePart?: TimePart;
}

/** `fieldref`: compare with the value of another field of the same event. */
export interface SigmaFieldRef {
  readonly type: "SigmaFieldRef";
  readonly field: string;
  readonly startsWith: boolean;
  readonly endsWith: boolean;
}

/** One value that became several alternatives (windash, base64offset): always an OR group. */
export interface SigmaExpansion {
  readonly type: "SigmaExpansion";
  readonly values: readonly SigmaValue[];
}

export type SigmaValue =
  | SigmaString
  | SigmaNumber
  | SigmaBool
  | SigmaNull
  | SigmaRegex
  | SigmaCidr
  | SigmaExists
  | SigmaTimePart
  | SigmaCompare
  | SigmaFieldRef
  | SigmaExpansion;

export type Scalar = string | number | boolean | null;
