import type { ParsedInput } from '../../../shared/api';
import type { DossierSummary, Page, PhenomenonRef, Signal, SignalSummary } from '../../../shared/api/dossier-types';
import type { DossierStatus, HowReceived, InformationGrade, Partner, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import { CoreError } from '../kernel/errors';
import { inTransaction, invalidField, notFound, requireNotInFuture, timestamp, toBoolean, today, type CoreContext } from '../kernel/context';
import { dossierSummary, insertDossier, requireDossier, touchDossier } from './dossier-records';
import { auditRetentionChange, requireRetentionReason, retentionDateOf } from '../reports/retention';
import { assertPhenomenaExist, phenomenaById } from './phenomena';
import { SIGNAL_COLUMN_OF, insertSignalRow, updateSignalRow } from './signal-records';
import { changedFields, type SqlQuery } from './sql';
import { changeProvenance, recordNewProvenance, type ProvenanceRow } from './fact-provenance';
import { PROVENANCE_COLUMNS, toProvenance } from '../sharing/provenance';

interface SignalRow extends ProvenanceRow {
  id: number;
  received_on: string;
  how_received: HowReceived;
  reporter_name: string | null;
  reporter_contact: string | null;
  reporter_protected: number;
  origin: Partner | null;
  phenomenon_id: number | null;
  summary: string;
  description: string | null;
  location: string | null;
  source_grade: SourceGrade;
  information_grade: InformationGrade;
  tlp: TlpCode;
  legal_basis: string | null;
  purpose: string | null;
  retention_until: string | null;
  dossier_id: number | null;
  created_at: string;
  updated_at: string;
  dossier_number: string | null;
  dossier_title: string | null;
  dossier_status: DossierStatus | null;
}

/** A signal with its dossier's reference; a signal under a trashed dossier is hidden with it. */
const SIGNAL_FROM = `signals s LEFT JOIN dossiers d ON d.id = s.dossier_id`;
const LIVE_SIGNAL = 's.deleted_at IS NULL AND d.deleted_at IS NULL';
const SIGNAL_SUMMARY_COLUMNS = `s.id, s.received_on, s.how_received, s.summary, s.location, s.phenomenon_id, s.source_grade,
  s.information_grade, s.tlp, s.dossier_id, d.number AS dossier_number, d.title AS dossier_title, d.status AS dossier_status`;
const SIGNAL_COLUMNS = `${SIGNAL_SUMMARY_COLUMNS}, s.reporter_name, s.reporter_contact, s.reporter_protected, s.origin, s.description,
  s.legal_basis, s.purpose, s.retention_until, s.created_at, s.updated_at, ${PROVENANCE_COLUMNS('s')}`;

function toSignalSummary(row: SignalRow, phenomena: Map<number, PhenomenonRef>): SignalSummary {
  return {
    id: row.id,
    receivedOn: row.received_on,
    howReceived: row.how_received,
    summary: row.summary,
    location: row.location,
    phenomenon: row.phenomenon_id === null ? null : (phenomena.get(row.phenomenon_id) ?? null),
    sourceGrade: row.source_grade,
    informationGrade: row.information_grade,
    tlp: row.tlp,
    dossier: row.dossier_id === null ? null : { id: row.dossier_id, number: row.dossier_number!, title: row.dossier_title!, status: row.dossier_status! },
  };
}

function toSignal(row: SignalRow, phenomena: Map<number, PhenomenonRef>): Signal {
  return {
    ...toSignalSummary(row, phenomena),
    description: row.description,
    reporterName: row.reporter_name,
    reporterContact: row.reporter_contact,
    reporterProtected: toBoolean(row.reporter_protected),
    origin: row.origin,
    legalBasis: row.legal_basis,
    purpose: row.purpose,
    retentionUntil: row.retention_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    provenance: toProvenance(row),
  };
}

function requireSignalRow(context: CoreContext, signalId: number): SignalRow {
  const row = context.db.prepare(`SELECT ${SIGNAL_COLUMNS} FROM ${SIGNAL_FROM} WHERE s.id = ? AND ${LIVE_SIGNAL}`).get(signalId) as SignalRow | undefined;
  if (!row) throw notFound('signal', signalId);
  return row;
}

function readSignal(context: CoreContext, signalId: number): Signal {
  return toSignal(requireSignalRow(context, signalId), phenomenaById(context));
}

/** An anonymous report has no reporter: checked on the stored result, so that an update cannot break it either. */
function assertReporterFitsHowReceived(row: Pick<SignalRow, 'how_received' | 'reporter_name' | 'reporter_contact'>): void {
  if (row.how_received === 'anoniem' && (row.reporter_name || row.reporter_contact)) {
    throw invalidField(row.reporter_name ? 'reporterName' : 'reporterContact', 'reporter.anonymous');
  }
}

export function createSignal(context: CoreContext, input: ParsedInput<'signal.create'>): Signal {
  return inTransaction(context, () => {
    assertReporterFitsHowReceived({ how_received: input.howReceived, reporter_name: input.reporterName ?? null, reporter_contact: input.reporterContact ?? null });
    requireNotInFuture(context, 'receivedOn', input.receivedOn);
    if (input.phenomenonId) assertPhenomenaExist(context, [input.phenomenonId]);
    const id = insertSignalRow(context, {
      receivedOn: input.receivedOn,
      howReceived: input.howReceived,
      reporterName: input.reporterName,
      reporterContact: input.reporterContact,
      reporterProtected: input.reporterProtected,
      origin: input.origin,
      phenomenonId: input.phenomenonId,
      summary: input.summary,
      description: input.description,
      location: input.location,
      sourceGrade: input.sourceGrade,
      informationGrade: input.informationGrade,
      tlp: input.tlp,
      legalBasis: input.legalBasis,
      purpose: input.purpose,
      retentionUntil: input.retentionUntil,
    });
    // A citizen's report (named or anonymous) arrives as such; the municipality is who received it.
    const citizen = (input.howReceived === 'burger' || input.howReceived === 'anoniem') && input.provenance?.receivedUnder === undefined;
    recordNewProvenance(context, 'signal', id, citizen ? { ...input.provenance, receivedUnder: 'melding_burger' } : input.provenance, input.origin);
    context.audit('signal.created', { signalId: id });
    return readSignal(context, id);
  });
}

/** Opening a signal shows the reporter: audited. */
export function getSignal(context: CoreContext, signalId: number): Signal {
  return inTransaction(context, () => {
    const signal = readSignal(context, signalId);
    context.audit('signal.viewed', { signalId });
    return signal;
  });
}

type SignalFilter = ParsedInput<'signal.list'>;

const SIGNAL_ORDER: Record<SignalFilter['sort'], (direction: string) => string> = {
  receivedOn: (direction) => `s.received_on ${direction}, s.id ${direction}`,
  createdAt: (direction) => `s.created_at ${direction}, s.id ${direction}`,
};

export function signalPageSql(filter: SignalFilter): { page: SqlQuery; count: SqlQuery } {
  // Every filter is on the signal's own columns; the join is only for the trashed-dossier rule and the page's columns.
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (filter.phenomenonId !== undefined) {
    where('s.phenomenon_id IN (SELECT p.id FROM phenomena p WHERE p.id = ? OR p.parent_id = ?)', filter.phenomenonId, filter.phenomenonId);
  }
  if (filter.howReceived) where('s.how_received = ?', filter.howReceived);
  if (filter.tlp) where('s.tlp = ?', filter.tlp);
  if (filter.inDossier !== undefined) where(filter.inDossier ? 's.dossier_id IS NOT NULL' : 's.dossier_id IS NULL');
  if (filter.dossierId !== undefined) where('s.dossier_id = ?', filter.dossierId);
  if (filter.receivedFrom) where('s.received_on >= ?', filter.receivedFrom);
  if (filter.receivedUntil) where('s.received_on <= ?', filter.receivedUntil);
  if (filter.postcodeArea) {
    // As electron/core/reports/dashboard.ts finds areas: "1234AB" or "1234 AB" as a word in the
    // location, or an address subject of the signal's dossier. The area is four digits (checked by
    // the schema), so it cannot carry a GLOB pattern of its own.
    const word = (between: string) => `*[^0-9A-Za-z_]${filter.postcodeArea}${between}[A-Za-z][A-Za-z][^0-9A-Za-z_]*`;
    where(
      `((' ' || s.location || ' ') GLOB ? OR (' ' || s.location || ' ') GLOB ?
        OR s.dossier_id IN (SELECT l.dossier_id FROM subject_dossier_links l JOIN subjects su ON su.id = l.subject_id
                             WHERE su.type = 'address' AND su.deleted_at IS NULL AND substr(json_extract(su.details, '$.postcode'), 1, 4) = ?))`,
      word(''),
      word(' '),
      filter.postcodeArea,
    );
  }
  const signalWhere = ['s.deleted_at IS NULL', ...conditions].join(' AND ');
  const order = SIGNAL_ORDER[filter.sort](filter.direction.toUpperCase());
  // Counted without the join (a dossier lookup per signal cost ~40 ms at 100,000 signals): the live
  // signals that match, less those of them in trashed dossiers (few, found through dossiers_in_trash).
  // Unfiltered, the count reads the small partial index instead of the table (the planner would scan the table).
  // CROSS JOIN keeps the trashed dossiers as the outer loop: without statistics (a vault is never
  // ANALYZEd) the planner otherwise walks every signal to find none, ~200 ms at 100,000 signals.
  const countAll = conditions.length === 0 ? 'signals s INDEXED BY signals_by_received' : 'signals s';
  const count = {
    sql: `SELECT (SELECT count(*) FROM ${countAll} WHERE ${signalWhere})
               - (SELECT count(*) FROM dossiers d CROSS JOIN signals s ON s.dossier_id = d.id WHERE d.deleted_at IS NOT NULL AND ${signalWhere})`,
    params: [...params, ...params],
  };
  if (filter.phenomenonId !== undefined) {
    // A phenomenon with its sub-forms is several ranges of signals_by_phenomenon, so the rows come
    // out of order and all of them are sorted. The page's ids are chosen first, from the signals
    // alone (the trashed dossiers as one small list, not a join per row); only the page's rows are
    // then read with their dossier. At 16,000 signals of a phenomenon and a deep offset: 108 → 22 ms.
    return {
      page: {
        sql: `SELECT ${SIGNAL_SUMMARY_COLUMNS} FROM ${SIGNAL_FROM}
              WHERE s.id IN (SELECT s.id FROM signals s
                              WHERE ${signalWhere}
                                AND (s.dossier_id IS NULL OR s.dossier_id NOT IN (SELECT t.id FROM dossiers t WHERE t.deleted_at IS NOT NULL))
                              ORDER BY ${order} LIMIT ? OFFSET ?)
              ORDER BY ${order}`,
        params: [...params, filter.limit, filter.offset],
      },
      count,
    };
  }
  if (conditions.length === 0) {
    // The whole list: the page's ids are counted off the sort's partial index alone, without reading
    // a signal row (and decrypting its page) for every row skipped. The signals of trashed dossiers
    // are left out as one small list found through dossiers_in_trash. At 100,000 signals the last
    // page: 250 → 25 ms, which a scrollbar dragged to the bottom waits for.
    const sortIndex = filter.sort === 'createdAt' ? 'signals_by_created' : 'signals_by_received';
    return {
      page: {
        sql: `SELECT ${SIGNAL_SUMMARY_COLUMNS} FROM ${SIGNAL_FROM}
              WHERE s.id IN (SELECT s.id FROM signals s INDEXED BY ${sortIndex}
                              WHERE s.deleted_at IS NULL
                                AND s.id NOT IN (SELECT x.id FROM dossiers t JOIN signals x ON x.dossier_id = t.id WHERE t.deleted_at IS NOT NULL)
                              ORDER BY ${order} LIMIT ? OFFSET ?)
              ORDER BY ${order}`,
        params: [filter.limit, filter.offset],
      },
      count,
    };
  }
  return {
    page: {
      sql: `SELECT ${SIGNAL_SUMMARY_COLUMNS} FROM ${SIGNAL_FROM} WHERE ${LIVE_SIGNAL} AND ${signalWhere}
            ORDER BY ${order} LIMIT ? OFFSET ?`,
      params: [...params, filter.limit, filter.offset],
    },
    count,
  };
}

export function listSignals(context: CoreContext, filter: SignalFilter): Page<SignalSummary> {
  const { page, count } = signalPageSql(filter);
  const phenomena = phenomenaById(context);
  const rows = context.db.prepare(page.sql).all(...page.params) as SignalRow[];
  const total = context.db
    .prepare(count.sql)
    .pluck()
    .get(...count.params) as number;
  return { items: rows.map((row) => toSignalSummary(row, phenomena)), total, limit: filter.limit, offset: filter.offset };
}

export function signalSummariesOfDossier(context: CoreContext, dossierId: number): SignalSummary[] {
  const phenomena = phenomenaById(context);
  const rows = context.db
    .prepare(`SELECT ${SIGNAL_SUMMARY_COLUMNS} FROM ${SIGNAL_FROM} WHERE s.dossier_id = ? AND ${LIVE_SIGNAL} ORDER BY s.received_on, s.id`)
    .all(dossierId) as SignalRow[];
  return rows.map((row) => toSignalSummary(row, phenomena));
}

export function updateSignal(context: CoreContext, input: ParsedInput<'signal.update'>): Signal {
  const { signalId, retentionReason, provenance, ...fields } = input;
  return inTransaction(context, () => {
    const before = requireSignalRow(context, signalId);
    // A new retention date needs a reason, here as on the retention list, and is audited the same way.
    const retentionChanged = fields.retentionUntil !== undefined && fields.retentionUntil !== before.retention_until;
    const reason = retentionChanged ? requireRetentionReason(retentionReason) : null;
    const retentionBefore = retentionChanged ? retentionDateOf(context, 'signal', signalId) : null;
    requireNotInFuture(context, 'receivedOn', fields.receivedOn);
    if (fields.phenomenonId) assertPhenomenaExist(context, [fields.phenomenonId]);
    const changes = changedFields(fields, SIGNAL_COLUMN_OF);
    const provenanceChanged = changeProvenance(context, 'signal', signalId, provenance);
    if (changes.length === 0 && provenanceChanged.length === 0) return toSignal(before, phenomenaById(context));
    updateSignalRow(context, signalId, fields);
    if (before.dossier_id !== null) touchDossier(context, before.dossier_id);
    const after = requireSignalRow(context, signalId);
    assertReporterFitsHowReceived(after);
    context.audit('signal.updated', { signalId, fields: [...changes.map((change) => change.field), ...provenanceChanged] });
    if (reason !== null) {
      auditRetentionChange(context, { kind: 'signal', id: signalId, number: null, from: retentionBefore, to: retentionDateOf(context, 'signal', signalId), reason });
    }
    return toSignal(after, phenomenaById(context));
  });
}

/** A signal belongs to at most one dossier; moving it to another is refused, not done silently. */
function assertNotInOtherDossier(row: SignalRow, dossierId: number | null): void {
  if (row.dossier_id !== null && row.dossier_id !== dossierId) {
    throw new CoreError('SIGNAL_ALREADY_IN_DOSSIER', `signal ${row.id} belongs to dossier ${row.dossier_number}`, {
      dossierId: row.dossier_id,
      number: row.dossier_number,
    });
  }
}

export function attachSignalToDossier(context: CoreContext, input: ParsedInput<'signal.attachToDossier'>): Signal {
  return inTransaction(context, () => {
    const signal = requireSignalRow(context, input.signalId);
    const dossier = requireDossier(context, input.dossierId);
    assertNotInOtherDossier(signal, input.dossierId);
    if (signal.dossier_id === input.dossierId) return toSignal(signal, phenomenaById(context));
    context.db.prepare('UPDATE signals SET dossier_id = ?, updated_at = ? WHERE id = ?').run(input.dossierId, timestamp(context), input.signalId);
    touchDossier(context, input.dossierId);
    context.audit('signal.attached', { signalId: input.signalId, dossierId: input.dossierId, number: dossier.number });
    return readSignal(context, input.signalId);
  });
}

/**
 * A new dossier from a loose signal; the dossier inherits its summary, phenomenon, handling code,
 * basis, purpose and retention (the title may be changed, the summary says what the signal was about).
 */
export function signalToDossier(context: CoreContext, input: ParsedInput<'signal.toDossier'>): DossierSummary {
  return inTransaction(context, () => {
    const signal = requireSignalRow(context, input.signalId);
    assertNotInOtherDossier(signal, null);
    const dossierId = insertDossier(context, {
      title: input.title ?? signal.summary,
      summary: signal.summary,
      priority: input.priority ?? 'normaal',
      owner: input.owner ?? null,
      phenomenonIds: signal.phenomenon_id === null ? [] : [signal.phenomenon_id],
      tlp: signal.tlp,
      legalBasis: signal.legal_basis,
      purpose: signal.purpose,
      retentionUntil: signal.retention_until,
      openedOn: today(context),
      // "Signaal ontvangen" happened when the signal was received, not when the dossier was made.
      firstStatusOn: signal.received_on,
    });
    context.db.prepare('UPDATE signals SET dossier_id = ?, updated_at = ? WHERE id = ?').run(dossierId, timestamp(context), input.signalId);
    const dossier = requireDossier(context, dossierId);
    context.audit('signal.attached', { signalId: input.signalId, dossierId, number: dossier.number });
    return dossierSummary(context, dossierId);
  });
}
