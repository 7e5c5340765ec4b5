#!/usr/bin/env node
import { execute, settings } from "@oclif/core";

// sigspl always runs its compiled JavaScript; never look for TypeScript sources at run time.
settings.enableAutoTranspile = false;
await execute({ dir: import.meta.url });
