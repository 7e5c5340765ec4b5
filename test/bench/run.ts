/**
 * `npm run bench`: prints speed and memory figures. Never run by `npm test`; nothing here asserts a time.
 * It measures the compiled JavaScript in dist/ (what users run), not the TypeScript sources.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CORPUS, corpusDetections, filesUnder, PROJECT } from "../helpers/corpus.js";

/** A module of dist/, typed by its source. */
async function compiled<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(PROJECT, "dist", path)).href)) as T;
}

const { parseSpl } = await compiled<typeof import("../../src/spl/parse.js")>("spl/parse.js");
const { printPipeline } = await compiled<typeof import("../../src/spl/print/pipeline.js")>("spl/print/pipeline.js");
const { loadAndValidateFolder } = await compiled<typeof import("../../src/sigma/validate.js")>("sigma/validate.js");
const { loadSigma } = await compiled<typeof import("../../src/sigma/load.js")>("sigma/load.js");
const { loadProfile } = await compiled<typeof import("../../src/profiles/load.js")>("profiles/load.js");
const { sigmaRuleToSpl } = await compiled<typeof import("../../src/translate/sigma-to-spl.js")>("translate/sigma-to-spl.js");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function splParsePrint(): void {
  const searches = corpusDetections().map((d) => d.search);
  const bytes = searches.reduce((n, s) => n + Buffer.byteLength(s), 0);
  const once = (): void => {
    for (const s of searches) printPipeline(parseSpl(s).ast!);
  };
  for (let i = 0; i < 5; i++) once();
  const passes: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = process.hrtime.bigint();
    once();
    passes.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const seconds = median(passes);
  console.log(`SPL parse+print, warm: the ${searches.length} corpus searches, median of 15 passes`);
  console.log(`  ${Math.round(searches.length / seconds).toLocaleString("en")} searches/s, ${(bytes / seconds / 1e6).toFixed(1)} MB/s`);
  console.log(`  heap used after: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}

function cliColdStart(): void {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(PROJECT, "bin/run.js"), "parse", "-"], { input: "a=1 | stats count by b" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`sigspl parse failed: ${r.stderr}`);
  }
  console.log(`CLI cold start (sigspl parse of one search, median of 7): ${median(times).toFixed(0)} ms`);
}

function sigmaLoadValidate(): void {
  const figures = loadAndValidateFolder(join(CORPUS, "sigma"));
  console.log(`Sigma corpus load + validate, one process: ${figures.files} files, ${figures.documents} documents (${figures.valid} valid) in ${figures.milliseconds} ms`);
}

function sigmaToSpl(): void {
  const files = filesUnder(join(CORPUS, "sigma"), [".yml", ".yaml"]).map((f) => readFileSync(f, "utf8"));
  const profile = loadProfile("splunk-windows").value!;
  const loadStart = process.hrtime.bigint();
  const rules = files.flatMap((text) => loadSigma(text).documents.flatMap((d) => (d.document?.type === "SigmaRule" ? [d.document] : [])));
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const passes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    for (const rule of rules) printPipeline(sigmaRuleToSpl(rule, profile).pipeline);
    passes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`Sigma → SPL (splunk-windows), one process: ${rules.length} rules`);
  console.log(`  load ${loadMs.toFixed(0)} ms + convert and print ${passes[0]!.toFixed(0)} ms cold, ${median(passes.slice(1)).toFixed(0)} ms warm (median)`);
}

splParsePrint();
sigmaLoadValidate();
sigmaToSpl();
cliColdStart();
