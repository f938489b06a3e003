import type { DecisionTime, OutcomeKey, PeriodInput, PhenomenonCount, ReportFigures } from '../../../shared/api/reports';
import { OUTCOME_KEYS } from '../../../shared/api/reports';
import { HOW_RECEIVED, MEASURE_KINDS, type DossierStatus, type HowReceived, type MeasureKind } from '../../../shared/domain/enums';
import { daysBetween, monthsOfPeriod } from '../../../shared/domain/dates';
import type { Connection } from '../vault/connection';

/**
 * The figures of the yearly report (jaarrapportage meldpunt) for any period, counts only.
 *
 * The rules, so that a reader of the report can check them:
 * - Signals: received in the period (`received_on`), not in the trash, and not under a dossier in
 *   the trash. A sub-form is counted with its phenomenon.
 * - Outcomes: of the signals, how many went into a dossier and how many stayed loose; of the
 *   dossiers opened in the period (not in the trash), which steps of the process they reached by
 *   the end of the period (from `dossier_status_changes`, dated by the decision's date), what the
 *   stuurploeg decided (the change out of `stuurploeg`: aanpak = aanpakken, regulier afgehandeld or
 *   afgesloten = niet aanpakken, in opwerking = terug), and their status at the end of the period.
 * - Time to decision: from the earliest receipt among the dossier's signals (or its opening, when
 *   it has none) to the first change into aanpak, regulier afgehandeld or afgesloten.
 * - Measures: on dossiers not in the trash, dated in the period by their start, else their
 *   decision, else their planning, else their recording.
 */

/** The top-level phenomenon of each phenomenon id, with its code and label. */
export function topLevelPhenomena(db: Connection): Map<number, { id: number; code: string; label: string; position: number }> {
  const rows = db.prepare('SELECT id, code, parent_id, label, position FROM phenomena').all() as Array<{
    id: number;
    code: string;
    parent_id: number | null;
    label: string;
    position: number;
  }>;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result = new Map<number, { id: number; code: string; label: string; position: number }>();
  for (const row of rows) {
    const top = row.parent_id === null ? row : (byId.get(row.parent_id) ?? row);
    result.set(row.id, { id: top.id, code: top.code, label: top.label, position: top.position });
  }
  return result;
}

export function monthsOf(period: PeriodInput): string[] {
  return monthsOfPeriod(period.from, period.to);
}

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const DECISION_STATUSES: readonly DossierStatus[] = ['aanpak', 'regulier_afgehandeld', 'afgesloten'];

interface SignalRow {
  id: number;
  received_on: string;
  how_received: string;
  origin: string | null;
  phenomenon_id: number | null;
  dossier_id: number | null;
}

interface ChangeRow {
  dossier_id: number;
  from_status: DossierStatus | null;
  to_status: DossierStatus;
  changed_on: string;
  closing_reason: string | null;
}

/** Signals received in the period that count (not trashed, not under a trashed dossier). */
export function signalsInPeriod(db: Connection, period: PeriodInput): SignalRow[] {
  return db
    .prepare(
      `SELECT s.id, s.received_on, s.how_received, s.origin, s.phenomenon_id, s.dossier_id
         FROM signals s LEFT JOIN dossiers d ON d.id = s.dossier_id
        WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.received_on BETWEEN ? AND ?
        ORDER BY s.received_on, s.id`,
    )
    .all(period.from, period.to) as SignalRow[];
}

export function countByPhenomenon(db: Connection, phenomenonIds: ReadonlyArray<number | null>): PhenomenonCount[] {
  const tops = topLevelPhenomena(db);
  const counts = new Map<number | null, { entry: PhenomenonCount; position: number }>();
  for (const phenomenonId of phenomenonIds) {
    const top = phenomenonId === null ? undefined : tops.get(phenomenonId);
    const key = top?.id ?? null;
    const existing = counts.get(key);
    if (existing) existing.entry.count++;
    else counts.set(key, { entry: { phenomenonId: key, code: top?.code ?? null, label: top?.label ?? '', count: 1 }, position: top?.position ?? Number.MAX_SAFE_INTEGER });
  }
  return [...counts.values()].sort((a, b) => b.entry.count - a.entry.count || a.position - b.position).map((value) => value.entry);
}

