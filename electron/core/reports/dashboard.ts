import type { DashboardFigures, PeriodInput } from '../../../shared/api/reports';
import { DOSSIER_STATUSES, FINAL_DOSSIER_STATUSES, type DossierStatus, type SubjectType } from '../../../shared/domain/enums';
import { addToIsoDate, daysBetween } from '../../../shared/domain/dates';
import type { Connection } from '../vault/connection';
import { countByPhenomenon, monthsOf, signalsInPeriod, topLevelPhenomena } from './figures';

/**
 * The intelligence dashboard: where the work stands now and where the signals come from. Exact
 * counts (this screen is for the programmaleider, who may see the whole vault; the report is what
 * leaves it). Areas are postcode areas (the four digits): of the address subjects linked to a
 * dossier, and of a postcode written in a signal's location.
 */

const POSTCODE_IN_TEXT = /\b([1-9]\d{3})\s?[A-Za-z]{2}\b/;

/**
 * The period just before `period`: as many calendar months back when it is whole months (a year
 * against the year before, leap day or not), else as many days.
 */
export function previousPeriodOf(period: PeriodInput): PeriodInput {
  const to = addToIsoDate(period.from, { days: -1 });
  if (period.from.endsWith('-01') && addToIsoDate(period.to, { days: 1 }).endsWith('-01')) {
    return { from: addToIsoDate(period.from, { months: -monthsOf(period).length }), to };
  }
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addToIsoDate(to, { days: -(days - 1) }), to };
}

/** The postcode area of each signal: its dossier's address subjects, else a postcode in its location. */
function signalAreas(db: Connection, period: PeriodInput): Array<{ signalId: number; areas: string[] }> {
  const signals = db
    .prepare(
      `SELECT s.id, s.dossier_id, s.location FROM signals s LEFT JOIN dossiers d ON d.id = s.dossier_id
        WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.received_on BETWEEN ? AND ?`,
    )
    .all(period.from, period.to) as Array<{ id: number; dossier_id: number | null; location: string | null }>;
  const areasOfDossier = dossierAreas(db);
  return signals.map((signal) => {
    const areas = new Set(signal.dossier_id !== null ? (areasOfDossier.get(signal.dossier_id) ?? []) : []);
    const inText = signal.location ? POSTCODE_IN_TEXT.exec(signal.location)?.[1] : undefined;
    if (inText) areas.add(inText);
    return { signalId: signal.id, areas: [...areas] };
  });
}

function dossierAreas(db: Connection): Map<number, string[]> {
  const rows = db
    .prepare(
      `SELECT DISTINCT l.dossier_id, substr(json_extract(s.details, '$.postcode'), 1, 4) AS area
         FROM subject_dossier_links l JOIN subjects s ON s.id = l.subject_id JOIN dossiers d ON d.id = l.dossier_id
        WHERE s.type = 'address' AND s.deleted_at IS NULL AND d.deleted_at IS NULL AND json_extract(s.details, '$.postcode') IS NOT NULL`,
    )
    .all() as Array<{ dossier_id: number; area: string }>;
  const result = new Map<number, string[]>();
  for (const row of rows) result.set(row.dossier_id, [...(result.get(row.dossier_id) ?? []), row.area]);
  return result;
}

