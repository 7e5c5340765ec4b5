import type { CheckMessage, FileCheckResult } from "../diagnostics/check-result.js";
import type { Profile } from "../profiles/types.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import type { FileChecker } from "./check.js";
import { loadForms } from "./load-forms.js";
import { verifyForms } from "./verify.js";

/** How many boundary events `check` generates per file: enough for the corpus, quick for CI. */
export const CHECK_GENERATE = 200;

/**
 * Adds the `verify` check to a checker: the file against its own translation, on generated boundary events.
 * Equivalent passes, a disagreement fails (with the minimal event), and a file that cannot be translated or
 * judged exactly is skipped with the reason.
 */
export function withVerify(checker: FileChecker, profile: Profile, library: MacroLibrary): FileChecker {
  return (file, text) => {
    const base = checker(file, text);
    // Only what is translated (Sigma rules, Splunk detections) has a translation to verify against.
    if (base.checks.translate === undefined) return base;
    if (base.checks.parse !== "pass" || base.checks.translate !== "pass") return { ...base, checks: { ...base.checks, verify: "skip" } };
    const forms = loadForms({ file, text }, null, profile, library);
    if (typeof forms === "string") return note(base, "skip", { level: "warning", code: "VER0002", message: forms });
    const report = verifyForms(forms.a, forms.b, [], { generate: CHECK_GENERATE, logsource: forms.sigma?.logsource });
    if (report.verdict === "equivalent") return { ...base, checks: { ...base.checks, verify: "pass" } };
    if (report.verdict === "inconclusive") return note(base, "skip", { level: "warning", code: "VER0002", message: `cannot verify: ${report.reason}` });
    const d = report.disagreements[0]!;
    const message = `the file and its translation disagree: ${d.a ? "the file" : "the translation"} matches ${JSON.stringify(d.event)}`;
    return note(base, "fail", { level: "error", code: "VER0001", message });
  };
}

function note(base: FileCheckResult, status: "skip" | "fail", message: CheckMessage): FileCheckResult {
  return { ...base, checks: { ...base.checks, verify: status }, messages: [...base.messages, message] };
}
