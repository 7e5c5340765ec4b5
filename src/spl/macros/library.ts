/** One macro definition, as Splunk keys it: by name and number of arguments. */
export interface MacroDefinition {
  readonly name: string;
  readonly args: readonly string[];
  readonly definition: string;
  /** Where it was defined: a file, or `built-in`. */
  readonly origin: string;
}

export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

/**
 * Defaults for macros that Splunk's detection content uses but does not define: contentctl generates every
 * `<detection>_filter` macro as `search *`, and Splunk_SA_CIM defines `drop_dm_object_name(object)`.
 * Definitions loaded by the user take precedence.
 */
const DROP_DM_OBJECT_NAME: MacroDefinition = {
  name: "drop_dm_object_name",
  args: ["object"],
  definition: "rename $object$.* AS *",
  origin: "built-in",
};

/**
 * Stand-ins for two macros of Splunk_SA_CIM and Enterprise Security that a few detections call; they keep
 * those searches runnable offline. Load the real definitions (`--macros macros.conf`) to replace them.
 */
const EXTERNAL_STAND_INS: readonly MacroDefinition[] = [
  { name: "cim_corporate_web_domain_search", args: ["field"], definition: '$field$="*.example.com"', origin: "built-in stand-in" },
  {
    name: "get_asset",
    args: ["field"],
    definition: "lookup asset_lookup_by_str key AS $field$ OUTPUTNEW priority AS $field$_priority, category AS $field$_category",
    origin: "built-in stand-in",
  },
];

const BUILT_INS = new Map([DROP_DM_OBJECT_NAME, ...EXTERNAL_STAND_INS].map((d) => [macroKey(d.name, d.args.length), d]));

function defaultFilter(name: string): MacroDefinition {
  return { name, args: [], definition: "search *", origin: "built-in" };
}

export class MacroLibrary {
  private readonly byKey = new Map<string, MacroDefinition>();

  add(definition: MacroDefinition): void {
    this.byKey.set(macroKey(definition.name, definition.args.length), definition);
  }

  addAll(definitions: Iterable<MacroDefinition>): this {
    for (const d of definitions) this.add(d);
    return this;
  }

  /** The definition Splunk would use for `name` called with `arity` arguments. */
  resolve(name: string, arity: number): MacroDefinition | undefined {
    const own = this.byKey.get(macroKey(name, arity));
    if (own) return own;
    const builtIn = BUILT_INS.get(macroKey(name, arity));
    if (builtIn) return builtIn;
    if (arity === 0 && name.endsWith("_filter")) return defaultFilter(name);
    return undefined;
  }

  /** The arities defined for `name`, for "wrong number of arguments" messages. */
  aritiesOf(name: string): number[] {
    const arities = [...this.byKey.values()].filter((d) => d.name === name).map((d) => d.args.length);
    for (const d of BUILT_INS.values()) if (d.name === name) arities.push(d.args.length);
    return [...new Set(arities)].sort((a, b) => a - b);
  }

  get size(): number {
    return this.byKey.size;
  }

  definitions(): MacroDefinition[] {
    return [...this.byKey.values()];
  }
}
