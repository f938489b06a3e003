import type { Connection } from '../vault/connection';

/**
 * Dossier numbers are the year and a sequence within it: 2026-0042. The sequence comes from a
 * counter per year that only goes up, so a number is never given twice, not even after its
 * dossier was destroyed (audit entries and letters keep referring to it). Past 9999 the sequence
 * simply grows a digit.
 */
export function nextDossierSequence(db: Connection, year: number): number {
  return db
    .prepare(
      `INSERT INTO dossier_number_counters (year, last_sequence) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_sequence = last_sequence + 1
       RETURNING last_sequence`,
    )
    .pluck()
    .get(year) as number;
}

/** The same format as the generated `dossiers.number` column. */
export function formatDossierNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}
