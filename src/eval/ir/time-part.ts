import type { IrTimePart } from "../../ir/types.js";

/**
 * A part of a timestamp value, in UTC: an ISO-8601 text (`2024-05-01T10:20:30Z`, `2024-05-01 10:20:30.123`,
 * taken as UTC when it names no zone) or a number of epoch seconds. `week` is the ISO-8601 week number.
 */
export function timePart(v: unknown, part: IrTimePart["part"]): number | null {
  const ms = toEpochMs(v);
  if (ms === null) return null;
  const d = new Date(ms);
  switch (part) {
    case "minute":
      return d.getUTCMinutes();
    case "hour":
      return d.getUTCHours();
    case "day":
      return d.getUTCDate();
    case "week":
      return isoWeek(d);
    case "month":
      return d.getUTCMonth() + 1;
    case "year":
      return d.getUTCFullYear();
  }
}

export function toEpochMs(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v * 1000 : null;
  if (typeof v !== "string") return null;
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const iso = t.replace(" ", "T");
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : ms;
}

function isoWeek(d: Date): number {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
