import type { SubjectRole, TlpCode } from '../../../shared/domain/enums';
import { DOSSIER_STATUS_LABELS_NL, HOW_RECEIVED_LABELS_NL, SUBJECT_ROLE_LABELS_NL } from '../../../shared/domain/labels-nl';
import { OWN_MUNICIPALITY, type Audience, type FactRef } from '../../../shared/domain/sharing';
import { organisationNames } from '../sharing/audience';
import { decideForOutput, factKey, loadFacts } from '../sharing/regime';
import { formatDutchDate } from '../../../shared/domain/validation';
import type { CoreContext } from '../kernel/context';
import { requireDossier, toDossierSummaries } from '../dossiers/dossier-records';
import { dossierLinksOfDossier } from '../dossiers/links';
import { dossierMatches } from '../dossiers/matching';
import { gradingText } from '../documents/compose';
import { CoreError } from '../kernel/errors';

/** The roles that say most about a case come first in "key subjects". */
const ROLE_WEIGHT: Partial<Record<SubjectRole, number>> = { kopstuk: 0, faciliteerder: 1, eigenaar: 2, ubo: 2, bestuurder: 3, locatie: 4, vermogen: 5 };
const KEY_SUBJECTS = 5;

/** A drafted agenda text and, per fact it mentions, the exact line it wrote (for the regime to take out again later). */
export interface DraftedSummary {
  text: string;
  lines: Array<{ ref: FactRef; text: string }>;
}

type Grade = 'A' | 'B' | 'C' | 'X';

/**
 * What a dossier's agenda text is drafted from: its subject links (never the melder's), the notes
 * (not internal) and signals since the previous meeting, and the other dossiers its subjects appear
 * in. `candidates` names them all as facts, also for an output that must say what it left out.
 * `withMatches: false` skips the other dossiers: looking them up is an audited view of the
 * dossier's matches, which an output's count does not need (the lines it wrote name their dossiers).
 */
export function draftMaterial(context: CoreContext, dossierId: number, since: string | null, withMatches = true) {
  const links = dossierLinksOfDossier(context, dossierId)
    .filter((link) => !link.protected)
    .sort((a, b) => (ROLE_WEIGHT[a.role] ?? 9) - (ROLE_WEIGHT[b.role] ?? 9));
  const from = since ?? '0000-00-00';
  const newNotes = context.db
    .prepare(
      `SELECT id, noted_on, body, partner, originator, source_grade, information_grade, tlp FROM dossier_notes
        WHERE dossier_id = ? AND deleted_at IS NULL AND internal = 0 AND noted_on > ? ORDER BY noted_on DESC, id DESC`,
    )
    .all(dossierId, from) as Array<{
    id: number;
    noted_on: string;
    body: string;
    partner: string | null;
    originator: string | null;
    source_grade: Grade;
    information_grade: 1 | 2 | 3 | 4;
    tlp: TlpCode;
  }>;
  const newSignals = context.db
    .prepare(
      `SELECT id, received_on, summary, source_grade, information_grade, tlp FROM signals
        WHERE dossier_id = ? AND deleted_at IS NULL AND received_on > ? ORDER BY received_on DESC, id DESC`,
    )
    .all(dossierId, from) as Array<{ id: number; received_on: string; summary: string; source_grade: Grade; information_grade: 1 | 2 | 3 | 4; tlp: TlpCode }>;
  const matches = new Map<number, { number: string; title: string }>();
  if (withMatches) for (const match of dossierMatches(context, dossierId)) for (const other of match.dossiers) matches.set(other.dossier.id, other.dossier);

  const candidates: FactRef[] = [
    ...links.map((link) => ({ kind: 'dossier-link' as const, id: link.id })),
    ...newSignals.map((signal) => ({ kind: 'signal' as const, id: signal.id })),
    ...newNotes.map((note) => ({ kind: 'note' as const, id: note.id })),
    ...[...matches.keys()].map((id) => ({ kind: 'dossier' as const, id })),
  ];
  return { links, newNotes, newSignals, matches, candidates };
}

/**
 * The agenda text the app drafts for a dossier, for the user to edit: phenomenon and status, the
 * key subjects and their roles (never the melder), what is new since the previous meeting that
 * discussed it (notes and signals, internal notes left out), with their grading, and "komt ook
 * voor in". Only facts the sharing regime lets go to `audience` (the meeting's participants) are
 * written; each of those lines is returned with its fact, because the participants may change
 * before the agenda is printed.
 */
