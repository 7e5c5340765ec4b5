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

/** Runs the checks of every file; a broken file is one failed result, never the end of the run. */
export function checkFiles(files: readonly { file: string; text: string }[], checkers: Checkers = {}, progress?: (done: number) => void): CheckReport {
  const results = files.filter(({ file, text }) => isRuleFile(file, text)).map(({ file, text }, i) => {
    progress?.(i + 1);
    if (checkers.sigma && looksLikeSigma(file, text)) return checkers.sigma(file, text);
    return (checkers.spl ?? checkSplFile)(file, text);
  });
  return summarize(results);
}
