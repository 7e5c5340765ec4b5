import { assertNeverIr, type IrExpr, type IrPattern } from "../ir/types.js";
import type { LogsourceDefinition } from "../profiles/types.js";

type Event = Record<string, string | number>;

/** A pattern's text with each wildcard filled: the shortest value it matches. */
function sample(p: IrPattern): string {
  return p.parts.map((part) => (typeof part === "string" ? part : part.type === "IrAnyChars" ? "" : "x")).join("");
}

/** Every field and the literal values the expression tests it against, in order of appearance. */
function literals(expr: IrExpr, into: Map<string, string[]>): void {
  const add = (field: string, value: string): void => {
    const values = into.get(field) ?? [];
    if (!values.includes(value)) values.push(value);
    into.set(field, values);
  };
  switch (expr.type) {
    case "IrAnd":
    case "IrOr":
      expr.operands.forEach((o) => literals(o, into));
      return;
    case "IrNot":
      literals(expr.operand, into);
      return;
    case "IrMatch":
      add(expr.field, sample(expr.pattern));
      return;
    case "IrCompare":
      add(expr.field, String(expr.op.startsWith(">") ? expr.value + 1 : expr.value - 1));
      return;
    case "IrCidr":
      add(expr.field, expr.network.split("/")[0]!);
      return;
    case "IrExists":
      add(expr.field, "present");
      return;
    case "IrRegex": case "IrFieldRef": case "IrTimePart": case "IrKeyword": case "IrRawTerm": case "IrConst": case "IrUnsupported":
      return;
    default:
      assertNeverIr(expr);
  }
}

/**
 * Events made from a rule's own literals, the first simple verifier's input: one event with every field at
 * its first literal (plus the logsource's defining fields), then, for each field, one event per other literal
 * and one without the field. Field names are Sigma's; the Splunk view maps them.
 */
export function literalEvents(expr: IrExpr, logsource: LogsourceDefinition | null, limit = 60): Event[] {
  const fields = new Map<string, string[]>();
  literals(expr, fields);
  const base: Event = {};
  for (const [field, values] of Object.entries(logsource?.conditions ?? {})) base[field] = values[0]!;
  for (const [field, values] of fields) base[field] = values[0]!;
  const events: Event[] = [base];
  for (const [field, values] of fields) {
    for (const value of values.slice(1)) events.push({ ...base, [field]: value });
    const { [field]: _dropped, ...without } = base;
    events.push(without);
  }
  return events.slice(0, limit);
}