export function draftDossierSummary(context: CoreContext, dossierId: number, since: string | null, audience: Audience): DraftedSummary {
  const row = requireDossier(context, dossierId);
  const dossier = toDossierSummaries(context, [row])[0]!;
  const names = organisationNames(context);
  const { links, newNotes, newSignals, matches, candidates } = draftMaterial(context, dossierId, since);
  // What of all this may go to the meeting's participants: the rest is not written at all.
  const going = new Set(decideForOutput(context, loadFacts(context, candidates), audience).going.map((fact) => factKey(fact.ref)));
  const goes = (ref: FactRef) => going.has(factKey(ref));

  const factLines: DraftedSummary['lines'] = [];
  const lines = [
    `${dossier.number} ${dossier.title}`,
    `Fenomeen: ${dossier.phenomena.map((phenomenon) => phenomenon.label).join(', ') || 'nog niet vastgesteld'}. Status: ${DOSSIER_STATUS_LABELS_NL[dossier.status]}.`,
  ];
  const factLine = (ref: FactRef, text: string) => {
    lines.push(text);
    factLines.push({ ref, text });
  };
  if (row.summary) lines.push(row.summary.replace(/\s*\n\s*/g, ' '));
  const keyLinks = links.filter((link) => goes({ kind: 'dossier-link', id: link.id }));
  if (keyLinks.length > 0) {
    lines.push('', 'Belangrijkste subjecten:');
    for (const link of keyLinks.slice(0, KEY_SUBJECTS)) {
      factLine(
        { kind: 'dossier-link', id: link.id },
        `- ${link.subject.label}: ${SUBJECT_ROLE_LABELS_NL[link.role].toLowerCase()} ${gradingText({ source_grade: link.sourceGrade, information_grade: link.informationGrade, tlp: link.tlp })}`,
      );
    }
    if (keyLinks.length > KEY_SUBJECTS) lines.push(`- en ${keyLinks.length - KEY_SUBJECTS} meer`);
  }
  lines.push('', since ? `Nieuw sinds het vorige overleg (${formatDutchDate(since)}):` : 'Belangrijkste feiten:');
  const signals = newSignals.filter((signal) => goes({ kind: 'signal', id: signal.id })).slice(0, 5);
  const notes = newNotes.filter((note) => goes({ kind: 'note', id: note.id })).slice(0, 5);
  for (const signal of signals)
    factLine({ kind: 'signal', id: signal.id }, `- ${formatDutchDate(signal.received_on)} signaal: ${oneLine(signal.summary)} ${gradingText(signal)}`);
  for (const note of notes) {
    const supplier = note.partner ?? (note.originator !== OWN_MUNICIPALITY ? note.originator : null);
    const from = supplier ? `${names.get(supplier) ?? supplier}: ` : '';
    factLine({ kind: 'note', id: note.id }, `- ${formatDutchDate(note.noted_on)} ${from}${oneLine(note.body)} ${gradingText(note)}`);
  }
  if (signals.length + notes.length === 0) lines.push('- niets nieuws vastgelegd');
  const others = [...matches].filter(([id]) => goes({ kind: 'dossier', id }));
  if (others.length > 0) {
    lines.push('', 'Komt ook voor in:');
    for (const [id, other] of others) factLine({ kind: 'dossier', id }, `- ${other.number} (${other.title})`);
  }
  return { text: lines.join('\n'), lines: factLines };
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * A loose signal on the agenda: what, where, when, its grading, and the question to the partners.
 * The reporter stays out. The whole text is the signal's: an output for an audience the signal may
 * not go to leaves the item out whole.
 */
export function draftSignalSummary(context: CoreContext, signalId: number): DraftedSummary {
  const signal = context.db
    .prepare(
      `SELECT s.received_on, s.how_received, s.summary, s.description, s.location, s.source_grade, s.information_grade, s.tlp, p.label AS phenomenon
         FROM signals s LEFT JOIN phenomena p ON p.id = s.phenomenon_id LEFT JOIN dossiers d ON d.id = s.dossier_id
        WHERE s.id = ? AND s.deleted_at IS NULL AND (d.id IS NULL OR d.deleted_at IS NULL)`,
    )
    .get(signalId) as
    | {
        received_on: string;
        how_received: keyof typeof HOW_RECEIVED_LABELS_NL;
        summary: string;
        description: string | null;
        location: string | null;
        source_grade: 'A' | 'B' | 'C' | 'X';
        information_grade: 1 | 2 | 3 | 4;
        tlp: TlpCode;
        phenomenon: string | null;
      }
    | undefined;
  if (!signal) throw new CoreError('NOT_FOUND', `signal ${signalId} not found`, { kind: 'signal', id: signalId });
  const text = [
    `Signaal: ${signal.summary} ${gradingText(signal)}`,
    `Ontvangen: ${formatDutchDate(signal.received_on)}, ${HOW_RECEIVED_LABELS_NL[signal.how_received].toLowerCase()}. Fenomeen: ${signal.phenomenon ?? 'nog niet vastgesteld'}.`,
    ...(signal.location ? [`Waar: ${signal.location}`] : []),
    ...(signal.description ? [signal.description.replace(/\s*\n\s*/g, ' ')] : []),
    '',
    'Vraag aan de partners: herkent u dit signaal of de betrokkenen, en wat is bij u bekend?',
  ].join('\n');
  return { text, lines: [] };
}
