/**
 * strftime/strptime for `strftime()`, `strptime()` and `convert ctime`. Every time is in UTC: the evaluator
 * has no user timezone, and UTC makes results reproducible (Splunk uses the searching user's zone).
 */
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

export function strftime(epochSeconds: number, format: string): string {
  const d = new Date(Math.floor(epochSeconds * 1000));
  const frac = epochSeconds - Math.floor(epochSeconds);
  return format.replace(/%(\d?)([a-zA-Z%+])/g, (whole, width: string, c: string) => {
    switch (c) {
      case "Y": return String(d.getUTCFullYear());
      case "y": return pad(d.getUTCFullYear() % 100);
      case "m": return pad(d.getUTCMonth() + 1);
      case "d": return pad(d.getUTCDate());
      case "e": return String(d.getUTCDate()).padStart(2, " ");
      case "H": return pad(d.getUTCHours());
      case "I": return pad(d.getUTCHours() % 12 || 12);
      case "M": return pad(d.getUTCMinutes());
      case "S": return pad(d.getUTCSeconds());
      case "p": return d.getUTCHours() < 12 ? "AM" : "PM";
      case "a": return DAYS[d.getUTCDay()]!.slice(0, 3);
      case "A": return DAYS[d.getUTCDay()]!;
      case "b": case "h": return MONTHS[d.getUTCMonth()]!.slice(0, 3);
      case "B": return MONTHS[d.getUTCMonth()]!;
      case "j": return pad(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3);
      case "w": return String(d.getUTCDay());
      case "s": return String(Math.floor(epochSeconds));
      case "z": return "+0000";
      case "Z": return "UTC";
      case "T": return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case "F": return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case "N": case "Q": return fraction(frac, width === "" ? (c === "Q" ? 3 : 9) : Number(width));
      case "f": return fraction(frac, 6);
      case "%": return "%";
      default: return whole;
    }
  });
}

function fraction(frac: number, digits: number): string {
  return Math.floor(frac * 10 ** digits).toString().padStart(digits, "0").slice(0, digits);
}

/** Parses text by a strftime format; null when it does not fit. Times are UTC unless `%z` gives an offset. */
export function strptime(text: string, format: string): number | null {
  let re = "";
  const fields: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== "%" || i + 1 >= format.length) {
      re += /\s/.test(ch) ? "\\s*" : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      continue;
    }
    let c = format[++i]!;
    if (/\d/.test(c)) c = format[++i] ?? "";
    const part = PARSE[c];
    if (!part) return null;
    re += `(${part})`;
    fields.push(c);
  }
  const m = new RegExp(`^\\s*${re}`).exec(text);
  if (!m) return null;
  const t = { Y: 1970, m: 1, d: 1, H: 0, M: 0, S: 0, frac: 0, pm: null as boolean | null, offset: 0, epoch: null as number | null };
  fields.forEach((c, k) => apply(t, c, m[k + 1]!));
  if (t.epoch !== null) return t.epoch;
  const hour = t.pm === null ? t.H : (t.H % 12) + (t.pm ? 12 : 0);
  return Date.UTC(t.Y, t.m - 1, t.d, hour, t.M, t.S) / 1000 + t.frac - t.offset;
}

const PARSE: Record<string, string> = {
  Y: "\\d{4}", y: "\\d{2}", m: "\\d{1,2}", d: "\\d{1,2}", e: "\\s?\\d{1,2}", H: "\\d{1,2}", I: "\\d{1,2}", M: "\\d{1,2}", S: "\\d{1,2}",
  p: "[AaPp][Mm]", b: "[A-Za-z]{3}", h: "[A-Za-z]{3}", B: "[A-Za-z]+", a: "[A-Za-z]{3}", A: "[A-Za-z]+", j: "\\d{1,3}",
  z: "[+-]\\d{2}:?\\d{2}|Z", Z: "[A-Za-z]+", s: "\\d+(?:\\.\\d+)?", N: "\\d+", Q: "\\d+", f: "\\d+", T: "\\d{1,2}:\\d{2}:\\d{2}", F: "\\d{4}-\\d{1,2}-\\d{1,2}", "%": "%",
};