export function dashboardFigures(db: Connection, period: PeriodInput, todayIso: string): DashboardFigures {
  const previousPeriod = previousPeriodOf(period);
  const openDossiers = db
    .prepare(`SELECT id, status FROM dossiers WHERE deleted_at IS NULL AND status NOT IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(FINAL_DOSSIER_STATUSES)) as Array<{ id: number; status: DossierStatus }>;
  const openByStatus = DOSSIER_STATUSES.filter((status) => !FINAL_DOSSIER_STATUSES.includes(status)).map((status) => ({
    status,
    count: openDossiers.filter((dossier) => dossier.status === status).length,
  }));
  const openPhenomena = db
    .prepare(
      `SELECT p.phenomenon_id FROM dossier_phenomena p JOIN dossiers d ON d.id = p.dossier_id
        WHERE d.deleted_at IS NULL AND d.status NOT IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(FINAL_DOSSIER_STATUSES)) as number[];
  // A dossier with two sub-forms of one phenomenon counts once for it.
  const tops = topLevelPhenomena(db);
  const openByPhenomenon = countByPhenomenon(db, openPhenomena).map((entry) => ({
    ...entry,
    count: new Set(
      (
        db
          .prepare(
            `SELECT p.dossier_id, p.phenomenon_id FROM dossier_phenomena p JOIN dossiers d ON d.id = p.dossier_id
            WHERE d.deleted_at IS NULL AND d.status NOT IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(FINAL_DOSSIER_STATUSES)) as Array<{ dossier_id: number; phenomenon_id: number }>
      )
        .filter((row) => tops.get(row.phenomenon_id)?.id === entry.phenomenonId)
        .map((row) => row.dossier_id),
    ).size,
  }));

  const signals = signalsInPeriod(db, period);
  const previousSignals = signalsInPeriod(db, previousPeriod);
  const topOf = (phenomenonId: number | null) => (phenomenonId === null ? 'none' : String(tops.get(phenomenonId)?.id ?? 'none'));
  const signalsOverTime = monthsOf(period).map((month) => {
    const counts: Record<string, number> = {};
    for (const signal of signals) if (signal.received_on.startsWith(month)) counts[topOf(signal.phenomenon_id)] = (counts[topOf(signal.phenomenon_id)] ?? 0) + 1;
    return { month, counts };
  });
  const phenomena = [...new Map([...tops.values()].map((top) => [top.id, top])).values()]
    .sort((a, b) => a.position - b.position)
    .map((top) => ({ phenomenonId: top.id, label: top.label }));

  const areaSignals = signalAreas(db, period);
  const previousAreaSignals = signalAreas(db, previousPeriod);
  const areaDossiers = new Map<string, Set<number>>();
  for (const [dossierId, areas] of dossierAreas(db)) for (const area of areas) areaDossiers.set(area, (areaDossiers.get(area) ?? new Set()).add(dossierId));
  const count = (list: Array<{ areas: string[] }>, area: string) => list.filter((entry) => entry.areas.includes(area)).length;
  const allAreas = new Set([...areaDossiers.keys(), ...areaSignals.flatMap((entry) => entry.areas), ...previousAreaSignals.flatMap((entry) => entry.areas)]);
  const areas = [...allAreas]
    .map((area) => ({ area, dossiers: areaDossiers.get(area)?.size ?? 0, signals: count(areaSignals, area), previousSignals: count(previousAreaSignals, area) }))
    .sort((a, b) => b.signals - a.signals || b.dossiers - a.dossiers || a.area.localeCompare(b.area))
    .slice(0, 15);

  const topSubjects = db
    .prepare(
      `SELECT s.id AS subjectId, s.label, s.type, count(DISTINCT l.dossier_id) AS dossiers
         FROM subject_dossier_links l JOIN subjects s ON s.id = l.subject_id JOIN dossiers d ON d.id = l.dossier_id
        WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND l.role <> 'melder'
        GROUP BY s.id HAVING count(DISTINCT l.dossier_id) > 1
        ORDER BY dossiers DESC, s.label COLLATE NOCASE LIMIT 10`,
    )
    .all() as Array<{ subjectId: number; label: string; type: SubjectType; dossiers: number }>;

  const measures = db
    .prepare(
      `SELECT m.stage, m.planned_on FROM measures m JOIN dossiers d ON d.id = m.dossier_id
        WHERE m.deleted_at IS NULL AND d.deleted_at IS NULL AND m.stage IN ('gepland', 'lopend')`,
    )
    .all() as Array<{ stage: string; planned_on: string | null }>;

  // The follow-up overview's actions (meeting.actions): not done, and not of a dossier in the trash.
  const actions = db
    .prepare(
      `SELECT a.due_on FROM meeting_actions a JOIN meeting_items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id LEFT JOIN dossiers d ON d.id = i.dossier_id
        WHERE a.done_on IS NULL AND (d.id IS NULL OR d.deleted_at IS NULL)`,
    )
    .pluck()
    .all() as Array<string | null>;

  // Blind spots: a phenomenon with no signals now, or fewer than half of the previous period's.
  const blindSpots: DashboardFigures['blindSpots'] = [];
  for (const phenomenon of phenomena) {
    const key = String(phenomenon.phenomenonId);
    const current = signals.filter((signal) => topOf(signal.phenomenon_id) === key).length;
    const previous = previousSignals.filter((signal) => topOf(signal.phenomenon_id) === key).length;
    if (current === 0 || current * 2 < previous) blindSpots.push({ kind: 'phenomenon', key, label: phenomenon.label, current, previous });
  }
  for (const area of [...allAreas].sort()) {
    const current = count(areaSignals, area);
    const previous = count(previousAreaSignals, area);
    if (previous > 0 && current * 2 < previous) blindSpots.push({ kind: 'area', key: area, label: area, current, previous });
  }

  return {
    period,
    previousPeriod,
    openByStatus,
    openByPhenomenon,
    signalsOverTime,
    phenomena,
    areas,
    topSubjects,
    openMeasures: measures.length,
    overdueMeasures: measures.filter((measure) => measure.stage === 'gepland' && measure.planned_on !== null && measure.planned_on < todayIso).length,
    openActions: actions.length,
    overdueActions: actions.filter((dueOn) => dueOn !== null && dueOn < todayIso).length,
    blindSpots,
  };
}
