import type { DestroyResult, RetentionDefaults, RetentionItem, RetentionKind, RetentionOverview } from '../../../shared/api/reports';
import { addToIsoDate } from '../../../shared/domain/dates';
import { inTransaction, invalidField, notFound, today, type CoreContext } from '../kernel/context';

/**
 * Retention periods (bewaartermijnen).
 *
 * Every dossier and every loose signal has a retention date: the one set on the item
 * (`retention_until`), or else one computed from the defaults per outcome below. The defaults are
 * starting values, not law: the privacy officer (FG) of the municipality sets them in Instellingen
 * for the processing as described in the register. They follow the common practice for
 * criminal-law data in the municipal approach to undermining: what leads nowhere goes soon, what
 * was handled regularly after two years, a closed case after five.
 *
 * A signal inside a dossier has no period of its own: it goes with its dossier.
 *
 * Destroying removes the item and everything under it for good (the foreign keys cascade to
 * signals, notes, measures, links, status history, attachments and their chunks; the search
 * index follows by its triggers, and is then rewritten so that no old segment keeps a word of it).
 * Subjects that occur in no other dossier go with it. secure_delete overwrites the freed pages and
 * a checkpoint folds the WAL into the file. What remains is one audit entry: number, date, reason.
 */

export const DEFAULT_RETENTION: RetentionDefaults = {
  looseSignalYears: 1,
  regulierAfgehandeldYears: 2,
  closedDossierYears: 5,
  openDossierYears: 5,
};

const SETTINGS_KEY = 'retention.defaults';

export function retentionDefaults(context: CoreContext): RetentionDefaults {
  const stored = context.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY) as string | undefined;
  return { ...DEFAULT_RETENTION, ...(stored ? (JSON.parse(stored) as Partial<RetentionDefaults>) : {}) };
}

export function updateRetentionDefaults(context: CoreContext, changes: Partial<RetentionDefaults>): RetentionDefaults {
  return inTransaction(context, () => {
    const next = { ...retentionDefaults(context) };
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) next[key as keyof RetentionDefaults] = value;
    context.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(next));
    context.audit('retention.defaults-updated', { ...changes });
    return next;
  });
}

/** 29 February in a year without one becomes 28 February. */
export function addYears(date: string, years: number): string {
  return addToIsoDate(date, { years });
}

interface Candidate {
  kind: RetentionKind;
  id: number;
  number: string | null;
  title: string;
  retention_until: string | null;
  status: string | null;
  decided_on: string | null;
  base_on: string;
  in_trash: number;
}

/**
 * Every dossier and loose signal, in the trash too: putting an item in the trash does not stop its
 * retention period. A trashed item past its date is due like any other (until the trash is emptied,
 * it is still in the file), and the retention list is where it is destroyed.
 */
function candidates(context: CoreContext, only?: { kind: RetentionKind; id: number }): Candidate[] {
  const dossierWhere = only ? (only.kind === 'dossier' ? 'AND d.id = ?' : 'AND 0') : '';
  const signalWhere = only ? (only.kind === 'signal' ? 'AND s.id = ?' : 'AND 0') : '';
  const dossiers = context.db
    .prepare(
      `SELECT 'dossier' AS kind, d.id, d.number, d.title, d.retention_until, d.status, d.opened_on AS base_on,
              d.deleted_at IS NOT NULL AS in_trash,
              (SELECT c.changed_on FROM dossier_status_changes c WHERE c.dossier_id = d.id ORDER BY c.changed_on DESC, c.id DESC LIMIT 1) AS decided_on
         FROM dossiers d WHERE 1 ${dossierWhere}`,
    )
    .all(...(only?.kind === 'dossier' ? [only.id] : [])) as Candidate[];
  const signals = context.db
    .prepare(
      `SELECT 'signal' AS kind, s.id, NULL AS number, s.summary AS title, s.retention_until, NULL AS status, NULL AS decided_on, s.received_on AS base_on,
              s.deleted_at IS NOT NULL AS in_trash
         FROM signals s WHERE s.dossier_id IS NULL ${signalWhere}`,
    )
    .all(...(only?.kind === 'signal' ? [only.id] : [])) as Candidate[];
  return [...dossiers, ...signals];
}