type Parts = { Y: number; m: number; d: number; H: number; M: number; S: number; frac: number; pm: boolean | null; offset: number; epoch: number | null };

function apply(t: Parts, c: string, v: string): void {
  switch (c) {
    case "Y": t.Y = Number(v); break;
    case "y": t.Y = 2000 + Number(v) - (Number(v) >= 69 ? 100 : 0); break;
    case "m": t.m = Number(v); break;
    case "d": case "e": t.d = Number(v); break;
    case "H": case "I": t.H = Number(v); break;
    case "M": t.M = Number(v); break;
    case "S": t.S = Number(v); break;
    case "p": t.pm = v.toUpperCase() === "PM"; break;
    case "b": case "h": case "B": t.m = MONTHS.findIndex((x) => x.slice(0, 3).toLowerCase() === v.slice(0, 3).toLowerCase()) + 1; break;
    case "N": case "Q": case "f": t.frac = Number(`0.${v}`); break;
    case "s": t.epoch = Number(v); break;
    case "z": t.offset = v === "Z" ? 0 : (v[0] === "-" ? -1 : 1) * (Number(v.slice(1, 3)) * 3600 + Number(v.slice(-2)) * 60); break;
    case "T": [t.H, t.M, t.S] = v.split(":").map(Number) as [number, number, number]; break;
    case "F": [t.Y, t.m, t.d] = v.split("-").map(Number) as [number, number, number]; break;
    default: break;
  }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Splunk's relative time modifiers: `-24h`, `-1d@d`, `@w0`, `+30m@h`, `now`. Null when malformed. */
export function relativeTime(base: number, modifier: string): number | null {
  const m = /^\s*(now|)\s*(?:([+-])(\d*)([a-zA-Z]+))?\s*(?:@([a-zA-Z]+)(\d?))?\s*$/.exec(modifier);
  if (!m) return null;
  let t = base;
  if (m[2]) {
    const unit = normalizeUnit(m[4]!);
    if (!unit) return null;
    const n = (m[2] === "-" ? -1 : 1) * (m[3] === "" ? 1 : Number(m[3]));
    t = unit === "mon" ? addMonths(t, n) : unit === "y" ? addMonths(t, 12 * n) : t + n * UNIT_SECONDS[unit]!;
  }
  if (m[5]) {
    const unit = normalizeUnit(m[5]);
    if (!unit) return null;
    t = snap(t, unit, m[6] ? Number(m[6]) : 0);
  }
  return t;
}

export function normalizeUnit(u: string): string | null {
  const x = u.toLowerCase();
  if (/^(s|sec|secs|second|seconds)$/.test(x)) return "s";
  if (/^(m|min|mins|minute|minutes)$/.test(x)) return "m";
  if (/^(h|hr|hrs|hour|hours)$/.test(x)) return "h";
  if (/^(d|day|days)$/.test(x)) return "d";
  if (/^(w\d?|week|weeks)$/.test(x)) return "w";
  if (/^(mon|month|months)$/.test(x)) return "mon";
  if (/^(y|yr|yrs|year|years)$/.test(x)) return "y";
  return null;
}

function addMonths(t: number, n: number): number {
  const d = new Date(t * 1000);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.getTime() / 1000;
}

function snap(t: number, unit: string, weekday: number): number {
  const d = new Date(Math.floor(t) * 1000);
  switch (unit) {
    case "s": return Math.floor(t);
    case "m": return Math.floor(t / 60) * 60;
    case "h": return Math.floor(t / 3600) * 3600;
    case "d": return Math.floor(t / 86400) * 86400;
    case "w": {
      const day = Math.floor(t / 86400) * 86400;
      const back = (d.getUTCDay() - weekday + 7) % 7;
      return day - back * 86400;
    }
    case "mon": return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    default: return Date.UTC(d.getUTCFullYear(), 0, 1) / 1000;
  }
}
