/**
 * `npm run bench`: prints speed and memory figures. Never run by `npm test`; nothing here asserts a time.
 * It measures the compiled JavaScript in dist/ (what users run), not the TypeScript sources.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
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
const evalBench = await compiled<typeof import("../../src/eval/bench.js")>("eval/bench.js");
const { readEvents } = await compiled<typeof import("../../src/eval/events/read.js")>("eval/events/read.js");
const { readSplSources } = await compiled<typeof import("../../src/spl/sources.js")>("spl/sources.js");
const { loadMacroLibrary } = await compiled<typeof import("../../src/spl/macros/library-loader.js")>("spl/macros/library-loader.js");

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
  const best = Math.min(...passes);
  console.log(`SPL parse+print, warm: the ${searches.length} corpus searches, 15 passes`);
  console.log(`  median pass: ${Math.round(searches.length / seconds).toLocaleString("en")} searches/s, ${(bytes / seconds / 1e6).toFixed(1)} MB/s`);
  console.log(`  best pass (no garbage collection in it): ${Math.round(searches.length / best).toLocaleString("en")} searches/s`);
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

const SEED_DIR = join(PROJECT, "rules/rms-radmin-namedpipe");
const SEED_SIGMA = join(SEED_DIR, "windows_application_layer_protocol_rms_radmin_tool_namedpipe.sigma.yml");
const SEED_SPLUNK = join(SEED_DIR, "windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml");

/** The seed's sample events, repeated to `count` in-memory values. */
async function seedValues(count: number): Promise<unknown[]> {
  const values: unknown[] = [];
  await readEvents([join(SEED_DIR, "events.json")], { event: (e) => void values.push(e.value), diagnostic: () => undefined });
  return Array.from({ length: count }, (_, i) => values[i % values.length]);
}

function eventsPerSecond(count: number, run: () => void): string {
  run();
  const passes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    run();
    passes.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return Math.round(count / median(passes)).toLocaleString("en");
}

async function evaluation(): Promise<void> {
  const n = 200_000;
  const values = await seedValues(n);
  const sigma = evalBench.sigmaValuePredicate(readFileSync(SEED_SIGMA, "utf8"), SEED_SIGMA);
  console.log(`Evaluation of the seed rule on ${n.toLocaleString("en")} in-memory events (one core):`);
  console.log(`  Sigma rule: ${eventsPerSecond(n, () => values.forEach((v) => sigma(v)))} events/s`);
  const profile = loadProfile("sysmon").value!;
  const search = readSplSources(SEED_SPLUNK, readFileSync(SEED_SPLUNK, "utf8")).sources[0]!.search;
  const spl = evalBench.compileSplText(search, { macros: loadMacroLibrary([join(PROJECT, "rules/macros")]).library, profile }).search!;
  const records = evalBench.inMemoryEvents(values);
  console.log(`  SPL search (whole pipeline, stats included): ${eventsPerSecond(n, () => evalBench.runSpl(spl, records))} events/s`);
  await ndjson(values.slice(0, 100_000));
}

async function ndjson(values: unknown[]): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), "sigspl-bench-")), "events.ndjson");
  writeFileSync(file, values.map((v) => JSON.stringify(v)).join("\n"));
  const predicate = evalBench.sigmaRecordPredicate(readFileSync(SEED_SIGMA, "utf8"), SEED_SIGMA);
  const timeIt = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
    const start = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const ours = await timeIt(() => evalBench.countMatchesInFile(file, predicate));
  const bare = await timeIt(() => readFileSync(file, "utf8").split("\n").forEach((line) => JSON.parse(line)));
  console.log(`NDJSON end to end (${values.length.toLocaleString("en")} events): sigspl ${Math.round(values.length / ours).toLocaleString("en")} events/s, bare JSON.parse loop ${Math.round(values.length / bare).toLocaleString("en")} events/s`);
}

function checkSigmaCorpus(): void {
  for (const jobs of ["1", String(availableParallelism())]) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(PROJECT, "bin/run.js"), "check", join(CORPUS, "sigma"), "--jobs", jobs], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`sigspl check over the Sigma corpus (parse, roundtrip, translate, verify), ${jobs} thread(s): ${seconds.toFixed(1)} s`);
    console.log(`  ${r.stdout.trim().split("\n").pop()}`);
  }
}

splParsePrint();
sigmaLoadValidate();
sigmaToSpl();
await evaluation();
cliColdStart();
checkSigmaCorpus();
