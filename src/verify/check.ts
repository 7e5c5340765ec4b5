import { summarize, type CheckReport, type FileCheckResult } from "../diagnostics/check-result.js";
import { checkSplFile } from "../spl/check.js";

/** A checker for one language: the checks of a file, given its path and text. */
export type FileChecker = (file: string, text: string) => FileCheckResult;

/** Sigma rules and Splunk detections are both YAML; a Sigma rule has a top-level `detection` or `correlation`. */
export function looksLikeSigma(file: string, text: string): boolean {
  return /\.ya?ml$/i.test(file) && /^(detection|correlation|filter)\s*:/m.test(text);
}

/**
 * Macro definitions and profiles live beside rules but are not rules: a YAML file with none of Sigma's
 * `detection`/`correlation`/`filter` and no Splunk `search` is passed by.
 */
export function isRuleFile(file: string, text: string): boolean {
  return !/\.ya?ml$/i.test(file) || /^(detection|correlation|filter|search)\s*:/m.test(text);
}

export interface Checkers {
  readonly sigma?: FileChecker;
  readonly spl?: FileChecker;
}

/**
 * The checks of one file, or null when the file is not a rule (a macro definition, a profile …). A checker that
 * breaks on a file (a bug of ours) fails that file with the reason, and the run goes on.
 */
export function checkOne(file: string, text: string, checkers: Checkers = {}): FileCheckResult | null {
  if (!isRuleFile(file, text)) return null;
  const sigma = Boolean(checkers.sigma) && looksLikeSigma(file, text);
  try {
    return sigma ? checkers.sigma!(file, text) : (checkers.spl ?? checkSplFile)(file, text);
  } catch (e) {
    const message = `internal error while checking this file: ${e instanceof Error ? e.message : String(e)}`;
    return { file, kind: sigma ? "sigma" : "spl", checks: { parse: "fail" }, messages: [{ level: "error", code: "INT0001", message }] };
  }
}

/** Runs the checks of every file; a broken file is one failed result, never the end of the run. */
export function checkFiles(files: readonly { file: string; text: string }[], checkers: Checkers = {}, progress?: (done: number) => void): CheckReport {
  const results = files.flatMap(({ file, text }, i) => {
    progress?.(i + 1);
    return checkOne(file, text, checkers) ?? [];
  });
  return summarize(results);
}
