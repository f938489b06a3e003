import type { ParsedInput } from '../../../shared/api';
import { TIMELINE_KINDS, type MeasureEvent, type Page, type TimelineEntry, type TimelineKind } from '../../../shared/api/dossier-types';
import type {
  ClosingReason,
  DossierStatus,
  HowReceived,
  InformationGrade,
  MeasureKind,
  MeasureStage,
  Partner,
  SourceGrade,
  SubjectRole,
  SubjectType,
  TlpCode,
} from '../../../shared/domain/enums';
import { inTransaction, toBoolean, type CoreContext } from '../kernel/context';
import { requireDossier } from './dossier-records';
import { unprotectedLink } from './links';
import type { SqlQuery } from './sql';

type TimelineInput = ParsedInput<'dossier.timeline'>;

/**
 * One row shape for every arm of the union. `c1`..`c3` hold what is particular to a kind (see
 * `toEntry`); `event_rank` orders a measure's planned, started and decided entries of one day.
 */
interface TimelineRow {
  kind: TimelineKind;
  item_id: number;
  event: MeasureEvent | null;
  event_rank: number;
  day: string;
  recorded_at: string;
  actor: string | null;
  label: string | null;
  source_grade: SourceGrade | null;
  information_grade: InformationGrade | null;
  tlp: TlpCode | null;
  c1: string | null;
  c2: string | number | null;
  c3: string | number | null;
}

/** How much of a note the timeline shows; the journal has the whole text. */
const NOTE_EXCERPT_LENGTH = 200;

const MEASURE_EVENTS: ReadonlyArray<{ event: MeasureEvent; column: string; rank: number }> = [
  { event: 'planned', column: 'planned_on', rank: 1 },
  { event: 'started', column: 'started_on', rank: 2 },
  { event: 'decided', column: 'decided_on', rank: 3 },
];

const COLUMNS = ['kind', 'item_id', 'event', 'event_rank', 'day', 'recorded_at', 'actor', 'label', 'source_grade', 'information_grade', 'tlp', 'c1', 'c2', 'c3'] as const;

/** One arm: its expressions named after COLUMNS (every arm names them, since any arm can come first). */
function arm(values: Record<(typeof COLUMNS)[number], string>, from: string, where: string): string {
  return `
      SELECT ${COLUMNS.map((column) => `${values[column]} AS ${column}`).join(', ')}
        FROM ${from}
       WHERE ${where}`;
}

const NO_GRADING = { source_grade: 'NULL', information_grade: 'NULL' };

/**
 * The arms of the union, one (or, for measures, three) per kind. Each is a search on its table's
 * per-dossier index (EXPLAIN QUERY PLAN is tested in dossier-timeline.test.ts); only the dossier's own
 * rows are then sorted. Timestamps become the local calendar day, as the user would date them.
 * Protected (melder) links are left out: the timeline shows the subject's label, which for a melder
 * is the reporter's identity.
 */
function timelineArms(kinds: ReadonlySet<TimelineKind>, includeInternal: boolean): string[] {
  const arms: string[] = [];
  if (kinds.has('signal')) {
    arms.push(
      arm(
        {
          kind: "'signal'",
          item_id: 's.id',
          event: 'NULL',
          event_rank: '0',
          day: 's.received_on',
          recorded_at: 's.created_at',
          actor: 'NULL',
          label: 's.summary',
          source_grade: 's.source_grade',
          information_grade: 's.information_grade',
          tlp: 's.tlp',
          c1: 's.how_received',
          c2: 'NULL',
          c3: 'NULL',
        },
        'signals s',
        's.dossier_id = @dossierId AND s.deleted_at IS NULL',
      ),
    );
  }
  if (kinds.has('note')) {
    arms.push(
      arm(
        {
          kind: "'note'",
          item_id: 'n.id',
          event: 'NULL',
          event_rank: '0',
          day: 'n.noted_on',
          recorded_at: 'n.created_at',
          actor: 'n.author',
          label: `substr(n.body, 1, ${NOTE_EXCERPT_LENGTH})`,
          source_grade: 'n.source_grade',
          information_grade: 'n.information_grade',
          tlp: 'n.tlp',
          c1: 'n.partner',
          c2: 'n.internal',
          c3: 'NULL',
        },
        'dossier_notes n',
        `n.dossier_id = @dossierId AND n.deleted_at IS NULL${includeInternal ? '' : ' AND n.internal = 0'}`,
      ),
    );
  }
  if (kinds.has('status')) {
    arms.push(
      arm(
        {
          kind: "'status'",
          item_id: 'c.id',
          event: 'NULL',
          event_rank: '0',
          day: 'c.changed_on',
          recorded_at: 'c.recorded_at',
          actor: 'c.actor',
          label: 'c.reason',
          ...NO_GRADING,
          tlp: 'NULL',
          c1: 'c.from_status',
          c2: 'c.to_status',
          c3: 'c.closing_reason',
        },
        'dossier_status_changes c',
        'c.dossier_id = @dossierId',
      ),
    );
  }
  if (kinds.has('measure')) {
    for (const { event, column, rank } of MEASURE_EVENTS) {
      arms.push(
        arm(
          {
            kind: "'measure'",
            item_id: 'm.id',
            event: `'${event}'`,
            event_rank: String(rank),
            day: `m.${column}`,
            recorded_at: 'm.created_at',
            actor: 'NULL',
            label: 'm.description',
            ...NO_GRADING,
            tlp: 'm.tlp',
            c1: 'm.kind',
            c2: 'm.stage',
            c3: 'm.partner',
          },
          'measures m',
          `m.dossier_id = @dossierId AND m.deleted_at IS NULL AND m.${column} IS NOT NULL`,
        ),
      );
    }
  }
  if (kinds.has('attachment')) {
    arms.push(
      arm(
        {
          kind: "'attachment'",
          item_id: 'a.id',
          event: 'NULL',
          event_rank: '0',
          day: "date(a.added_at, 'localtime')",
          recorded_at: 'a.added_at',
          actor: 'a.added_by',
          label: 'a.file_name',
          source_grade: 'a.source_grade',
          information_grade: 'a.information_grade',
          tlp: 'a.tlp',
          c1: 'a.media_type',
          c2: 'a.byte_size',
          c3: 'NULL',
        },
        'attachments a',
        'a.dossier_id = @dossierId AND a.deleted_at IS NULL',
      ),
    );
  }
  if (kinds.has('subject')) {
    arms.push(
      arm(
        {
          kind: "'subject'",
          item_id: 'l.id',
          event: 'NULL',
          event_rank: '0',
          day: "date(l.created_at, 'localtime')",
          recorded_at: 'l.created_at',
          actor: 'NULL',
          label: 'sj.label',
          source_grade: 'l.source_grade',
          information_grade: 'l.information_grade',
          tlp: 'l.tlp',
          c1: 'sj.type',
          c2: 'l.role',
          c3: 'l.subject_id',
        },
        'subject_dossier_links l JOIN subjects sj ON sj.id = l.subject_id',
        `l.dossier_id = @dossierId AND sj.deleted_at IS NULL AND ${unprotectedLink('l')}`,
      ),
    );
  }
  return arms;
}

