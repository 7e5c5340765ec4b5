/**
 * Every diagnostic code of the Sigma side, with what it means. `beyondSchema` marks the checks
 * that are stricter than the official JSON Schema (a rule it accepts, we reject): each is a
 * documented semantic check (see README.md).
 */
export interface CodeInfo {
  readonly summary: string;
  readonly beyondSchema?: true;
}

export const SIGMA_CODES: Readonly<Record<string, CodeInfo>> = {
  SIG1001: { summary: "YAML syntax error" },
  SIG1002: { summary: "duplicate key in a YAML mapping", beyondSchema: true },
  SIG1003: { summary: "warning: plain scalar typed differently by YAML 1.1 (pySigma) and YAML 1.2" },
  SIG1004: { summary: "a document is not a map" },
  SIG2001: { summary: "missing required key" },
  SIG2002: { summary: "wrong type or shape" },
  SIG2003: { summary: "value not among the allowed ones" },
  SIG2004: { summary: "value not of the required form (date, tag, UUID, timespan)" },
  SIG2005: { summary: "value too long, too short or too small" },
  SIG2006: { summary: "duplicated list entry" },
  SIG2007: { summary: "unknown key where the specification lists every key" },
  SIG3001: { summary: "condition syntax error", beyondSchema: true },
  SIG3002: { summary: "condition refers to an unknown search identifier", beyondSchema: true },
  SIG3003: { summary: "`1 of`/`all of` pattern matches no search identifier", beyondSchema: true },
  SIG3004: { summary: "warning: search identifier never used by the condition" },
  SIG3005: { summary: "`N of` with N other than 1", beyondSchema: true },
  SIG3006: { summary: "Sigma 1 aggregation (`| count()`) in a condition", beyondSchema: true },
  SIG4001: { summary: "unknown modifier", beyondSchema: true },
  SIG4002: { summary: "`re`, `cidr` or `exists` not first in the modifier chain", beyondSchema: true },
  SIG4003: { summary: "modifier applied to a value of the wrong type", beyondSchema: true },
  SIG4004: { summary: "`all` on a single value", beyondSchema: true },
  SIG4005: { summary: "encoding modifier cannot encode the value (wildcards: base64 must come before contains)", beyondSchema: true },
  SIG4006: { summary: "invalid regular expression", beyondSchema: true },
  SIG4007: { summary: "invalid CIDR network", beyondSchema: true },
  SIG4008: { summary: "warning: `expand` without any %placeholder%" },
  SIG4010: { summary: "null among several values", beyondSchema: true },
  SIG4011: { summary: "warning: modifier repeated" },
  SIG4012: { summary: "warning: `utf16le` (spec) is unknown to pySigma; use `wide`" },
  SIG4015: { summary: "warning: `base64offset` without `contains`" },
  SIG5001: { summary: "warning: correlation names a rule that was not loaded with it" },
  SIG5002: { summary: "correlation condition without a comparison", beyondSchema: true },
  SIG5003: { summary: "correlation alias maps a rule that is not correlated", beyondSchema: true },
  SIG5004: { summary: "timespan not of the form <number><s|m|h|d>", beyondSchema: true },
  SIG6001: { summary: "warning: filter names a rule that was not loaded with it" },
  SIG9001: { summary: "the canonical print does not load back to the same document (a bug)" },
};
