import type { HowReceived, InformationGrade, Partner, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import { timestamp, today, type CoreContext } from '../kernel/context';
import { changedFields } from './sql';

/**
 * The writer of `signals` rows, for the API and the bundle import alike. Left out is NULL; the
 * date received defaults to today and both timestamps to now (an imported signal keeps its own).
 */
export interface SignalRowValues {
  receivedOn?: string;
  howReceived: HowReceived;
  reporterName?: string | null;
  reporterContact?: string | null;
  reporterProtected: boolean;
  origin?: Partner | null;
  phenomenonId?: number | null;
  summary: string;
  description?: string | null;
  location?: string | null;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
  legalBasis?: string | null;
  purpose?: string | null;
  retentionUntil?: string | null;
  dossierId?: number | null;
  createdAt?: string;
  updatedAt?: string;
}

export function insertSignalRow(context: CoreContext, row: SignalRowValues): number {
  const receivedOn = row.receivedOn ?? today(context);
  const now = timestamp(context);
  return Number(
    context.db
      .prepare(
        `INSERT INTO signals (received_on, how_received, reporter_name, reporter_contact, reporter_protected, origin, phenomenon_id,
                              summary, description, location, source_grade, information_grade, tlp, legal_basis, purpose,
                              retention_until, dossier_id, created_at, updated_at)
         VALUES (@receivedOn, @howReceived, @reporterName, @reporterContact, @reporterProtected, @origin, @phenomenonId,
                 @summary, @description, @location, @sourceGrade, @informationGrade, @tlp, @legalBasis, @purpose,
                 @retentionUntil, @dossierId, @createdAt, @updatedAt)`,
      )
      .run({
        receivedOn,
        howReceived: row.howReceived,
        reporterName: row.reporterName ?? null,
        reporterContact: row.reporterContact ?? null,
        reporterProtected: Number(row.reporterProtected),
        origin: row.origin ?? null,
        phenomenonId: row.phenomenonId ?? null,
        summary: row.summary,
        description: row.description ?? null,
        location: row.location ?? null,
        sourceGrade: row.sourceGrade,
        informationGrade: row.informationGrade,
        tlp: row.tlp,
        legalBasis: row.legalBasis ?? null,
        purpose: row.purpose ?? null,
        retentionUntil: row.retentionUntil ?? null,
        dossierId: row.dossierId ?? null,
        createdAt: row.createdAt ?? now,
        updatedAt: row.updatedAt ?? now,
      }).lastInsertRowid,
  );
}

/** The fields of a signal that an update may set, with their columns. */
export const SIGNAL_COLUMN_OF = {
  receivedOn: 'received_on',
  howReceived: 'how_received',
  reporterName: 'reporter_name',
  reporterContact: 'reporter_contact',
  reporterProtected: 'reporter_protected',
  origin: 'origin',
  phenomenonId: 'phenomenon_id',
  summary: 'summary',
  description: 'description',
  location: 'location',
  sourceGrade: 'source_grade',
  informationGrade: 'information_grade',
  tlp: 'tlp',
  legalBasis: 'legal_basis',
  purpose: 'purpose',
  retentionUntil: 'retention_until',
} as const;

export type SignalFields = Partial<Pick<SignalRowValues, keyof typeof SIGNAL_COLUMN_OF>>;

/** Set the given fields of a signal row (left out: as it is; null clears) and move its `updated_at`. */
export function updateSignalRow(context: CoreContext, signalId: number, fields: SignalFields, updatedAt = timestamp(context)): void {
  const changes = changedFields(fields, SIGNAL_COLUMN_OF);
  const assignments = [...changes.map((change) => `${change.column} = ?`), 'updated_at = ?'];
  context.db.prepare(`UPDATE signals SET ${assignments.join(', ')} WHERE id = ?`).run(...changes.map((change) => change.value), updatedAt, signalId);
}
