import type { SortCommand, TopCommand } from "../../../spl/ast.js";
import { parseAddress } from "../../../ir/cidr.js";
import { SplEvalError } from "../errors.js";
import { compareScalars, scalarNumber, scalarText, valuesOf, type Row, type Scalar } from "../row.js";
import { blocking, readOptions, type StageFactory } from "./types.js";

/** How a sort key compares values: Splunk's `auto(f)` (the default), `str(f)`, `num(f)` and `ip(f)`. */
export type Collation = "auto" | "str" | "num" | "ip";

export interface RowSortKey {
  readonly field: string;
  readonly desc: boolean;
  readonly collation: Collation;
}

export function collation(fn: string | null, command: string): Collation {
  const name = (fn ?? "auto").toLowerCase();
  if (name === "auto" || name === "str" || name === "num" || name === "ip") return name;
  throw new SplEvalError(`${command}: ${fn}() is not a sort collation (auto, str, num, ip)`, command);
}

/**
 * A row order over sort keys (stable through Array.prototype.sort). Rows missing a key's field come last.
 * `auto` compares numbers numerically, IP addresses as addresses and other text lexicographically (by code
 * unit, so upper case before lower case), as Splunk's sort documents.
 */
export function rowComparator(keys: readonly RowSortKey[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = valuesOf(a.get(k.field))[0];
      const y = valuesOf(b.get(k.field))[0];
      if (x === undefined || y === undefined) {
        if (x !== y) return x === undefined ? 1 : -1;
        continue;
      }
      const c = compareAs(k.collation, x, y);
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  };
}

function compareAs(how: Collation, x: Scalar, y: Scalar): number {
  switch (how) {
    case "str":
      return compareText(scalarText(x), scalarText(y));
    case "num":
      return compareScalars(x, y);
    case "ip":
      return compareIps(x, y) ?? compareText(scalarText(x), scalarText(y));
    case "auto":
      return scalarNumber(x) === null || scalarNumber(y) === null ? compareIps(x, y) ?? compareScalars(x, y) : compareScalars(x, y);
  }
}

function compareText(s: string, t: string): number {
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Both addresses: their order (IPv4 before IPv6); otherwise null. */
function compareIps(x: Scalar, y: Scalar): number | null {
  const a = parseAddress(scalarText(x));
  const b = parseAddress(scalarText(y));
  if (!a || !b) return null;
  if (a.bits !== b.bits) return a.bits - b.bits;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/**
 * Sort keys written as text, as `dedup … sortby -_time +str(user)` gives them: a sign (`-` descending) and an
 * optional collation function around the field.
 */
export function sortKeysFromText(words: readonly string[], command: string): RowSortKey[] {
  const keys: RowSortKey[] = [];
  let sign: string | null = null;
  for (const w of words) {
    if (w === "-" || w === "+") {
      sign = w;
      continue;
    }
    const m = /^([+-]?)(?:(\w+)\((.+)\)|(.+))$/.exec(w);
    if (!m) throw new SplEvalError(`${command}: ${w} is not a sort key`, command);
    const desc = (m[1] || sign) === "-";
    keys.push({ field: m[3] ?? m[4]!, desc, collation: collation(m[2] ?? null, command) });
    sign = null;
  }
  if (sign !== null || keys.length === 0) throw new SplEvalError(`${command}: sortby needs fields`, command);
  return keys;
}

/** `sort [N] [-|+][fn(]f[)]… [desc]`: stable; missing values last; Splunk's default limit is 10,000 (0 = all). */
export function sortStage(cmd: SortCommand): StageFactory {
  const limit = cmd.limit ?? 10_000;
  const keys = cmd.keys.map((k) => ({ field: k.field.name, desc: (k.order === "-") !== cmd.desc, collation: collation(k.fn, "sort") }));
  const compare = rowComparator(keys);
  return blocking((rows) => {
    const sorted = [...rows].sort(compare);
    return limit > 0 ? sorted.slice(0, limit) : sorted;
  });
}

interface TopGroup {
  readonly by: Scalar[];
  total: number;
  readonly combos: Map<string, { values: Scalar[]; n: number }>;
}

/**
 * `top`/`rare [limit=10] f… [by g…]`: the most (least) common value combinations with `count` and `percent`
 * (of the events that have all the fields, within the by-group); `useother=t` adds a row (`otherstr`, default
 * OTHER, in every field) for the combinations the limit cut off.
 */
export function topStage(cmd: TopCommand): StageFactory {
  const opts = readOptions(cmd.name, cmd.options, ["limit", "countfield", "percentfield", "showcount", "showperc", "useother", "otherstr"]);
  const shape = {
    limit: opts.int("limit", 10),
    countField: opts.text("countfield") ?? "count",
    percentField: opts.text("percentfield") ?? "percent",
    showCount: opts.bool("showcount", true),
    showPercent: opts.bool("showperc", true),
    other: opts.bool("useother", false) ? opts.text("otherstr") ?? "OTHER" : null,
  };
  const fields = cmd.fields.map((f) => f.name);
  const by = cmd.by.map((f) => f.name);
  const ascending = cmd.name === "rare";
  return blocking((rows) => {
    const out: Row[] = [];
    for (const g of topGroups(rows, fields, by).values()) {
      const ranked = [...g.combos.values()].sort((a, b) => (ascending ? a.n - b.n : b.n - a.n));
      const kept = shape.limit > 0 ? ranked.slice(0, shape.limit) : ranked;
      const cut = ranked.slice(kept.length).reduce((n, c) => n + c.n, 0);
      const withOther = shape.other !== null && cut > 0 ? [...kept, { values: fields.map(() => shape.other!), n: cut }] : kept;
      for (const c of withOther) {
        const row: Row = new Map();
        by.forEach((f, i) => row.set(f, g.by[i]!));
        fields.forEach((f, i) => row.set(f, c.values[i]!));
        if (shape.showCount) row.set(shape.countField, c.n);
        if (shape.showPercent) row.set(shape.percentField, Math.round((c.n / g.total) * 100 * 1e6) / 1e6);
        out.push(row);
      }
    }
    return out;
  });
}

function topGroups(rows: readonly Row[], fields: readonly string[], by: readonly string[]): Map<string, TopGroup> {
  const groups = new Map<string, TopGroup>();
  for (const row of rows) {
    const byValues = by.map((f) => valuesOf(row.get(f))[0]);
    const values = fields.map((f) => valuesOf(row.get(f))[0]);
    if (byValues.includes(undefined) || values.includes(undefined)) continue;
    const gid = JSON.stringify(byValues);
    const g = groups.get(gid) ?? { by: byValues as Scalar[], total: 0, combos: new Map() };
    groups.set(gid, g);
    g.total++;
    const cid = JSON.stringify(values.map((v) => scalarText(v!)));
    const c = g.combos.get(cid) ?? { values: values as Scalar[], n: 0 };
    c.n++;
    g.combos.set(cid, c);
  }
  return groups;
}
