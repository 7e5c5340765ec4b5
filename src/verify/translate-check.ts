import type { CheckMessage, FileCheckResult } from "../diagnostics/check-result.js";
import type { Profile } from "../profiles/types.js";
import { checkSigmaFile } from "../sigma/check.js";
import { convertSigmaFile } from "../translate/convert.js";
import type { FileChecker } from "./check.js";

/**
 * Sigma files get `parse` and `roundtrip` from the Sigma side, then `translate`: every rule converts to SPL
 * with the profile. A loss is a warning (the conversion still happened); a rule that cannot convert fails.
 */
export function sigmaChecker(profile: Profile): FileChecker {
  return (file, text) => {
    const base = checkSigmaFile(file, text);
    if (base.checks.parse !== "pass") return { ...base, checks: { ...base.checks, translate: "skip" } };
    const results = convertSigmaFile(file, text, { profile, to: "spl" });
    const messages: CheckMessage[] = results.flatMap((r) => [
      ...(r.error ? [{ level: "error" as const, code: "TR0001", message: r.error }] : []),
      ...r.losses.map((l) => ({ level: "warning" as const, code: l.code, message: l.message, path: l.path })),
    ]);
    const result: FileCheckResult = {
      ...base,
      checks: { ...base.checks, translate: results.every((r) => r.ok) ? "pass" : "fail" },
      messages: [...base.messages, ...messages],
    };
    return result;
  };
}
