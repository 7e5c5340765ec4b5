import { assertNeverIr, type IrExpr, type IrPattern } from "../../ir/types.js";
import { regexSamples } from "./regex-sample.js";

export type Value = string | number;

/** A pattern's text with each wildcard filled by `fill` (one character for `?`). */
export function sample(p: IrPattern, fill: string): string {
  return p.parts.map((part) => (typeof part === "string" ? part : part.type === "IrAnyChars" ? fill : "x")).join("");
}

/**
 * The values on the boundary of a pattern: the shortest match, the wildcards filled with one and with several
 * characters, a case variant, and near misses (a character added before and after, the last one dropped).
 */
function patternValues(p: IrPattern): string[] {
  const shortest = sample(p, "");
  return [shortest, sample(p, "q"), sample(p, "qz-Q"), shortest.toUpperCase(), shortest.toLowerCase(), `a${shortest}`, `${shortest}a`, shortest.slice(0, -1)];
}

/** Values near an event's value: case flipped, a character added at either end, the last one dropped. */
export function nearValues(value: Value): Value[] {
  if (typeof value === "number") return [value - 1, value + 1];
  return [value.toUpperCase(), value.toLowerCase(), `a${value}`, `${value}a`, value.slice(0, -1)];
}

/** The first address inside a network, and its neighbours just outside at both ends (IPv4). */
function cidrValues(network: string): string[] {
  const [address, bits] = network.split("/");
  const octets = address!.split(".").map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o))) return [address!, "203.0.113.7"];
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - Number(bits ?? 32));
  const text = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
  const inside = size > 2 ? base + 1 : base;
  return [text(inside), ...(base > 0 ? [text(base - 1)] : []), ...(base + size < 2 ** 32 ? [text(base + size)] : []), "203.0.113.7"];
}

/** Every field the expressions test, with the values worth trying, in order of appearance. */
export function fieldValues(expr: IrExpr, into: Map<string, Value[]>): void {
  const add = (field: string, values: readonly Value[]): void => {
    const known = into.get(field) ?? [];
    for (const v of values) if (!known.includes(v)) known.push(v);
    into.set(field, known);
  };
  switch (expr.type) {
    case "IrAnd":
    case "IrOr":
      expr.operands.forEach((o) => fieldValues(o, into));
      return;
    case "IrNot":
      fieldValues(expr.operand, into);
      return;
    case "IrMatch":
      add(expr.field, patternValues(expr.pattern));
      return;
    case "IrRegex": {
      const samples = regexSamples(expr.pattern, expr.flags);
      add(expr.field, [...samples.matching, ...samples.near]);
      return;
    }
    case "IrCompare":
      add(expr.field, [expr.value - 1, expr.value, expr.value + 1]);
      return;
    case "IrCidr":
      add(expr.field, cidrValues(expr.network));
      return;
    case "IrExists":
      add(expr.field, ["present", ""]);
      return;
    case "IrFieldRef":
      add(expr.field, ["same"]);
      add(expr.other, ["same", "other"]);
      return;
    case "IrTimePart": case "IrKeyword": case "IrRawTerm": case "IrConst": case "IrUnsupported":
      return;
    default:
      assertNeverIr(expr);
  }
}