function toItem(candidate: Candidate, defaults: RetentionDefaults, todayIso: string): RetentionItem {
  let basis: RetentionItem['basis'];
  let computed: string;
  if (candidate.kind === 'signal') {
    basis = 'loose_signal';
    computed = addYears(candidate.base_on, defaults.looseSignalYears);
  } else if (candidate.status === 'regulier_afgehandeld') {
    basis = 'regulier_afgehandeld';
    computed = addYears(candidate.decided_on ?? candidate.base_on, defaults.regulierAfgehandeldYears);
  } else if (candidate.status === 'afgesloten') {
    basis = 'afgesloten';
    computed = addYears(candidate.decided_on ?? candidate.base_on, defaults.closedDossierYears);
  } else {
    basis = 'open';
    computed = addYears(candidate.base_on, defaults.openDossierYears);
  }
  const retentionUntil = candidate.retention_until ?? computed;
  return {
    kind: candidate.kind,
    id: candidate.id,
    number: candidate.number,
    title: candidate.title,
    basis,
    retentionUntil,
    explicit: candidate.retention_until !== null,
    overdue: retentionUntil < todayIso,
    inTrash: candidate.in_trash === 1,
  };
}

export function retentionList(context: CoreContext, input: { dueOnly?: boolean }): RetentionItem[] {
  const defaults = retentionDefaults(context);
  const todayIso = today(context);
  return candidates(context)
    .map((candidate) => toItem(candidate, defaults, todayIso))
    .filter((item) => !input.dueOnly || item.overdue)
    .sort((a, b) => a.retentionUntil.localeCompare(b.retentionUntil) || a.kind.localeCompare(b.kind) || a.id - b.id);
}

/**
 * The counts for the reminder at unlock, in one aggregate query: materialising tens of thousands of
 * items in JavaScript took a few hundred milliseconds at every unlock of a large vault. The end
 * dates are computed as toItem and addYears compute them (29 February included); the retention
 * tests hold the two against each other.
 */
export function retentionOverview(context: CoreContext): RetentionOverview {
  const defaults = retentionDefaults(context);
  const todayIso = today(context);
  const in30 = addToIsoDate(todayIso, { days: 30 });
  const row = context.db
    .prepare(
      `WITH items(retention_until, base_on, years) AS (
         SELECT s.retention_until, s.received_on, :looseSignal
           FROM signals s INDEXED BY signals_loose_by_received WHERE s.dossier_id IS NULL
         UNION ALL
         SELECT d.retention_until,
                CASE WHEN d.status IN ('regulier_afgehandeld', 'afgesloten')
                     THEN COALESCE((SELECT max(c.changed_on) FROM dossier_status_changes c WHERE c.dossier_id = d.id), d.opened_on)
                     ELSE d.opened_on END,
                CASE d.status WHEN 'regulier_afgehandeld' THEN :regulier WHEN 'afgesloten' THEN :closed ELSE :open END
           FROM dossiers d
       ),
       shifted(retention_until, base_on, year) AS (
         SELECT retention_until, base_on, CAST(substr(base_on, 1, 4) AS INTEGER) + years FROM items
       ),
       ends(until) AS (
         SELECT COALESCE(retention_until,
                  CASE WHEN substr(base_on, 5) = '-02-29' AND NOT (year % 4 = 0 AND (year % 100 != 0 OR year % 400 = 0))
                       THEN printf('%04d-02-28', year)
                       ELSE printf('%04d', year) || substr(base_on, 5) END)
           FROM shifted
       )
       SELECT coalesce(sum(until < :today), 0) AS overdue, coalesce(sum(until >= :today AND until <= :in30), 0) AS dueWithin30Days FROM ends`,
    )
    .get({
      looseSignal: defaults.looseSignalYears,
      regulier: defaults.regulierAfgehandeldYears,
      closed: defaults.closedDossierYears,
      open: defaults.openDossierYears,
      today: todayIso,
      in30,
    }) as RetentionOverview;
  return { overdue: row.overdue, dueWithin30Days: row.dueWithin30Days };
}

function requireItem(context: CoreContext, kind: RetentionKind, id: number): RetentionItem {
  const [candidate] = candidates(context, { kind, id });
  if (!candidate) throw notFound(kind, id);
  return toItem(candidate, retentionDefaults(context), today(context));
}

/**
 * The retention date that applies to a dossier or a signal now: the item's own or the default.
 * A signal inside a dossier has no period of its own (it goes with its dossier): its stored date, if any.
 */
