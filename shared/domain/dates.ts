import { add, differenceInCalendarDays, eachMonthOfInterval, format, isExists, isValid, parseISO, type Duration } from 'date-fns';

/**
 * Dates, in one place: stored as ISO 8601 (`2026-02-03` for a day the user states, a UTC timestamp
 * for a moment the app records), shown as dd-mm-jjjj, the usual Dutch notation. Calendar days are
 * handled as local dates (midnight in the machine's time zone), so that adding a day or a year
 * never slips across a daylight-saving change and 29 February becomes 28 February in other years.
 */

export type DateLanguage = 'nl' | 'en';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** The day as a local Date, or null when it does not exist (2026-02-29; years 0–99 never did). */
function localDay(year: number, month: number, day: number): Date | null {
  return isExists(year, month - 1, day) ? new Date(year, month - 1, day) : null;
}

function dayOfIso(isoDate: string, pattern: RegExp = ISO_DATE): Date | null {
  const match = pattern.exec(isoDate);
  return match ? localDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** A calendar day as a local Date; throws on what is not one (callers hold validated dates). */
function requireDay(isoDate: string): Date {
  const day = dayOfIso(isoDate);
  if (!day) throw new RangeError(`not an ISO date: ${isoDate}`);
  return day;
}

/** "2026-02-28" yes, "2026-02-29" and "2026-2-3" no. */
export function isIsoDate(value: string): boolean {
  return dayOfIso(value) !== null;
}

/**
 * The one reading of a date a user types: "3-2-2026", "03-02-2026", "03/02/2026" or "03.02.2026"
 * (dd-mm-jjjj, as every screen shows dates), or ISO "2026-02-03" (pasted from a file or typed by
 * habit) → "2026-02-03"; null when it is no existing day.
 */
export function isoDateFromDutch(raw: string): string | null {
  const typed = raw.trim();
  if (ISO_DATE.test(typed)) return isIsoDate(typed) ? typed : null;
  const match = DUTCH_DATE.exec(typed);
  const day = match ? localDay(Number(match[3]), Number(match[2]), Number(match[1])) : null;
  return day ? localIsoDate(day) : null;
}

/** "2026-02-03" (or a timestamp starting with it) → "03-02-2026"; anything else is returned unchanged. */
export function formatDutchDate(isoDate: string): string {
  const day = dayOfIso(isoDate, ISO_DATE_PREFIX);
  return day ? format(day, 'dd-MM-yyyy') : isoDate;
}

/** The calendar date in the user's time zone (not UTC: a note made at 00:30 belongs to today). */
export function localIsoDate(moment: Date): string {
  // An invalid date gives no text rather than throwing in the middle of a document's render.
  return isValid(moment) ? format(moment, 'yyyy-MM-dd') : '';
}

const DAY_PATTERN: Record<DateLanguage, string> = { nl: 'dd-MM-yyyy', en: 'dd/MM/yyyy' };

/**
 * A date as the language writes it: dd-mm-jjjj in Dutch, dd/mm/yyyy in English. A plain date is a
 * calendar day, not UTC midnight, so it is never shifted by time zone; a timestamp shows its local
 * day. What is neither is returned unchanged.
 */
export function formatDate(value: string, language: DateLanguage): string {
  if (ISO_DATE.test(value)) {
    const day = dayOfIso(value);
    return day ? format(day, DAY_PATTERN[language]) : value;
  }
  const moment = parseISO(value);
  return isValid(moment) ? format(moment, DAY_PATTERN[language]) : value;
}

/** A moment as "01-03-2026 11:00" in local time (dd/mm/yyyy in English); unreadable text unchanged. */
export function formatDateTime(value: string, language: DateLanguage): string {
  // A plain date is read as UTC midnight here, as JavaScript's Date reads it: the time shown is
  // that midnight in local time, and the day stays the calendar day.
  const moment = ISO_DATE.test(value) ? new Date(value) : parseISO(value);
  if (!isValid(moment)) return value;
  return `${formatDate(value, language)} ${format(moment, 'HH:mm')}`;
}

/** An ISO date moved by whole years, months and days ("2024-02-29" + 1 year = "2025-02-28"). */
export function addToIsoDate(isoDate: string, duration: Duration): string {
  return localIsoDate(add(requireDay(isoDate), duration));
}

/** Calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(requireDay(to), requireDay(from));
}

/** The months ("2026-01") that a period touches, from its first to its last; at most 241. */
export function monthsOfPeriod(from: string, to: string): string[] {
  const start = requireDay(from);
  const end = requireDay(to);
  if (end < start) return [format(start, 'yyyy-MM')];
  return eachMonthOfInterval({ start, end })
    .slice(0, 241)
    .map((month) => format(month, 'yyyy-MM'));
}
