import { parseNetwork } from "../../ir/cidr.js";
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

const v4Text = (n: bigint): string => [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 255n)).join(".");

/** The first address inside an IPv4 network, and its neighbours just outside at both ends (an IPv6 network: its address). */
function cidrValues(network: string): string[] {
  const n = parseNetwork(network);
  if (n?.bits !== 32) return [network.split("/")[0]!, "203.0.113.7"];
  const hostBits = BigInt(32 - n.prefix);
  const base = n.base << hostBits;
  const size = 1n << hostBits;
  const inside = size > 2n ? base + 1n : base;
  return [v4Text(inside), ...(base > 0n ? [v4Text(base - 1n)] : []), ...(base + size < 1n << 32n ? [v4Text(base + size)] : []), "203.0.113.7"];
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
