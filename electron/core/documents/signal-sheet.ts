import type { TlpCode } from '../../../shared/domain/enums';
import { HOW_RECEIVED_LABELS_NL, PARTNER_LABELS_NL, SUBJECT_ROLE_LABELS_NL } from '../../../shared/domain/labels-nl';
import { formatDutchDate, localIsoDate } from '../../../shared/domain/validation';
import type { CoreContext } from '../kernel/context';
import { dossierLinksOfDossier } from '../dossiers/links';
import { CoreError } from '../kernel/errors';
import { gradingText } from './compose';
import { escapeHtml, framePages, sectionHtml } from './template';

export const DEFAULT_SIGNAL_QUESTION = 'Herkent u dit signaal, de betrokkenen of de locatie? Wat is bij uw organisatie bekend, en met welke beoordeling?';

/**
 * The informatieplein signal sheet: one page to bring a signal into the informatieplein. What,
 * where, who (the subjects of its dossier, if it has one; never the reporter) and the question to
 * the partners, with the grading and the handling code.
 */
export function renderSignalSheet(context: CoreContext, signalId: number, question: string) {
  const signal = context.db
    .prepare(
      `SELECT s.id, s.received_on, s.how_received, s.origin, s.summary, s.description, s.location, s.source_grade, s.information_grade, s.tlp,
              s.dossier_id, d.number AS dossier_number, p.label AS phenomenon
         FROM signals s LEFT JOIN dossiers d ON d.id = s.dossier_id LEFT JOIN phenomena p ON p.id = s.phenomenon_id
        WHERE s.id = ? AND s.deleted_at IS NULL AND (d.id IS NULL OR d.deleted_at IS NULL)`,
    )
    .get(signalId) as
    | {
        id: number;
        received_on: string;
        how_received: keyof typeof HOW_RECEIVED_LABELS_NL;
        origin: keyof typeof PARTNER_LABELS_NL | null;
        summary: string;
        description: string | null;
        location: string | null;
        source_grade: 'A' | 'B' | 'C' | 'X';
        information_grade: 1 | 2 | 3 | 4;
        tlp: TlpCode;
        dossier_id: number | null;
        dossier_number: string | null;
        phenomenon: string | null;
      }
    | undefined;
  if (!signal) throw new CoreError('NOT_FOUND', `signal ${signalId} not found`, { kind: 'signal', id: signalId });
  const who = signal.dossier_id === null ? [] : dossierLinksOfDossier(context, signal.dossier_id).filter((link) => !link.protected);
  const date = formatDutchDate(localIsoDate(context.now()));
  const received = `${formatDutchDate(signal.received_on)}, ${HOW_RECEIVED_LABELS_NL[signal.how_received].toLowerCase()}${signal.origin ? `, van ${PARTNER_LABELS_NL[signal.origin]}` : ''}`;
  const body = `<header class="head">
  <h1>Signaal voor het informatieplein</h1>
  <dl>
    <dt>Signaal</dt><dd>${escapeHtml(signal.summary)}</dd>
    <dt>Ontvangen</dt><dd>${escapeHtml(received)}</dd>
    <dt>Fenomeen</dt><dd>${escapeHtml(signal.phenomenon ?? 'nog niet vastgesteld')}</dd>
    <dt>Beoordeling</dt><dd>${escapeHtml(gradingText(signal))}</dd>
    ${signal.dossier_number ? `<dt>Dossier</dt><dd>${escapeHtml(signal.dossier_number)}</dd>` : ''}
  </dl>
</header>
<h2>Wat</h2>
${sectionHtml(signal.description ?? signal.summary)}
<h2>Waar</h2>
<p>${escapeHtml(signal.location ?? 'Niet vastgelegd.')}</p>
<h2>Wie</h2>
${
  who.length === 0
    ? '<p>Nog geen subjecten vastgelegd.</p>'
    : `<ul>${who
        .slice(0, 12)
        .map(
          (link) =>
            `<li>${escapeHtml(link.subject.label)}: ${escapeHtml(SUBJECT_ROLE_LABELS_NL[link.role].toLowerCase())} ${escapeHtml(gradingText({ source_grade: link.sourceGrade, information_grade: link.informationGrade, tlp: link.tlp }))}</li>`,
        )
        .join('')}${who.length > 12 ? `<li>en ${who.length - 12} meer</li>` : ''}</ul>`
}
<h2>Vraag aan de partners</h2>
${sectionHtml(question)}
<p style="font-size:8.5pt">De identiteit van de melder staat niet op dit blad.</p>`;
  return framePages(
    { head: `Informatieplein · Signaal #${signal.id} · ${date}`, foot: `TLP:${signal.tlp} · Signaal #${signal.id}`, tlp: signal.tlp },
    'pdf',
    `Signaal voor het informatieplein: ${signal.summary}`,
    body,
  );
}
