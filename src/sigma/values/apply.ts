import { MODIFIERS, ModifierError, type ModifierContext } from "./modifiers.js";
import { regexProblem } from "./regex.js";
import { parseSigmaString, sigmaString } from "./sigma-string.js";
import type { Scalar, SigmaValue } from "./types.js";

/** A fault in a detection item; `onKey` when it is about the modifiers rather than a value. */
export interface ItemProblem {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly onKey: boolean;
  /** Which value, when the item has a list of values. */
  readonly valueIndex?: number;
}

export interface AppliedItem {
  readonly values: readonly SigmaValue[];
  /** `all` links the values with AND; by default they are alternatives. */
  readonly linking: "any" | "all";
  /** `neq`: the item matches when none of its values does. */
  readonly negated: boolean;
  readonly problems: readonly ItemProblem[];
}

/** The typed value of a YAML scalar before any modifier (pySigma's `sigma_type`). */
export function typedScalar(raw: Scalar): SigmaValue {
  if (raw === null) return { type: "SigmaNull" };
  if (typeof raw === "boolean") return { type: "SigmaBool", value: raw };
  if (typeof raw === "number") return { type: "SigmaNumber", value: raw };
  return sigmaString(parseSigmaString(raw));
}

const keyProblem = (code: string, message: string, severity: "error" | "warning" = "error"): ItemProblem => ({ code, severity, message, onKey: true });

/** Faults of the modifier chain itself, independent of the values. */
function chainProblems(modifiers: readonly string[], count: number): ItemProblem[] {
  const unknown = modifiers.filter((m) => !(m in MODIFIERS));
  if (unknown.length) return unknown.map((m) => keyProblem("SIG4001", `unknown modifier '${m}'`));
  const problems: ItemProblem[] = [];
  modifiers.forEach((m, i) => {
    const mod = MODIFIERS[m]!;
    if (mod.kind === "value" && mod.first && i > 0) problems.push(keyProblem("SIG4002", `modifier '${m}' reads the value as written, so it must come first (found after '${modifiers[i - 1]}')`));
    if (m !== "base64" && modifiers.indexOf(m) !== i) problems.push(keyProblem("SIG4011", `modifier '${m}' is repeated`, "warning"));
  });
  if (modifiers.includes("all") && count < 2) problems.push(keyProblem("SIG4004", "'all' needs a list of at least two values; for one value drop 'all'"));
  if (modifiers.includes("utf16le")) problems.push(keyProblem("SIG4012", "'utf16le' is in the specification but pySigma does not know it; 'wide' is the same and portable", "warning"));
  if (modifiers.includes("base64offset") && !modifiers.includes("contains")) problems.push(keyProblem("SIG4015", "base64offset values only match inside a longer string: add 'contains' after it", "warning"));
  return problems;
}

function describe(v: SigmaValue): string {
  return v.type.replace(/^Sigma/, "").toLowerCase();
}

function applyOne(name: string, v: SigmaValue, ctx: ModifierContext): SigmaValue[] {
  const mod = MODIFIERS[name]!;
  if (mod.kind === "list") return [v];
  if (v.type === "SigmaExpansion") return [{ type: "SigmaExpansion", values: v.values.flatMap((inner) => applyOne(name, inner, ctx)) }];
  if (!mod.accepts.includes(v.type)) {
    const wants = mod.accepts.map((t) => t.replace(/^Sigma/, "").toLowerCase()).join(" or ");
    throw new ModifierError("SIG4003", `modifier '${name}' needs a ${wants} value, but ${JSON.stringify(ctx.raw)} is a ${describe(v)}`);
  }
  const out = mod.apply(v as never, ctx);
  return Array.isArray(out) ? out : [out];
}

function finalChecks(v: SigmaValue): void {
  if (v.type === "SigmaRegex") {
    const problem = regexProblem(v.pattern);
    if (problem) throw new ModifierError("SIG4006", `invalid regular expression: ${problem}`);
  }
  if (v.type === "SigmaExpansion") v.values.forEach(finalChecks);
}

function valueOf(field: string | null, modifiers: readonly string[], raw: Scalar): SigmaValue[] {
  const ctx = { field, raw };
  const values = modifiers.reduce<SigmaValue[]>((vals, m) => vals.flatMap((v) => applyOne(m, v, ctx)), [typedScalar(raw)]);
  values.forEach(finalChecks);
  return values;
}

/** Applies a detection item's modifiers, left to right, to each of its values. */
export function applyModifiers(field: string | null, modifiers: readonly string[], raw: readonly Scalar[]): AppliedItem {
  const base = { linking: modifiers.includes("all") ? "all" : "any", negated: modifiers.includes("neq") } as const;
  const chain = chainProblems(modifiers, raw.length);
  if (chain.some((p) => p.severity === "error")) return { ...base, values: [], problems: chain };
  const problems = [...chain];
  if (raw.length > 1 && raw.includes(null)) {
    problems.push({ code: "SIG4010", severity: "error", message: "null cannot be one of several values: put `field: null` in a selection of its own", onKey: false, valueIndex: raw.indexOf(null) });
  }
  const values = raw.flatMap((r, valueIndex) => {
    try {
      return valueOf(field, modifiers, r);
    } catch (e) {
      if (!(e instanceof ModifierError)) throw e;
      problems.push({ code: e.code, severity: "error", message: e.message, onKey: false, ...(raw.length > 1 ? { valueIndex } : {}) });
      return [];
    }
  });
  if (modifiers.includes("expand") && !values.some(hasPlaceholder)) problems.push(keyProblem("SIG4008", "'expand' is set but no value holds a %placeholder%", "warning"));
  return { ...base, values, problems };
}

function hasPlaceholder(v: SigmaValue): boolean {
  return v.type === "SigmaString" && v.parts.some((p) => typeof p === "object" && p.type === "Placeholder");
}
