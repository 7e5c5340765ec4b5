import type { IToken } from "chevrotain";
import type {
  Assignment, BinCommand, ConvertCommand, Conversion, EvalCommand, FieldAlias, FieldListCommand, FieldListName,
  FieldName, FieldsCommand, HeadTailCommand, LookupCommand, Option, RegexCommand, RenameCommand, RexCommand,
  SearchCommand, SortCommand, SortKey, TableCommand, TopCommand, WhereCommand,
} from "../ast.js";
import { decodeQuoted, decodeSingleQuoted } from "../strings.js";
import * as T from "../tokens.js";
import { AggregationParser } from "./aggregations.js";

/** The commands with a grammar of their own, except those that own a subsearch (see pipeline.ts). */
export abstract class CommandParser extends AggregationParser {
  protected commandName(): IToken {
    return this.CONSUME(T.WordLike);
  }

  public searchCommand = this.RULE("searchCommand", (): SearchCommand => {
    const name = this.commandName();
    const expr = this.OPTION(() => this.SUBRULE(this.searchExpr)) ?? null;
    return this.ACTION((): SearchCommand => ({ type: "SearchCommand", explicit: true, expr, loc: this.spanFrom(name) }));
  });

  public whereCommand = this.RULE("whereCommand", (): WhereCommand => {
    const name = this.CONSUME(T.ExprCommand);
    const expr = this.SUBRULE(this.expr);
    return this.ACTION((): WhereCommand => ({ type: "WhereCommand", expr, loc: this.spanFrom(name) }));
  });

