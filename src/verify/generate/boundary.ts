import { patternToRegExp } from "../../ir/pattern.js";
import type { IrExpr, IrPattern, IrRegex } from "../../ir/types.js";
import type { LogsourceDefinition } from "../../profiles/types.js";
import { chain, mapLazy, roundRobin, take } from "./iterate.js";
import { disjuncts, negatedOperands, type Literal } from "./literals.js";
import { randomSource } from "./random.js";
import { regexSamples } from "./regex-sample.js";
import { fieldValues, nearValues, sample, type Value } from "./values.js";

export type GeneratedEvent = Record<string, Value>;

/** The field generated events put keywords in. */
const KEYWORD_FIELD = "Message";

/** How many conjunctions of each expression's disjunctive normal form become base events. */
const BASE_TERMS = 64;
/** How many conjunctions of each NOT's operand are tried against each base event. */
const FLIP_TERMS = 16;
/** The share of the budget kept for seeded random combinations. */
const RANDOM_SHARE = 0.1;

/** Sorts patterns so that a fixed start comes first and a fixed end last: their samples join into one match. */
function rank(p: IrPattern): number {
  const first = p.parts[0];
  const last = p.parts[p.parts.length - 1];
  const opensWild = first !== undefined && typeof first !== "string";
  const closesWild = last !== undefined && typeof last !== "string";
  return !opensWild ? 0 : !closesWild ? 2 : 1;
}

/**
 * One value that every pattern and regular expression of a field matches, if their samples join into one: fixed
 * starts first, then the unanchored parts, the regular expressions' samples (unless anchored at either end),
 * and fixed ends last.
 */
function joinedValue(patterns: readonly IrPattern[], regexes: readonly IrRegex[], fill: string): string {
  // Longer patterns first within a rank: a shorter one is then often matched already (`*\\Monitors\\*`).
  const unique = [...new Map(patterns.map((p) => [JSON.stringify(p), p])).values()].sort((x, y) => rank(x) - rank(y) || sample(y, "").length - sample(x, "").length);
  // A pattern the text so far already matches adds nothing (`*.dll` after `cpwmon64_v40.dll`).
  const joined = (list: readonly IrPattern[], start: string): string =>
    list.reduce((text, p) => (text && patternToRegExp(p, false).test(text) ? text : text + sample(p, fill)), start);
  const before: string[] = [];
  const middle: string[] = [];
  const after: string[] = [];
  for (const r of regexes) {
    const samples = regexSamples(r.pattern, r.flags);
    const s = samples.matching[0];
    if (s === undefined) continue;
    if (samples.anchoredStart) before.push(s);
    else if (samples.anchoredEnd) after.push(s);
    else middle.push(s);
  }
  const start = before.join("") + joined(unique.filter((p) => rank(p) < 2), "") + middle.join("");
  return joined(unique.filter((p) => rank(p) === 2), start) + after.join("");
}

/** An event meant to satisfy one conjunction: each positive field gets one value that all its tests pass. */
function satisfying(term: readonly Literal[], fixed: GeneratedEvent, frozen: ReadonlySet<string>, fill: string): GeneratedEvent {
  const event: GeneratedEvent = { ...fixed };
  const patterns = new Map<string, IrPattern[]>();
  const regexes = new Map<string, IrRegex[]>();
  // Keywords and raw terms are searched in the whole event: one free-text field carries them, space-separated.
  const words = term.filter((l) => l.positive && (l.expr.type === "IrKeyword" || l.expr.type === "IrRawTerm"));
  if (words.length) event[KEYWORD_FIELD] = words.map((l) => sample((l.expr as { pattern: IrPattern }).pattern, fill)).join(" ");
  for (const { expr, positive } of term) {
    if (!positive || !("field" in expr) || typeof expr.field !== "string" || frozen.has(expr.field)) continue;
    if (expr.type === "IrMatch") patterns.set(expr.field, [...(patterns.get(expr.field) ?? []), expr.pattern]);
    else if (expr.type === "IrRegex") regexes.set(expr.field, [...(regexes.get(expr.field) ?? []), expr]);
    else {
      const values = new Map<string, Value[]>();
      fieldValues(expr, values);
      const first = values.get(expr.field)?.[0];
      if (first !== undefined) event[expr.field] = first;
    }
  }
  for (const field of new Set([...patterns.keys(), ...regexes.keys()])) event[field] = joinedValue(patterns.get(field) ?? [], regexes.get(field) ?? [], fill);
  return event;
}

/** The event with one field set to `value`, or left out when `value` is undefined. */
function withField(base: GeneratedEvent, field: string, value: Value | undefined): GeneratedEvent {
  const event = { ...base };
  if (value === undefined) delete event[field];
  else event[field] = value;
  return event;
}

