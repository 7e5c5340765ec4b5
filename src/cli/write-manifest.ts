import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Plugin, settings } from "@oclif/core";

/**
 * Writes `oclif.manifest.json` after each build: with it, oclif loads only the command it runs instead of
 * importing every command to read their flags, which halves the CLI's cold start. Generated, never committed.
 */
settings.enableAutoTranspile = false;
const root = join(import.meta.dirname, "../..");
const plugin = new Plugin({ root, ignoreManifest: true, isRoot: true });
await plugin.load();
writeFileSync(join(root, "oclif.manifest.json"), `${JSON.stringify(plugin.manifest, null, 2)}\n`);
