import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSplExpanded } from "../../src/spl/expanded.js";
import { expandMacros } from "../../src/spl/macros/expand.js";
import { MacroLibrary, type MacroDefinition } from "../../src/spl/macros/library.js";
import { loadMacroLibrary } from "../../src/spl/macros/library-loader.js";
import { parseMacrosConf } from "../../src/spl/macros/load.js";
import { printPipeline } from "../../src/spl/print/pipeline.js";
import { PROJECT } from "../helpers/corpus.js";
import { showSearch } from "../helpers/spl.js";

const def = (name: string, definition: string, args: string[] = []): MacroDefinition => ({ name, args, definition, origin: "test" });
const library = (...defs: MacroDefinition[]): MacroLibrary => new MacroLibrary().addAll(defs);

describe("macro expansion", () => {
  it("substitutes $arg$ textually, recursively", () => {
    const lib = library(def("outer", "`inner($x$)` | table $x$", ["x"]), def("inner", "f=$y$", ["y"]));
    expect(expandMacros("`outer(abc)`", lib).text).toBe("f=abc | table abc");
  });

  it("keeps Splunk's precedence across a macro boundary: `m` OR c with m = `a b` means a AND (b OR c)", () => {
    const r = parseSplExpanded("`m` OR c", library(def("m", "a b")));
    const stage = r.ast!.stages[0]!;
    expect(stage.type === "SearchCommand" && stage.expr && showSearch(stage.expr)).toBe("(a & (b | c))");
  });

  it("lets a macro in term position expand to several pipeline stages", () => {
    const r = parseSplExpanded("`src` `normalize` | table a", library(def("src", "index=x"), def("normalize", "type=EXECVE | eval a=1")));
    expect(r.ast!.stages.map((s) => s.type)).toEqual(["SearchCommand", "EvalCommand", "TableCommand"]);
  });

  it("does not expand macros inside quoted strings or comments", () => {
    const lib = library(def("m", "X"));
    expect(expandMacros('a="`m`" ````m` ``` `m`', lib).text).toBe('a="`m`" ````m` ``` X');
  });

  it("defaults *_filter to `search *` and drop_dm_object_name to a wildcard rename, both overridable", () => {
    const r = parseSplExpanded("| tstats count by P.dest | `drop_dm_object_name(P)` | `x_filter`", new MacroLibrary());
    expect(printPipeline(r.ast!)).toBe("| tstats count by P.dest | rename P.* as * | search *");
    const own = library(def("x_filter", "where 1=1"));
    expect(expandMacros("a | `x_filter`", own).text).toBe("a | where 1=1");
  });

  it("reads a quoted argument as one name: drop_dm_object_name(\"Authentication\")", () => {
    const r = parseSplExpanded('| tstats count | `drop_dm_object_name("Authentication")`', new MacroLibrary());
    expect(r.ast!.stages[1]).toMatchObject({ type: "RenameCommand", pairs: [{ field: { name: "Authentication.*", quoted: true } }] });
  });

  it.each([
    ["`nope`", "SPL2001", "unknown macro `nope`"],
    ["`m(1, 2)`", "SPL2002", "macro `m` takes 1 argument(s), not 2"],
    ["`loop`", "SPL2003", "macro cycle: `loop` → `back` → `loop`"],
  ])("reports %s with %s at the reference", (search, code, message) => {
    const lib = library(def("m", "a=$x$", ["x"]), def("loop", "`back`"), def("back", "`loop`"));
    const r = expandMacros(`x ${search}`, lib);
    expect(r.text).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code, message, span: { start: { column: 3 } } }]);
  });

  it("points a syntax error inside an expansion at the macro", () => {
    const r = parseSplExpanded("a | `bad`", library(def("bad", "stats count by")));
    expect(r.diagnostics[0]).toMatchObject({ code: "SPL1002", span: { start: { column: 5 }, end: { column: 10 } } });
    expect(r.diagnostics[0]!.message).toMatch(/^in the expansion of `bad`: /);
  });
});

describe("macro files", () => {
  it("reads macros.conf stanzas with args, overloads by arity and continued lines", () => {
    const conf = "[default]\n[m]\ndefinition = a=1\n[m(2)]\nargs = x, y\ndefinition = $x$=\\\n$y$\n";
    const { definitions, diagnostics } = parseMacrosConf(conf, "macros.conf");
    expect(diagnostics).toEqual([]);
    expect(definitions.map((d) => [d.name, d.args, d.definition])).toEqual([["m", [], "a=1"], ["m", ["x", "y"], "$x$=\n$y$"]]);
    expect(expandMacros("`m` `m(b, 2)`", new MacroLibrary().addAll(definitions)).text).toBe("a=1 b=\n2");
  });

  it("reports a stanza whose declared arity does not match its args", () => {
    const { diagnostics } = parseMacrosConf("[m(2)]\nargs = x\ndefinition = $x$\n", "macros.conf");
    expect(diagnostics).toMatchObject([{ code: "SPL2004", span: { start: { line: 1 } } }]);
  });

  it("loads a folder of macro YAML files and a macros.conf together; later ones override", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-macros-"));
    writeFileSync(join(dir, "a.yml"), "name: m\ndefinition: a=1\n");
    writeFileSync(join(dir, "over.conf"), "[m]\ndefinition = b=2\n");
    const { library: lib, diagnostics } = loadMacroLibrary([join(dir, "a.yml"), join(dir, "over.conf")]);
    expect(diagnostics).toEqual([]);
    expect(lib.resolve("m", 0)?.definition).toBe("b=2");
  });

  it("ships the macros the seed detection needs", () => {
    const { library: lib } = loadMacroLibrary([join(PROJECT, "rules/macros")]);
    expect(lib.resolve("sysmon", 0)).toBeDefined();
    expect(lib.resolve("security_content_ctime", 1)?.args).toEqual(["field"]);
  });
});
