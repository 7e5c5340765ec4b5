import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The shipped content folder, found from the compiled module (dist/cli → rules). */
export const RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

export const SEED = {
  detection: `${RULES_DIR}rms-radmin-namedpipe/windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml`,
  macros: `${RULES_DIR}macros`,
} as const;

export function readSeed(): string {
  return readFileSync(SEED.detection, "utf8");
}
