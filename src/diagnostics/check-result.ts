/**
 * The per-file verdict of `sigspl check` and `sigspl validate`: the shape of their `--json` output.
 * Later checks (translate, verify) add keys to `checks`.
 */
export type CheckName = "parse" | "roundtrip" | "translate" | "verify";
export type CheckStatus = "pass" | "fail" | "skip";
export type FileKind = "splunk-detection" | "spl" | "savedsearches" | "sigma";

export interface CheckMessage {
  readonly level: "error" | "warning";
  readonly code: string;
  readonly message: string;
  /** YAML path (e.g. `detection.selection.Image|endswith`), for YAML inputs. */
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface FileCheckResult {
  readonly file: string;
  readonly kind: FileKind;
  readonly checks: Partial<Record<CheckName, CheckStatus>>;
  readonly messages: readonly CheckMessage[];
}

export interface CheckSummary {
  readonly files: number;
  readonly failed: number;
  readonly checks: Partial<Record<CheckName, { pass: number; fail: number; skip: number }>>;
}

export interface CheckReport {
  readonly summary: CheckSummary;
  readonly results: readonly FileCheckResult[];
}

export function summarize(results: readonly FileCheckResult[]): CheckReport {
  const checks: Record<string, { pass: number; fail: number; skip: number }> = {};
  let failed = 0;
  for (const r of results) {
    const statuses = Object.entries(r.checks) as [CheckName, CheckStatus][];
    if (statuses.some(([, s]) => s === "fail")) failed++;
    for (const [name, status] of statuses) {
      const tally = (checks[name] ??= { pass: 0, fail: 0, skip: 0 });
      tally[status]++;
    }
  }
  return { summary: { files: results.length, failed, checks }, results };
}
