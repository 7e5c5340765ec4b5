import { CONDITIONAL } from "./cond.js";
import { MATH } from "./math.js";
import { MULTIVALUE } from "./mv.js";
import { TEXT } from "./text.js";
import { TIME } from "./time.js";
import type { EvalFunction } from "./types.js";

/** Every eval function the evaluator runs, by lower-case name (Splunk's function names are case-insensitive). */
export const FUNCTIONS: Readonly<Record<string, EvalFunction>> = { ...CONDITIONAL, ...TEXT, ...MULTIVALUE, ...MATH, ...TIME };
