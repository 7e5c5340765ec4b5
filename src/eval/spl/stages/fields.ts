import type { FieldAlias, FieldName, FieldsCommand, FieldListCommand, RenameCommand, TableCommand } from "../../../spl/ast.js";
import { fieldPattern, type Row } from "../row.js";
import { blocking, readOptions, streaming, type StageFactory } from "./types.js";

/**
 * `rename a AS b` (wildcards with equal counts: `a* AS b*`). Renaming a missing field onto an existing one
 * removes the existing one, as Splunk documents.
 */
export function renameStage(cmd: RenameCommand): StageFactory {
  const pairs = cmd.pairs.map((p: FieldAlias) => ({ from: p.field.name, to: p.alias?.name ?? p.field.name }));
  return streaming((row, emit) => {
    let out: Row = row;
    for (const { from, to } of pairs) out = from.includes("*") ? renameWild(out, from, to) : renameOne(out, from, to);
    emit(out);
  });
}

function renameOne(row: Row, from: string, to: string): Row {
  if (from === to) return row;
  const v = row.get(from);
  const out: Row = new Map();
  // Rebuilt in order so the renamed field keeps its column, as in Splunk.
  for (const [k, x] of row) {
    if (k === from && v !== undefined) out.set(to, v);
    else if (k !== from && k !== to) out.set(k, x);
  }
  return out;
}

function renameWild(row: Row, from: string, to: string): Row {
  const re = fieldPattern(from);
  const out: Row = new Map();
  for (const [k, v] of row) {
    const m = re.exec(k);
    if (!m) {
      if (!out.has(k)) out.set(k, v);
      continue;
    }
    let i = 1;
    out.set(to.replace(/\*/g, () => m[i++] ?? ""), v);
  }
  return out;
}

/** `table f1 f2*`: only those fields, in that order. */
export function tableStage(cmd: TableCommand): StageFactory {
  const names = cmd.fields.map((f) => f.name);
  return streaming((row, emit) => emit(selectFields(row, names)));
}

function selectFields(row: Row, names: readonly string[]): Row {
  const out: Row = new Map();
  for (const name of names) {
    if (!name.includes("*")) {
      const v = row.get(name);
      if (v !== undefined) out.set(name, v);
      continue;
    }
    const re = fieldPattern(name);
    for (const [k, v] of row) if (re.test(k) && !out.has(k)) out.set(k, v);
  }
  return out;
}

/** `fields a b` keeps them (and the internal `_time`/`_raw` unless removed); `fields - a` removes them. */
export function fieldsStage(cmd: FieldsCommand): StageFactory {
  const names = cmd.fields.map((f: FieldName) => f.name);
  if (cmd.mode === "-") {
    const res = names.map(fieldPattern);
    return streaming((row, emit) => emit(new Map([...row].filter(([k]) => !res.some((re) => re.test(k))))));
  }
  return streaming((row, emit) => {
    const out = selectFields(row, names);
    for (const internal of ["_time", "_raw"]) {
      const v = row.get(internal);
      if (v !== undefined && !out.has(internal)) out.set(internal, v);
    }
    emit(out);
  });
}

/** `fillnull [value=0] [fields]`: with no fields, every field that any result has (so it waits for all rows). */
export function fillnullStage(cmd: FieldListCommand): StageFactory {
  const value = readOptions("fillnull", cmd.options, ["value"]).text("value") ?? "0";
  const names = cmd.fields.map((f) => f.name);
  const fill = (row: Row, fields: Iterable<string>): Row => {
    const out = new Map(row);
    for (const f of fields) if (!out.has(f)) out.set(f, value);
    return out;
  };
  if (names.length) return streaming((row, emit) => emit(fill(row, names)));
  return blocking((rows) => {
    const all = new Set<string>();
    for (const r of rows) for (const k of r.keys()) all.add(k);
    return rows.map((r) => fill(r, all));
  });
}