export function retentionDateOf(context: CoreContext, kind: RetentionKind, id: number): string | null {
  const [candidate] = candidates(context, { kind, id });
  if (candidate) return toItem(candidate, retentionDefaults(context), today(context)).retentionUntil;
  if (kind === 'dossier') throw notFound(kind, id);
  return (context.db.prepare('SELECT retention_until FROM signals WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}

/**
 * One audit entry for every change of a retention date, wherever it was made (the retention list,
 * the dossier's or the signal's own form): the item, the old and new date, and the reason.
 */
export function auditRetentionChange(
  context: CoreContext,
  change: { kind: RetentionKind; id: number; number: string | null; from: string | null; to: string | null; reason: string },
): void {
  const shortened = change.from !== null && change.to !== null && change.to < change.from;
  context.audit(shortened ? 'retention.shortened' : 'retention.extended', {
    kind: change.kind,
    id: change.id,
    number: change.number,
    from: change.from,
    to: change.to,
    reason: change.reason,
  });
}

/** A change of the retention date needs a reason, on every path that can change it. */
export function requireRetentionReason(reason: string | undefined): string {
  const trimmed = reason?.trim();
  if (!trimmed) throw invalidField('retentionReason', 'text.required');
  return trimmed;
}

/** Extend (or shorten) an item's period. The reason is recorded in the audit trail with the old and new date. */
export function setRetentionUntil(context: CoreContext, input: { kind: RetentionKind; id: number; until: string; reason: string }): RetentionItem {
  return inTransaction(context, () => {
    const before = requireItem(context, input.kind, input.id);
    const table = input.kind === 'dossier' ? 'dossiers' : 'signals';
    context.db.prepare(`UPDATE ${table} SET retention_until = ? WHERE id = ?`).run(input.until, input.id);
    auditRetentionChange(context, { kind: input.kind, id: input.id, number: before.number, from: before.retentionUntil, to: input.until, reason: input.reason });
    return requireItem(context, input.kind, input.id);
  });
}

export function destroyItem(context: CoreContext, input: { kind: RetentionKind; id: number; reason: string }): DestroyResult {
  const result = inTransaction(context, (): DestroyResult => {
    const item = requireItem(context, input.kind, input.id);
    const db = context.db;
    const removed = { signals: 0, notes: 0, attachments: 0, subjects: 0, links: 0, measures: 0 };
    if (input.kind === 'dossier') {
      const count = (sql: string) => db.prepare(sql).pluck().get(input.id) as number;
      removed.signals = count('SELECT count(*) FROM signals WHERE dossier_id = ?');
      removed.notes = count('SELECT count(*) FROM dossier_notes WHERE dossier_id = ?');
      removed.attachments = count('SELECT count(*) FROM attachments WHERE dossier_id = ?');
      removed.measures = count('SELECT count(*) FROM measures WHERE dossier_id = ?');
      removed.links = count('SELECT count(*) FROM subject_dossier_links WHERE dossier_id = ?');
      // Subjects of this dossier only: no link to any other dossier. Their subject links go with them.
      const onlyHere = db
        .prepare(
          `SELECT DISTINCT l.subject_id FROM subject_dossier_links l
            WHERE l.dossier_id = ?
              AND NOT EXISTS (SELECT 1 FROM subject_dossier_links o WHERE o.subject_id = l.subject_id AND o.dossier_id <> l.dossier_id)`,
        )
        .pluck()
        .all(input.id) as number[];
      db.prepare('DELETE FROM dossiers WHERE id = ?').run(input.id);
      const deleteSubject = db.prepare('DELETE FROM subjects WHERE id = ?');
      for (const subjectId of onlyHere) removed.subjects += deleteSubject.run(subjectId).changes;
    } else {
      db.prepare('DELETE FROM signals WHERE id = ? AND dossier_id IS NULL').run(input.id);
      removed.signals = 1;
    }
    const destroyedOn = today(context);
    context.audit('retention.destroyed', {
      kind: input.kind,
      id: input.id,
      number: item.number,
      retentionUntil: item.retentionUntil,
      overdue: item.overdue,
      reason: input.reason,
      inTrash: item.inTrash,
      removed,
    });
    return { kind: input.kind, id: input.id, number: item.number, destroyedOn, removed };
  });
  // Rewrite the search index so that no old segment still holds a word of the destroyed item,
  // then fold the WAL (which held the old pages) into the file that secure_delete overwrote.
  context.db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
  context.db.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
