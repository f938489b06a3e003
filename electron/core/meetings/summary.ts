import type { SubjectRole } from '../../../shared/domain/enums';
import { DOSSIER_STATUS_LABELS_NL, HOW_RECEIVED_LABELS_NL, PARTNER_LABELS_NL, SUBJECT_ROLE_LABELS_NL } from '../../../shared/domain/labels-nl';
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

/**
 * The agenda text the app drafts for a dossier, for the user to edit: phenomenon and status, the
 * key subjects and their roles (never the melder), what is new since the previous meeting that
 * discussed it (notes and signals, internal notes left out), with their grading, and "komt ook
 * voor in".
 */
export function draftDossierSummary(context: CoreContext, dossierId: number, since: string | null): string {
  const row = requireDossier(context, dossierId);
  const dossier = toDossierSummaries(context, [row])[0]!;
  const links = dossierLinksOfDossier(context, dossierId)
    .filter((link) => !link.protected)
    .sort((a, b) => (ROLE_WEIGHT[a.role] ?? 9) - (ROLE_WEIGHT[b.role] ?? 9));
  const from = since ?? '0000-00-00';
  const newNotes = context.db
    .prepare(
      `SELECT noted_on, body, partner, source_grade, information_grade, tlp FROM dossier_notes
        WHERE dossier_id = ? AND deleted_at IS NULL AND internal = 0 AND noted_on > ? ORDER BY noted_on DESC, id DESC LIMIT 5`,
    )
    .all(dossierId, from) as Array<{
    noted_on: string;
    body: string;
    partner: keyof typeof PARTNER_LABELS_NL | null;
    source_grade: 'A' | 'B' | 'C' | 'X';
    information_grade: 1 | 2 | 3 | 4;
    tlp: 'RED' | 'AMBER+STRICT' | 'AMBER' | 'GREEN' | 'CLEAR';
  }>;
  const newSignals = context.db
    .prepare(
      `SELECT received_on, summary, source_grade, information_grade, tlp FROM signals
        WHERE dossier_id = ? AND deleted_at IS NULL AND received_on > ? ORDER BY received_on DESC, id DESC LIMIT 5`,
    )
    .all(dossierId, from) as Array<{
    received_on: string;
    summary: string;
    source_grade: 'A' | 'B' | 'C' | 'X';
    information_grade: 1 | 2 | 3 | 4;
    tlp: 'RED' | 'AMBER+STRICT' | 'AMBER' | 'GREEN' | 'CLEAR';
  }>;
  const matches = new Map<string, string>();
  for (const match of dossierMatches(context, dossierId)) for (const other of match.dossiers) matches.set(other.dossier.number, other.dossier.title);

  const lines = [
    `${dossier.number} ${dossier.title}`,
    `Fenomeen: ${dossier.phenomena.map((phenomenon) => phenomenon.label).join(', ') || 'nog niet vastgesteld'}. Status: ${DOSSIER_STATUS_LABELS_NL[dossier.status]}.`,
  ];
  if (row.summary) lines.push(row.summary.replace(/\s*\n\s*/g, ' '));
  if (links.length > 0) {
    lines.push('', 'Belangrijkste subjecten:');
    for (const link of links.slice(0, KEY_SUBJECTS)) {
      lines.push(
        `- ${link.subject.label}: ${SUBJECT_ROLE_LABELS_NL[link.role].toLowerCase()} ${gradingText({ source_grade: link.sourceGrade, information_grade: link.informationGrade, tlp: link.tlp })}`,
      );
    }
    if (links.length > KEY_SUBJECTS) lines.push(`- en ${links.length - KEY_SUBJECTS} meer`);
  }
  lines.push('', since ? `Nieuw sinds het vorige overleg (${formatDutchDate(since)}):` : 'Belangrijkste feiten:');
  for (const signal of newSignals) lines.push(`- ${formatDutchDate(signal.received_on)} signaal: ${signal.summary} ${gradingText(signal)}`);
  for (const note of newNotes) {
    const partner = note.partner ? `${PARTNER_LABELS_NL[note.partner]}: ` : '';
    lines.push(`- ${formatDutchDate(note.noted_on)} ${partner}${note.body.replace(/\s*\n\s*/g, ' ')} ${gradingText(note)}`);
  }
  if (newSignals.length + newNotes.length === 0) lines.push('- niets nieuws vastgelegd');
  if (matches.size > 0) lines.push('', `Komt ook voor in: ${[...matches].map(([number, title]) => `${number} (${title})`).join('; ')}`);
  return lines.join('\n');
}

/** A loose signal on the agenda: what, where, when, its grading, and the question to the partners. The reporter stays out. */
export function draftSignalSummary(context: CoreContext, signalId: number): string {
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
        tlp: 'RED' | 'AMBER+STRICT' | 'AMBER' | 'GREEN' | 'CLEAR';
        phenomenon: string | null;
      }
    | undefined;
  if (!signal) throw new CoreError('NOT_FOUND', `signal ${signalId} not found`, { kind: 'signal', id: signalId });
  return [
    `Signaal: ${signal.summary} ${gradingText(signal)}`,
    `Ontvangen: ${formatDutchDate(signal.received_on)}, ${HOW_RECEIVED_LABELS_NL[signal.how_received].toLowerCase()}. Fenomeen: ${signal.phenomenon ?? 'nog niet vastgesteld'}.`,
    ...(signal.location ? [`Waar: ${signal.location}`] : []),
    ...(signal.description ? [signal.description.replace(/\s*\n\s*/g, ' ')] : []),
    '',
    'Vraag aan de partners: herkent u dit signaal of de betrokkenen, en wat is bij u bekend?',
  ].join('\n');
}
