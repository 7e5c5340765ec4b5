import type { SortCommand, TopCommand } from "../../../spl/ast.js";
import { compareScalars, scalarText, valuesOf, type Row, type Scalar } from "../row.js";
import { boolOption, intOption, option, blocking, type StageFactory } from "./types.js";

/** `sort [N] [-|+]f…`: stable; missing values last; Splunk's default limit is 10,000 (0 = all). */
export function sortStage(cmd: SortCommand): StageFactory {
  const limit = cmd.limit ?? 10_000;
  const keys = cmd.keys.map((k) => ({ field: k.field.name, desc: (k.order === "-") !== cmd.desc, fn: k.fn }));
  return blocking((rows) => {
    const sorted = [...rows].sort((a, b) => {
      for (const k of keys) {
        const x = valuesOf(a.get(k.field))[0];
        const y = valuesOf(b.get(k.field))[0];
        if (x === undefined || y === undefined) {
          if (x !== y) return x === undefined ? 1 : -1;
          continue;
        }
        const c = k.fn === "str" ? (scalarText(x) < scalarText(y) ? -1 : scalarText(x) > scalarText(y) ? 1 : 0) : compareScalars(x, y);
        if (c !== 0) return k.desc ? -c : c;
      }
      return 0;
    });
    return limit > 0 ? sorted.slice(0, limit) : sorted;
  });
}

/**
 * `top`/`rare [limit=10] f… [by g…]`: the most (least) common value combinations with `count` and `percent`
 * (of the events that have all the fields, within the by-group).
 */
export function topStage(cmd: TopCommand): StageFactory {
  const limit = intOption(cmd.options, "limit", 10);
  const countField = option(cmd.options, "countfield") ?? "count";
  const percentField = option(cmd.options, "percentfield") ?? "percent";
  const showCount = boolOption(cmd.options, "showcount", true);
  const showPercent = boolOption(cmd.options, "showperc", true);
  const fields = cmd.fields.map((f) => f.name);
  const by = cmd.by.map((f) => f.name);
  return blocking((rows) => {
    const groups = new Map<string, { by: Scalar[]; total: number; combos: Map<string, { values: Scalar[]; n: number }> }>();
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
    const out: Row[] = [];
    for (const g of groups.values()) {
      const ranked = [...g.combos.values()].sort((a, b) => (cmd.name === "top" ? b.n - a.n : a.n - b.n));
      for (const c of limit > 0 ? ranked.slice(0, limit) : ranked) {
        const row: Row = new Map();
        by.forEach((f, i) => row.set(f, g.by[i]!));
        fields.forEach((f, i) => row.set(f, c.values[i]!));
        if (showCount) row.set(countField, c.n);
        if (showPercent) row.set(percentField, Math.round((c.n / g.total) * 100 * 1e6) / 1e6);
        out.push(row);
      }
    }
    return out;
  });
}
