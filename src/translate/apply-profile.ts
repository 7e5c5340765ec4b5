import { mapFields } from "../ir/map-fields.js";
import { isLiteral, literalText } from "../ir/pattern.js";
import type { IrExpr } from "../ir/types.js";
import type { LogsourceKeys, Profile, ProfileLogsource } from "../profiles/types.js";
import type { SearchExpr } from "../spl/ast.js";
import { parseSpl } from "../spl/parse.js";

/** The profile's entry for a rule's logsource: the first whose keys all equal the rule's. */
export function profileLogsource(profile: Profile, logsource: LogsourceKeys): ProfileLogsource | undefined {
  return profile.logsources.find((entry) =>
    (["product", "category", "service"] as const).every((k) => entry.logsource[k] === undefined || entry.logsource[k] === logsource[k]),
  );
}

/** The search-syntax prefix that selects the logsource's events, or null when the profile gives none. */
export function logsourcePrefix(entry: ProfileLogsource | undefined): SearchExpr | null {
  if (!entry || entry.search.trim() === "") return null;
  const stage = parseSpl(entry.search).ast?.stages[0];
  return stage?.type === "SearchCommand" ? stage.expr : null;
}

/** Sigma field names and values → the profile's Splunk names and values. */
export function applyProfileNames(expr: IrExpr, profile: Profile): IrExpr {
  const renamed = mapFields(expr, (f) => profile.fieldNames[f] ?? f);
  return Object.keys(profile.values).length ? mapValues(renamed, profile) : renamed;
}

function mapValues(expr: IrExpr, profile: Profile): IrExpr {
  switch (expr.type) {
    case "IrAnd":
    case "IrOr":
      return { ...expr, operands: expr.operands.map((e) => mapValues(e, profile)) };
    case "IrNot":
      return { ...expr, operand: mapValues(expr.operand, profile) };
    case "IrMatch": {
      const sigmaField = Object.entries(profile.fieldNames).find(([, splunk]) => splunk === expr.field)?.[0] ?? expr.field;
      const table = profile.values[sigmaField];
      const mapped = table && isLiteral(expr.pattern) ? table[literalText(expr.pattern)] : undefined;
      return mapped === undefined ? expr : { ...expr, pattern: { parts: [mapped] } };
    }
    default:
      return expr;
  }
}
