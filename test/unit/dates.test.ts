import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToIsoDate, daysBetween, formatDate, formatDateTime, formatDutchDate, isIsoDate, isoDateFromDutch, localIsoDate, monthsOfPeriod } from '../../shared/domain/dates';

// The users' time zone, with its daylight-saving changes (29 March and 25 October 2026).
const previousZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  process.env.TZ = previousZone;
});

describe('ISO dates', () => {
  it('accepts only days that exist, written in full', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('2026-02-03T10:00:00Z')).toBe(false);
    // Years 0–99 were never accepted (a year typed as 0026 is a slip for 2026).
    expect(isIsoDate('0026-01-01')).toBe(false);
  });

  it('gives the local calendar day of a moment, not the UTC one', () => {
    expect(localIsoDate(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(localIsoDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(localIsoDate(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });
});

describe('dd-mm-jjjj', () => {
  it('reads the ways people type a date', () => {
    for (const typed of ['3-2-2026', '03-02-2026', '03/02/2026', '03.02.2026', ' 3/2/2026 ']) expect(isoDateFromDutch(typed), typed).toBe('2026-02-03');
    expect(isoDateFromDutch('31-12-2026')).toBe('2026-12-31');
  });

  it('refuses what is not a day', () => {
    for (const typed of ['29-02-2026', '32-01-2026', '00-01-2026', '01-13-2026', '3-2-26', '2026-02-29', '2026-2-3', '03-02-0026', ''])
      expect(isoDateFromDutch(typed), typed).toBeNull();
  });

  it('takes an ISO date too, as typed by habit or pasted', () => {
    expect(isoDateFromDutch('1979-03-14')).toBe('1979-03-14');
    expect(isoDateFromDutch(' 2026-02-03 ')).toBe('2026-02-03');
  });

  it('shows an ISO date as dd-mm-jjjj and leaves other text alone', () => {
    expect(formatDutchDate('2026-02-03')).toBe('03-02-2026');
    // The date part of a stored timestamp as written, without a time-zone shift.
    expect(formatDutchDate('2026-02-03T23:30:00.000Z')).toBe('03-02-2026');
    expect(formatDutchDate('geen datum')).toBe('geen datum');
  });
});

describe('dates and moments on screen', () => {
  it('shows a plain date as the calendar day in either language', () => {
    expect(formatDate('2026-02-03', 'nl')).toBe('03-02-2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31/12/2026');
  });

  it('shows a moment by its local day and time, in winter and in summer', () => {
    expect(formatDate('2026-11-27T23:30:00.000Z', 'nl')).toBe('28-11-2026');
    expect(formatDateTime('2026-03-01T10:00:00.000Z', 'nl')).toBe('01-03-2026 11:00');
    expect(formatDateTime('2026-07-01T10:05:00.000Z', 'nl')).toBe('01-07-2026 12:05');
    expect(formatDateTime('2026-07-01T10:05:00.000Z', 'en')).toBe('01/07/2026 12:05');
  });

  it('leaves what it cannot read as it was', () => {
    expect(formatDate('geen datum', 'nl')).toBe('geen datum');
    expect(formatDateTime('geen datum', 'nl')).toBe('geen datum');
  });
});

describe('calendar arithmetic', () => {
  it('moves 29 February to 28 February in years without one', () => {
    expect(addToIsoDate('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(addToIsoDate('2024-02-29', { years: 4 })).toBe('2028-02-29');
    expect(addToIsoDate('2026-01-01', { months: -12 })).toBe('2025-01-01');
  });

  it('counts whole days across the daylight-saving changes', () => {
    expect(addToIsoDate('2026-03-28', { days: 1 })).toBe('2026-03-29');
    expect(addToIsoDate('2026-03-28', { days: 2 })).toBe('2026-03-30');
    expect(addToIsoDate('2026-10-24', { days: 2 })).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
  });

  it('agrees with day arithmetic in UTC for any day and offset', () => {
    const utcDay = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -4000, max: 4000 }),
        (moment, days) => {
          const iso = moment.toISOString().slice(0, 10);
          expect(addToIsoDate(iso, { days })).toBe(utcDay(iso, days));
          expect(daysBetween(iso, utcDay(iso, days))).toBe(days);
        },
      ),
    );
  });

  it('lists the months a period touches, at most 241', () => {
    expect(monthsOfPeriod('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOfPeriod('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsOfPeriod('2026-03-01', '2025-03-31')).toEqual(['2026-03']);
    const long = monthsOfPeriod('2000-01-01', '2040-12-31');
    expect(long).toHaveLength(241);
    expect(long.at(-1)).toBe('2020-01');
  });
});