  public evalCommand = this.RULE("evalCommand", (): EvalCommand => {
    const name = this.CONSUME(T.ExprCommand);
    const assignments: Assignment[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => assignments.push(this.SUBRULE(this.assignment)) });
    return this.ACTION((): EvalCommand => ({ type: "EvalCommand", assignments, loc: this.spanFrom(name) }));
  });

  public assignment = this.RULE("assignment", (): Assignment => {
    const start = this.LA(1);
    const field = this.SUBRULE(this.assignmentTarget);
    this.CONSUME(T.Eq);
    const value = this.SUBRULE(this.expr);
    return this.ACTION((): Assignment => ({ type: "Assignment", field, value, loc: this.spanFrom(start) }));
  });

  /**
   * The left of `=` in eval: a name, `'quoted name'`, `"quoted name"` or a foreach `<<FIELD>>`. Splunk
   * also takes an unquoted name with dashes (`feature_-value=`): glued tokens up to `=` extend it.
   */
  public assignmentTarget = this.RULE("assignmentTarget", (): FieldName => {
    const tok = this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.SingleQuoted) },
      { ALT: () => this.CONSUME(T.Quoted) },
      { ALT: () => this.CONSUME(T.Template) },
    ]);
    let name = "";
    this.MANY({
      GATE: () => this.nextIsGlued() && this.LA(1).tokenType !== T.Eq && tok.tokenType !== T.SingleQuoted,
      DEF: () => (name += this.CONSUME(T.AtomToken).image),
    });
    return this.ACTION((): FieldName => {
      const quoted = tok.tokenType === T.SingleQuoted || tok.tokenType === T.Quoted;
      const first = tok.tokenType === T.SingleQuoted ? decodeSingleQuoted(tok.image) : quoted ? decodeQuoted(tok.image) : tok.image;
      return { type: "FieldName", name: first + name, quoted, loc: this.spanFrom(tok) };
    });
  });

  public renameCommand = this.RULE("renameCommand", (): RenameCommand => {
    const name = this.commandName();
    const pairs: FieldAlias[] = [];
    this.AT_LEAST_ONE(() => {
      this.MANY5(() => this.CONSUME5(T.Comma));
      pairs.push(this.SUBRULE(this.renamePair));
    });
    this.MANY7(() => this.CONSUME7(T.Comma));
    return this.ACTION((): RenameCommand => ({ type: "RenameCommand", pairs, loc: this.spanFrom(name) }));
  });

  /** `field as alias`: rename needs the alias. */
  public renamePair = this.RULE("renamePair", (): FieldAlias => {
    const start = this.LA(1);
    const field = this.SUBRULE(this.fieldName);
    this.CONSUME(T.As);
    const alias = this.SUBRULE2(this.fieldName);
    return this.ACTION((): FieldAlias => ({ type: "FieldAlias", field, alias, loc: this.spanFrom(start) }));
  });

  /** `field [as alias]`. */
  public fieldAlias = this.RULE("fieldAlias", (): FieldAlias => {
    const start = this.LA(1);
    const field = this.SUBRULE(this.fieldName);
    const alias = this.OPTION(() => {
      this.CONSUME(T.As);
      return this.SUBRULE2(this.fieldName);
    });
    return this.ACTION((): FieldAlias => ({ type: "FieldAlias", field, alias: alias ?? null, loc: this.spanFrom(start) }));
  });

  public tableCommand = this.RULE("tableCommand", (): TableCommand => {
    const name = this.commandName();
    const fields = this.SUBRULE(this.fieldList);
    return this.ACTION((): TableCommand => ({ type: "TableCommand", fields, loc: this.spanFrom(name) }));
  });

  public fieldsCommand = this.RULE("fieldsCommand", (): FieldsCommand => {
    const name = this.commandName();
    const sign = this.OPTION({
      GATE: () => this.LA(1).image === "+" || this.LA(1).image === "-",
      DEF: () => this.CONSUME(T.Word),
    });
    const fields = this.SUBRULE(this.fieldList);
    return this.ACTION((): FieldsCommand => ({
      type: "FieldsCommand",
      mode: sign ? (sign.image === "+" ? "+" : "-") : null,
      fields,
      loc: this.spanFrom(name),
    }));
  });

  /** `name (option | field)*` for the commands listed in `FieldListName`. */
  public fieldListCommand = this.RULE("fieldListCommand", (): FieldListCommand => {
    const name = this.commandName();
    const options: Option[] = [];
    const fields: FieldName[] = [];
    this.MANY(() => {
      this.OR([
        { GATE: () => this.optionAhead(), ALT: () => options.push(this.SUBRULE(this.keyValue)) },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => fields.push(this.SUBRULE(this.fieldName)) },
      ]);
    });
    return this.ACTION((): FieldListCommand => ({
      type: "FieldListCommand",
      name: name.image.toLowerCase() as FieldListName,
      options,
      fields,
      loc: this.spanFrom(name),
    }));
  });

  public sortCommand = this.RULE("sortCommand", (): SortCommand => {
    const name = this.commandName();
    // `sort 100 …` and `sort limit=100 …` say the same; the AST keeps the number, the printer the short form.
    const limit = this.OR2([
      { GATE: () => /^\d+$/.test(this.LA(1).image), ALT: () => Number(this.CONSUME(T.Word).image) },
      { GATE: () => this.nextIs("limit") && this.LA(2).tokenType === T.Eq && /^\d+$/.test(this.LA(3).image), ALT: () => this.sortLimitOption() },
      { ALT: () => null },
    ]);
    const keys: SortKey[] = [];
    let desc = false;
    this.MANY(() => {
      this.MANY6(() => this.CONSUME6(T.Comma));
      this.OR([
        { GATE: () => this.nextIs("d") || this.nextIs("desc"), ALT: () => { this.CONSUME2(T.Word); desc = true; } },
        { ALT: () => keys.push(this.SUBRULE(this.sortKey)) },
      ]);
    });
    return this.ACTION((): SortCommand => ({ type: "SortCommand", limit, keys, desc, loc: this.spanFrom(name) }));
  });

  private sortLimitOption(): number {
    this.CONSUME3(T.Word);
    this.CONSUME(T.Eq);
    return Number(this.CONSUME4(T.Word).image);
  }

  /** `[+|-]field` or `[+|-]num(field)`; the sign may stand alone before the field (`sort - count`). */
  public sortKey = this.RULE("sortKey", (): SortKey => {
    const start = this.LA(1);
    const sign = this.OPTION({ GATE: () => this.LA(1).image === "+" || this.LA(1).image === "-", DEF: () => this.CONSUME(T.Word) });
    const field = this.SUBRULE(this.fieldName);
    return this.ACTION((): SortKey => {
      let name = field.name;
      let order: "+" | "-" | null = sign ? (sign.image as "+" | "-") : null;
      if (!sign && !field.quoted && (name.startsWith("-") || name.startsWith("+")) && name.length > 1) {
        order = name[0] as "+" | "-";
        name = name.slice(1);
      }
      const call = /^(auto|str|ip|num)\((.*)\)$/.exec(name);
      return {
        type: "SortKey",
        order,
        fn: call ? call[1]! : null,
        field: { ...field, name: call ? call[2]! : name },
        loc: this.spanFrom(start),
      };
    });
  });

  public headTailCommand = this.RULE("headTailCommand", (): HeadTailCommand => {
    const name = this.commandName();
    const limit = this.OPTION({ GATE: () => /^\d+$/.test(this.LA(1).image), DEF: () => Number(this.CONSUME(T.Word).image) });
    const condition = this.OPTION2(() => {
      this.CONSUME(T.HeadLParen);
      const e = this.SUBRULE(this.expr);
      this.CONSUME(T.RParenExpr);
      return e;
    });
    const options: Option[] = [];
    this.MANY(() => options.push(this.SUBRULE(this.keyValue)));
    return this.ACTION((): HeadTailCommand => ({
      type: "HeadTailCommand",
      name: name.image.toLowerCase() === "tail" ? "tail" : "head",
      limit: limit ?? null,
      condition: condition ?? null,
      options,
      loc: this.spanFrom(name),
    }));
  });

  public convertCommand = this.RULE("convertCommand", (): ConvertCommand => {
    const name = this.commandName();
    const options: Option[] = [];
    const conversions: Conversion[] = [];
    this.MANY(() => {
      this.OR([
        { GATE: () => this.optionAhead(), ALT: () => options.push(this.SUBRULE(this.keyValue)) },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => conversions.push(this.SUBRULE(this.conversion)) },
      ]);
    });
    return this.ACTION((): ConvertCommand => ({ type: "ConvertCommand", options, conversions, loc: this.spanFrom(name) }));
  });

  /** `ctime(field) [as alias]`. */
  public conversion = this.RULE("conversion", (): Conversion => {
    const fn = this.CONSUME(T.WordLike);
    this.CONSUME(T.LParenSearch);
    const field = this.SUBRULE(this.fieldName);
    this.CONSUME(T.RParenSearch);
    const alias = this.OPTION(() => {
      this.CONSUME(T.As);
      return this.SUBRULE2(this.fieldName);
    });
    return this.ACTION((): Conversion => ({ type: "Conversion", fn: fn.image, field, alias: alias ?? null, loc: this.spanFrom(fn) }));
  });

  public binCommand = this.RULE("binCommand", (): BinCommand => {
    const name = this.commandName();
    const options: Option[] = [];
    this.MANY(() => options.push(this.SUBRULE(this.keyValue)));
    const field = this.SUBRULE(this.fieldAlias);
    this.MANY2(() => options.push(this.SUBRULE2(this.keyValue)));
    return this.ACTION((): BinCommand => ({
      type: "BinCommand",
      name: name.image.toLowerCase() === "bucket" ? "bucket" : "bin",
      options,
      field: field.field,
      alias: field.alias,
      loc: this.spanFrom(name),
    }));
  });

  public rexCommand = this.RULE("rexCommand", (): RexCommand => {
    const name = this.commandName();
    const options: Option[] = [];
    this.MANY(() => options.push(this.SUBRULE(this.keyValue)));
    const pattern = this.SUBRULE(this.quoted);
    this.MANY2(() => options.push(this.SUBRULE2(this.keyValue)));
    return this.ACTION((): RexCommand => ({ type: "RexCommand", options, pattern, loc: this.spanFrom(name) }));
  });

  public regexCommand = this.RULE("regexCommand", (): RegexCommand => {
    const name = this.commandName();
    const target = this.OPTION(() => {
      const field = this.SUBRULE(this.fieldName);
      const op = this.OR([{ ALT: () => this.CONSUME(T.Eq) }, { ALT: () => this.CONSUME(T.NotEq) }]);
      return { field, negated: op.tokenType === T.NotEq };
    });
    const pattern = this.SUBRULE(this.quoted);
    return this.ACTION((): RegexCommand => ({
      type: "RegexCommand",
      field: target?.field ?? null,
      negated: target?.negated ?? false,
      pattern,
      loc: this.spanFrom(name),
    }));
  });

  public lookupCommand = this.RULE("lookupCommand", (): LookupCommand => {
    const name = this.commandName();
    const options: Option[] = [];
    this.MANY(() => options.push(this.SUBRULE(this.keyValue)));
    const table = this.SUBRULE(this.fieldName);
    const inputs = this.SUBRULE(this.aliasList);
    const mode = this.OPTION({
      GATE: () => this.LA(1).image === "OUTPUT" || this.LA(1).image === "OUTPUTNEW",
      DEF: () => this.CONSUME(T.Word).image as "OUTPUT" | "OUTPUTNEW",
    });
    const outputs = this.OPTION2({ GATE: () => mode !== undefined, DEF: () => this.SUBRULE2(this.aliasList) }) ?? [];
    return this.ACTION((): LookupCommand => ({
      type: "LookupCommand",
      options,
      table,
      inputs,
      outputMode: mode ?? null,
      outputs,
      loc: this.spanFrom(name),
    }));
  });

  public aliasList = this.RULE("aliasList", (): FieldAlias[] => {
    const list: FieldAlias[] = [];
    this.MANY({
      GATE: () => this.LA(1).image !== "OUTPUT" && this.LA(1).image !== "OUTPUTNEW",
      DEF: () => {
        this.MANY5(() => this.CONSUME5(T.Comma));
        list.push(this.SUBRULE(this.fieldAlias));
      },
    });
    return list;
  });

  public topCommand = this.RULE("topCommand", (): TopCommand => {
    const name = this.commandName();
    const options: Option[] = [];
    const fields: FieldName[] = [];
    this.MANY({
      GATE: () => !this.byAhead(),
      DEF: () => {
        this.OR([
          { GATE: () => this.optionAhead(), ALT: () => options.push(this.SUBRULE(this.keyValue)) },
          { ALT: () => this.CONSUME(T.Comma) },
          { ALT: () => fields.push(this.SUBRULE(this.fieldName)) },
        ]);
      },
    });
    const by = this.SUBRULE(this.byClause, { ARGS: [false] });
    return this.ACTION((): TopCommand => ({
      type: "TopCommand",
      name: name.image.toLowerCase() === "rare" ? "rare" : "top",
      options,
      fields,
      by: by.fields,
      loc: this.spanFrom(name),
    }));
  });
}
