import type { CheckMessage, FileCheckResult } from "../diagnostics/check-result.js";
import type { Profile } from "../profiles/types.js";
import { checkSigmaFile } from "../sigma/check.js";
import { checkSplFile } from "../spl/check.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import { convertSplunkFile } from "../translate/convert-splunk.js";
import { convertSigmaFile, type ConvertResult } from "../translate/convert.js";
import type { FileChecker } from "./check.js";

/**
 * Sigma files get `parse` and `roundtrip` from the Sigma side, then `translate`: every rule converts to SPL
 * with the profile. A loss is a warning (the conversion still happened); a rule that cannot convert fails.
 */
export function sigmaChecker(profile: Profile): FileChecker {
  return (file, text) => {
    const base = checkSigmaFile(file, text);
    if (base.checks.parse !== "pass") return { ...base, checks: { ...base.checks, translate: "skip" } };
    return withTranslate(base, convertSigmaFile(file, text, { profile, to: "spl" }));
  };
}

/**
 * Splunk detections get `parse` and `roundtrip`, then `translate` to Sigma: `skip` with the reason when the
 * search has no filter Sigma can express (a data-model search, a generating command).
 */
export function splunkChecker(profile: Profile, library: MacroLibrary): FileChecker {
  return (file, text) => {
    const base = checkSplFile(file, text);
    if (base.kind !== "splunk-detection" || base.checks.parse !== "pass") return base;
    return withTranslate(base, convertSplunkFile(file, text, profile, library));
  };
}

function withTranslate(base: FileCheckResult, results: readonly ConvertResult[]): FileCheckResult {
  const skipped = results.length > 0 && results.every((r) => !r.ok && (r.error ?? "").includes(": skipped: "));
  const messages: CheckMessage[] = results.flatMap((r) => [
    ...(r.error ? [{ level: skipped ? ("warning" as const) : ("error" as const), code: skipped ? "TR0002" : "TR0001", message: r.error }] : []),
    ...r.losses.map((l) => ({ level: "warning" as const, code: l.code, message: l.message, path: l.path })),
  ]);
  const translate = skipped ? "skip" : results.every((r) => r.ok) ? "pass" : "fail";
  return { ...base, checks: { ...base.checks, translate }, messages: [...base.messages, ...messages] };
}