export function reportFigures(db: Connection, period: PeriodInput): ReportFigures {
  const signals = signalsInPeriod(db, period);

  const byHowReceived = HOW_RECEIVED.map((howReceived) => ({
    howReceived,
    count: signals.filter((signal) => signal.how_received === howReceived).length,
  }));
  const extraHow = [...new Set(signals.map((signal) => signal.how_received))].filter((value) => !HOW_RECEIVED.includes(value as HowReceived));
  for (const howReceived of extraHow)
    byHowReceived.push({ howReceived: howReceived as HowReceived, count: signals.filter((signal) => signal.how_received === howReceived).length });

  const originCounts = new Map<string | null, number>();
  for (const signal of signals) originCounts.set(signal.origin, (originCounts.get(signal.origin) ?? 0) + 1);
  const byOrigin = [...originCounts.entries()]
    .map(([origin, count]) => ({ origin, count }))
    .sort((a, b) => b.count - a.count || String(a.origin ?? '~').localeCompare(String(b.origin ?? '~')));

  const byMonth = monthsOf(period).map((month) => ({ month, count: signals.filter((signal) => signal.received_on.startsWith(month)).length }));

  // Dossiers opened in the period, with their status history up to the period's end.
  const dossiers = db.prepare('SELECT id, opened_on FROM dossiers WHERE deleted_at IS NULL AND opened_on BETWEEN ? AND ? ORDER BY id').all(period.from, period.to) as Array<{
    id: number;
    opened_on: string;
  }>;
  const changes = db
    .prepare(
      `SELECT c.dossier_id, c.from_status, c.to_status, c.changed_on, c.closing_reason
         FROM dossier_status_changes c JOIN dossiers d ON d.id = c.dossier_id
        WHERE d.deleted_at IS NULL AND d.opened_on BETWEEN ? AND ? AND c.changed_on <= ?
        ORDER BY c.dossier_id, c.changed_on, c.id`,
    )
    .all(period.from, period.to, period.to) as ChangeRow[];
  const changesOf = new Map<number, ChangeRow[]>();
  for (const change of changes) {
    const list = changesOf.get(change.dossier_id) ?? [];
    list.push(change);
    changesOf.set(change.dossier_id, list);
  }
  const firstReceipt = new Map(
    (
      db
        .prepare(
          `SELECT dossier_id, min(received_on) AS first FROM signals
            WHERE deleted_at IS NULL AND dossier_id IN (SELECT id FROM dossiers WHERE deleted_at IS NULL AND opened_on BETWEEN ? AND ?)
            GROUP BY dossier_id`,
        )
        .all(period.from, period.to) as Array<{ dossier_id: number; first: string }>
    ).map((row) => [row.dossier_id, row.first]),
  );
  const withMeasure = new Set(db.prepare('SELECT DISTINCT dossier_id FROM measures WHERE deleted_at IS NULL').pluck().all() as number[]);

  const outcome = Object.fromEntries(OUTCOME_KEYS.map((key) => [key, 0])) as Record<OutcomeKey, number>;
  outcome.signals_received = signals.length;
  outcome.signals_in_dossier = signals.filter((signal) => signal.dossier_id !== null).length;
  outcome.signals_loose = signals.length - outcome.signals_in_dossier;
  outcome.dossiers_opened = dossiers.length;

  const decisionDays: number[] = [];
  for (const dossier of dossiers) {
    const history = changesOf.get(dossier.id) ?? [];
    const reached = new Set(history.map((change) => change.to_status));
    if (reached.has('informatieplein')) outcome.reached_informatieplein++;
    if (reached.has('preweeg_concept') || reached.has('preweeg_akkoord')) outcome.reached_preweeg++;
    if (reached.has('stuurploeg')) outcome.reached_stuurploeg++;
    if (reached.has('interventie') || withMeasure.has(dossier.id)) outcome.reached_interventie++;
    const stuurploegDecision = history.find((change) => change.from_status === 'stuurploeg');
    if (stuurploegDecision?.to_status === 'aanpak') outcome.stuurploeg_aanpakken++;
    else if (stuurploegDecision?.to_status === 'in_opwerking') outcome.stuurploeg_terug++;
    else if (stuurploegDecision) outcome.stuurploeg_niet_aanpakken++;

    const last = history.at(-1);
    const status = last?.to_status ?? 'ontvangen';
    if (status === 'regulier_afgehandeld') outcome.regulier_afgehandeld++;
    else if (status === 'afgesloten') {
      const key = `afgesloten_${last?.closing_reason ?? 'opgelost'}` as OutcomeKey;
      if (key in outcome) outcome[key]++;
    } else outcome.still_open++;

    const decision = history.find((change) => DECISION_STATUSES.includes(change.to_status));
    if (decision) {
      const start = firstReceipt.get(dossier.id) ?? dossier.opened_on;
      decisionDays.push(Math.max(0, daysBetween(start < dossier.opened_on ? start : dossier.opened_on, decision.changed_on)));
    }
  }
  decisionDays.sort((a, b) => a - b);
  const decisionTime: DecisionTime = { decided: decisionDays.length, medianDays: median(decisionDays), p75Days: percentile(decisionDays, 0.75) };

  const measureKinds = db
    .prepare(
      `SELECT m.kind FROM measures m JOIN dossiers d ON d.id = m.dossier_id
        WHERE m.deleted_at IS NULL AND d.deleted_at IS NULL
          AND coalesce(m.started_on, m.decided_on, m.planned_on, substr(m.created_at, 1, 10)) BETWEEN ? AND ?`,
    )
    .pluck()
    .all(period.from, period.to) as string[];
  const kindCounts = new Map<string, number>();
  for (const kind of measureKinds) kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
  const measuresByKind = [...kindCounts.entries()]
    .map(([kind, count]) => ({ kind: kind as MeasureKind, count }))
    .sort((a, b) => b.count - a.count || MEASURE_KINDS.indexOf(a.kind) - MEASURE_KINDS.indexOf(b.kind));

  return {
    period: { from: period.from, to: period.to },
    signalsTotal: signals.length,
    byPhenomenon: countByPhenomenon(
      db,
      signals.map((signal) => signal.phenomenon_id),
    ),
    byHowReceived,
    byOrigin,
    byMonth,
    outcomes: OUTCOME_KEYS.map((key) => ({ key, count: outcome[key] })),
    decisionTime,
    measuresByKind,
    measuresTotal: measureKinds.length,
  };
}