/** The page and the total of a dossier's timeline, like dossierPageSql. */
export function timelinePageSql(input: TimelineInput): { page: SqlQuery; count: SqlQuery } {
  const union = timelineArms(new Set(input.kinds ?? TIMELINE_KINDS), input.includeInternal).join('\n      UNION ALL');
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const order = ['day', 'recorded_at', 'event_rank', 'kind', 'item_id'].map((column) => `${column} ${direction}`).join(', ');
  return {
    page: { sql: `${union}\n ORDER BY ${order} LIMIT @limit OFFSET @offset`, params: [{ dossierId: input.dossierId, limit: input.limit, offset: input.offset }] },
    count: { sql: `SELECT count(*) FROM (${union})`, params: [{ dossierId: input.dossierId }] },
  };
}

function weighed(row: TimelineRow) {
  return { sourceGrade: row.source_grade!, informationGrade: row.information_grade!, tlp: row.tlp! };
}

function toEntry(row: TimelineRow): TimelineEntry {
  const base = { date: row.day, recordedAt: row.recorded_at, actor: row.actor, label: row.label };
  switch (row.kind) {
    case 'signal':
      return { ...base, ...weighed(row), kind: 'signal', signalId: row.item_id, howReceived: row.c1 as HowReceived };
    case 'note':
      return { ...base, ...weighed(row), kind: 'note', noteId: row.item_id, partner: row.c1 as Partner | null, internal: toBoolean(Number(row.c2)) };
    case 'status':
      return {
        ...base,
        kind: 'status',
        statusChangeId: row.item_id,
        fromStatus: row.c1 as DossierStatus | null,
        toStatus: row.c2 as DossierStatus,
        closingReason: row.c3 as ClosingReason | null,
      };
    case 'measure':
      return {
        ...base,
        kind: 'measure',
        measureId: row.item_id,
        event: row.event!,
        measureKind: row.c1 as MeasureKind,
        stage: row.c2 as MeasureStage,
        partner: row.c3 as Partner | null,
        tlp: row.tlp!,
      };
    case 'attachment':
      return { ...base, ...weighed(row), kind: 'attachment', attachmentId: row.item_id, mediaType: row.c1 as string, byteSize: Number(row.c2) };
    case 'subject':
      return {
        ...base,
        ...weighed(row),
        kind: 'subject',
        linkId: row.item_id,
        subjectType: row.c1 as SubjectType,
        role: row.c2 as SubjectRole,
        subjectId: Number(row.c3),
      };
  }
}

/**
 * Everything that happened in a dossier, in date order. Reading it shows the dossier's content
 * (notes among it), so it is an access to personal data and audited like the journal.
 */
export function dossierTimeline(context: CoreContext, input: TimelineInput): Page<TimelineEntry> {
  return inTransaction(context, () => {
    requireDossier(context, input.dossierId);
    const { page, count } = timelinePageSql(input);
    const rows = context.db.prepare(page.sql).all(...page.params) as TimelineRow[];
    const total = context.db
      .prepare(count.sql)
      .pluck()
      .get(...count.params) as number;
    context.audit('dossier.timeline-viewed', { dossierId: input.dossierId });
    return { items: rows.map(toEntry), total, limit: input.limit, offset: input.offset };
  });
}