export interface BoundaryOptions {
  readonly logsource: LogsourceDefinition | null;
  /** At most this many events. */
  readonly limit: number;
  /** Fields the environment sets (the Splunk view's constants): never varied. */
  readonly environment?: readonly string[];
  /** Seeds the random combinations that fill the last part of the budget; the same seed gives the same events. */
  readonly seed?: number;
}

/** The fields to vary and the fields to leave alone (the logsource's, set to its first value; the environment's). */
function fieldPlan(exprs: readonly IrExpr[], opts: BoundaryOptions): { fields: Map<string, Value[]>; fixed: GeneratedEvent; frozen: Set<string> } {
  const fields = new Map<string, Value[]>();
  for (const e of exprs) fieldValues(e, fields);
  const fixed: GeneratedEvent = {};
  for (const [field, values] of Object.entries(opts.logsource?.conditions ?? {})) fixed[field] = values[0]!;
  const frozen = new Set([...(opts.environment ?? []), ...Object.keys(fixed)]);
  for (const f of frozen) fields.delete(f);
  return { fields, fixed, frozen };
}

/** Seeded random combinations: a base with one to three fields set to values worth trying, or left out. */
function* randomCombinations(bases: readonly GeneratedEvent[], fields: ReadonlyMap<string, Value[]>, tries: number, seed: number): Generator<GeneratedEvent> {
  const random = randomSource(seed);
  const choices = [...fields];
  if (!bases.length || !choices.length) return;
  for (let t = 0; t < tries; t++) {
    let e = random.pick(bases);
    for (let n = 1 + random.below(3); n > 0; n--) {
      const [field, values] = random.pick(choices);
      e = withField(e, field, random.below(values.length + 1) === values.length ? undefined : values[random.below(values.length)]);
    }
    yield e;
  }
}

/**
 * Events on the boundaries of the given expressions, deterministic for a seed:
 * 1. for each conjunction of the expressions' disjunctive normal forms, one event meant to satisfy it;
 * then, taking turns so that a long list of one kind cannot crowd out the rest,
 * 2. each of those with each NOT flipped (the base's positive tests joined with the NOT's operand);
 * 3. the same conjunctions with every wildcard filled by one and by several characters;
 * 4. from each of those events, one field at a time moved just off its value (case flipped, a character added or
 *    dropped) or left out;
 * 5. from each base, one field at a time set to each other value worth trying for it (each literal, each
 *    regular expression's samples and near misses, the neighbours of numbers and network edges);
 * and, in the last tenth of the budget, 6. seeded random combinations of those values.
 * The logsource's defining fields and the environment's fields are never changed.
 */
export function boundaryEvents(exprs: readonly IrExpr[], opts: BoundaryOptions): GeneratedEvent[] {
  const { fields, fixed, frozen } = fieldPlan(exprs, opts);
  // Two forms of one rule share most conjunctions: each is kept once.
  const terms = [...new Map(exprs.flatMap((e) => disjuncts(e, true, BASE_TERMS)).map((t) => [JSON.stringify(t), t])).values()];
  const bases = terms.map((t) => satisfying(t, fixed, frozen, ""));
  const boundaryLimit = Math.max(1, Math.floor(opts.limit * (1 - RANDOM_SHARE)));
  const negated = exprs.flatMap((e) => negatedOperands(e)).flatMap((x) => disjuncts(x, true, FLIP_TERMS));
  const flips = take(roundRobin(terms.map((t) => mapLazy(negated, (d) => satisfying([...t, ...d], fixed, frozen, "")))), boundaryLimit);
  const filled = ["q", "qz-Q"].flatMap((fill) => terms.map((t) => satisfying(t, fixed, frozen, fill)));
  const fieldList = [...fields];
  const nudgesOf = (b: GeneratedEvent): Iterable<GeneratedEvent> =>
    roundRobin(fieldList.map(([f]) => mapLazy([undefined, ...(b[f] === undefined ? [] : nearValues(b[f]))], (v) => withField(b, f, v))));
  // null for a value the base already has: skipped lazily, as the lists can be long.
  const othersOf = (b: GeneratedEvent): Iterable<GeneratedEvent | null> =>
    roundRobin(fieldList.map(([f, values]) => mapLazy(values, (v) => (v === b[f] ? null : withField(b, f, v)))));
  const turns = roundRobin<GeneratedEvent | null>([flips, filled, roundRobin([...bases, ...flips, ...filled].map(nudgesOf)), roundRobin(bases.map(othersOf))]);

  const events = new Map<string, GeneratedEvent>();
  const add = (e: GeneratedEvent | null): void => void (e && events.set(JSON.stringify(e), e));
  for (const e of chain<GeneratedEvent | null>(bases, turns)) {
    if (events.size >= boundaryLimit) break;
    add(e);
  }
  for (const e of randomCombinations(bases, fields, Math.ceil(opts.limit * RANDOM_SHARE), opts.seed ?? 1)) {
    if (events.size >= opts.limit) break;
    add(e);
  }
  return [...events.values()];
}
