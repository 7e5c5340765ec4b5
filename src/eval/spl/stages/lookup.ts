import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LookupCommand } from "../../../spl/ast.js";
import { SplEvalError } from "../errors.js";
import { scalarText, valuesOf, type Row } from "../row.js";
import { readOptions, streaming, type StageFactory, type StageContext } from "./types.js";

/**
 * `lookup TABLE in [AS field]… [OUTPUT|OUTPUTNEW out [AS field]…]` against a CSV file `TABLE` or `TABLE.csv`
 * in the lookups folder. Matching is exact and case-sensitive (Splunk's CSV default); several matching lines
 * give multivalues; without OUTPUT every other column is written. OUTPUTNEW writes only missing fields.
 * `local=` and `update=` say where Splunk reads the table and whether it reloads it during a run; a CSV file
 * read once gives the same rows either way.
 */
export function lookupStage(cmd: LookupCommand, ctx: StageContext): StageFactory {
  readOptions("lookup", cmd.options, ["local", "update"]);
  const table = loadTable(cmd.table.name, ctx.lookupsDir);
  const inputs = cmd.inputs.map((i) => ({ column: i.field.name, field: i.alias?.name ?? i.field.name }));
  for (const i of inputs) if (!table.columns.includes(i.column)) throw new SplEvalError(`lookup ${cmd.table.name} has no column ${i.column}`, "lookup");
  const outputs = cmd.outputs.length
    ? cmd.outputs.map((o) => ({ column: o.field.name, field: o.alias?.name ?? o.field.name }))
    : table.columns.filter((c) => !inputs.some((i) => i.column === c)).map((c) => ({ column: c, field: c }));
  const index = new Map<string, Record<string, string>[]>();
  for (const line of table.rows) {
    const key = JSON.stringify(inputs.map((i) => line[i.column] ?? ""));
    index.set(key, [...(index.get(key) ?? []), line]);
  }
  const onlyNew = cmd.outputMode === "OUTPUTNEW";
  return streaming((row, emit) => {
    const key = inputs.map((i) => valuesOf(row.get(i.field)).map(scalarText)[0]);
    if (key.includes(undefined)) return emit(row);
    const hits = index.get(JSON.stringify(key));
    if (!hits) return emit(row);
    const out: Row = new Map(row);
    for (const o of outputs) {
      if (onlyNew && out.has(o.field)) continue;
      const vs = hits.map((h) => h[o.column]).filter((v): v is string => v !== undefined && v !== "");
      if (vs.length) out.set(o.field, vs.length === 1 ? vs[0]! : vs);
      else out.delete(o.field);
    }
    emit(out);
  });
}

interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string>[];
}

function loadTable(name: string, dir: string | null): Table {
  if (!dir) throw new SplEvalError(`lookup ${name}: no lookups folder given (--lookups)`, "lookup");
  const file = [join(dir, name), join(dir, `${name}.csv`)].find((f) => existsSync(f));
  if (!file) throw new SplEvalError(`lookup ${name}: no ${name} or ${name}.csv in ${dir}`, "lookup");
  const records = parseCsv(readFileSync(file, "utf8"));
  const [header, ...body] = records;
  if (!header) throw new SplEvalError(`lookup ${name}: ${file} is empty`, "lookup");
  return { columns: header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))) };
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== "")) rows.push(row);
  return rows;
}
