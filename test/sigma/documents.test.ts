import { describe, expect, it } from "vitest";
import { checkSigmaFile, roundTrips } from "../../src/sigma/check.js";
import { applyFilters } from "../../src/sigma/filters.js";
import { loadSigma } from "../../src/sigma/load.js";
import type { SigmaCorrelation, SigmaFilter, SigmaRule } from "../../src/sigma/model.js";
import { printSigma, printSigmaDocuments } from "../../src/sigma/print/documents.js";

const RULE = `detection:
    selection:
        Image|endswith:
            - '\\cmd.exe'
        CommandLine|contains|all:
            - ' /c '
            - 'whoami'
    keywords:
        - 'evil'
        - 42
    alt:
        - User: 'SYSTEM'
        - 'kw'
    condition: selection and (keywords or alt)
title: Printer test
level: high
logsource:
    product: windows
    category: process_creation
x-custom:
    owner: 'team a'
date: 2024-01-31
id: 929a690e-bef0-4204-a928-ef5e620d6fcc
tags: [attack.execution]
`;

const CANONICAL = `title: Printer test
id: 929a690e-bef0-4204-a928-ef5e620d6fcc
date: 2024-01-31
tags:
    - attack.execution
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\\cmd.exe'
        CommandLine|contains|all:
            - ' /c '
            - 'whoami'
    keywords:
        - 'evil'
        - 42
    alt:
        - User: 'SYSTEM'
        - 'kw'
    condition: selection and (keywords or alt)
level: high
x-custom:
    owner: 'team a'
`;

const CORRELATION = `title: Brute force then success
name: brute_then_success
correlation:
    type: temporal_ordered
    rules:
        - failed_logins
        - successful_login
    group-by:
        - User
    timespan: 10m
    aliases:
        user:
            failed_logins: TargetUserName
level: high
---
title: Failed logins
name: failed_logins
correlation:
    type: event_count
    rules:
        - failed_login
    group-by:
        - User
    timespan: 1h
    condition:
        gt: 3
        lte: 200
---
title: Failed login
name: failed_login
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4625
    condition: selection
---
title: Successful login
name: successful_login
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4624
    condition: selection
`;

const FILTER = `title: Filter admin accounts
logsource:
    category: process_creation
    product: windows
filter:
    rules:
        - 929a690e-bef0-4204-a928-ef5e620d6fcc
    selection:
        User|startswith: 'adm_'
    condition: not selection
`;

const first = <T>(text: string): T => loadSigma(text).documents[0]!.document as T;

describe("canonical printer", () => {
  it("prints SigmaHQ key order, 4-space indents, single-quoted values, custom keys kept", () => {
    expect(printSigma(first<SigmaRule>(RULE))).toBe(CANONICAL);
  });

  it("round-trips rules, correlations and filters", () => {
    for (const doc of [...loadSigma(CORRELATION).documents, ...loadSigma(FILTER).documents, ...loadSigma(RULE).documents]) {
      expect(roundTrips(doc.document!)).toBe(true);
    }
  });

  it("quotes what would otherwise change type or meaning", () => {
    const rule = first<SigmaRule>("title: 'yes'\nlogsource: {product: 'x'}\ndetection:\n    s:\n        f: ['010', '', 'it''s', \"a\\tb\", \"two\\nlines\\n\"]\n    condition: s\n");
    const printed = printSigma(rule);
    expect(printed).toContain("title: 'yes'\n");
    expect(printed).toContain("            - 'it''s'\n");
    expect(printed).toContain("            - 'a\tb'\n");
    expect(printed).toContain("            - |\n                two\n                lines\n");
    expect(roundTrips(rule)).toBe(true);
  });
});

describe("correlation rules", () => {
  it("loads a multi-document chain with ranges, aliases and references resolved", () => {
    const load = loadSigma(CORRELATION);
    expect(load.diagnostics).toEqual([]);
    const [ordered, count] = load.documents.map((d) => d.document as SigmaCorrelation);
    expect(ordered!.correlation).toMatchObject({ type: "temporal_ordered", timespan: { text: "10m", seconds: 600 }, groupBy: ["User"] });
    expect(count!.correlation.condition).toEqual({ comparisons: [{ op: "gt", value: 3 }, { op: "lte", value: 200 }] });
    expect(checkSigmaFile("chain.yml", CORRELATION)).toMatchObject({ checks: { parse: "pass", roundtrip: "pass" }, messages: [] });
    expect(printSigmaDocuments(load.documents.map((d) => d.document!))).toContain("---\ntitle: Failed logins\n");
  });

  it("warns when a correlated rule is not among the loaded ones", () => {
    const text = CORRELATION.split("---\n")[0]!;
    expect(checkSigmaFile("c.yml", text).messages.map((m) => [m.code, m.path])).toEqual([
      ["SIG5001", "correlation.rules[0]"],
      ["SIG5001", "correlation.rules[1]"],
    ]);
  });

  it("rejects an alias for a rule that is not correlated", () => {
    const text = CORRELATION.split("---\n")[0]!.replace("failed_logins: TargetUserName", "other_rule: TargetUserName");
    expect(loadSigma(text).diagnostics.map((d) => [d.code, d.path])).toEqual([["SIG5003", "correlation.aliases.user.other_rule"]]);
  });
});

describe("filters", () => {
  it("apply to the rules they name as pySigma does: (rule) and (filter), identifiers prefixed", () => {
    const rule = first<SigmaRule>(CANONICAL);
    const filtered = applyFilters(rule, [first<SigmaFilter>(FILTER)]);
    expect(filtered.detection.conditions.map((c) => c.text)).toEqual(["(selection and (keywords or alt)) and (not _filt0_selection)"]);
    expect(filtered.detection.searches.map((s) => s.name)).toEqual(["selection", "keywords", "alt", "_filt0_selection"]);
    expect(roundTrips(filtered)).toBe(true);
  });

  it("leave rules they do not name alone", () => {
    const other = first<SigmaRule>(CANONICAL.replace("929a690e", "00000000"));
    expect(applyFilters(other, [first<SigmaFilter>(FILTER)])).toBe(other);
  });
});

describe("checkSigmaFile", () => {
  it("reports parse failure with path, line and column", () => {
    const result = checkSigmaFile("bad.yml", CANONICAL.replace("Image|endswith", "Image|endwith"));
    expect(result).toMatchObject({
      kind: "sigma",
      checks: { parse: "fail", roundtrip: "skip" },
      messages: [{ level: "error", code: "SIG4001", path: "detection.selection.Image|endwith", line: 11, column: 9 }],
    });
  });
});
