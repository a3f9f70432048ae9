/**
 * The clinic's opening hours in words, as patients read them: "Monday to Friday: 8 a.m. to 5 p.m.". Pure, from the
 * hours staff write in content/clinic.yaml (lib/site.ts validates them).
 */
import type { ClinicFacts } from "./site";

export type OpeningHours = NonNullable<ClinicFacts["hours"]>[number];

const WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** "08:00" is "8 a.m.", "17:30" is "5:30 p.m.", "12:00" is "noon", "00:00" is "midnight". */
export function timeInWords(time: string): string {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  if (minutes === 0 && hours === 12) return "noon";
  if (minutes === 0 && hours === 0) return "midnight";
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour}${minutes === 0 ? "" : `:${String(minutes).padStart(2, "0")}`} ${hours < 12 ? "a.m." : "p.m."}`;
}

/** "Monday to Friday" for three or more days in a row, "Saturday and Sunday", "Monday, Wednesday and Friday". */
export function daysInWords(days: readonly OpeningHours["days"][number][]): string {
  const ordered = WEEK.filter((day) => days.includes(day));
  const positions = ordered.map((day) => WEEK.indexOf(day));
  const inARow = positions.every((position, index) => index === 0 || position === positions[index - 1]! + 1);
  if (ordered.length >= 3 && inARow) return `${ordered[0]} to ${ordered.at(-1)}`;
  return ordered.length <= 1 ? (ordered[0] ?? "") : `${ordered.slice(0, -1).join(", ")} and ${ordered.at(-1)}`;
}

export function openingHoursInWords(hours: readonly OpeningHours[]): string[] {
  return hours.map((entry) => `${daysInWords(entry.days)}: ${timeInWords(entry.opens)} to ${timeInWords(entry.closes)}`);
}
