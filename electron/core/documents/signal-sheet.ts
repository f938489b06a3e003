import { INFORMATIEPLEIN_AUDIENCE } from '../../../shared/api/documents';
import type { TlpCode } from '../../../shared/domain/enums';
import { HOW_RECEIVED_LABELS_NL, SUBJECT_ROLE_LABELS_NL } from '../../../shared/domain/labels-nl';
import type { Audience, FactRef, SharingOverride } from '../../../shared/domain/sharing';
import { withheldLines } from '../../../shared/i18n/sharing';
import { formatDutchDate, localIsoDate } from '../../../shared/domain/validation';
import type { CoreContext } from '../kernel/context';
import { dossierLinksOfDossier } from '../dossiers/links';
import { CoreError } from '../kernel/errors';
import { organisationNames } from '../sharing/audience';
import { shownCode, type SharingDecision } from '../sharing/policy';
import { decideForOutput, factKey, loadFacts } from '../sharing/regime';
import { gradingText } from './compose';
import type { PdfRequest } from './pdf';
import { escapeHtml, framePages, sectionHtml } from './template';

export const DEFAULT_SIGNAL_QUESTION = 'Herkent u dit signaal, de betrokkenen of de locatie? Wat is bij uw organisatie bekend, en met welke beoordeling?';

export interface SignalSheet {
  page: PdfRequest;
  audience: Audience;
  decision: SharingDecision;
}

/**
 * The informatieplein signal sheet: one page to bring a signal into the informatieplein. What,
 * where, who (the subjects of its dossier, if it has one; never the reporter) and the question to
 * the partners, with the grading and the handling code. Its facts are the signal and the dossier's
 * unprotected subject links; only what the regime lets go to `audience` (default: the
 * informatieplein's convenant partners) is on it, and the page is marked with the strictest code of
 * what remains.
 */
export function renderSignalSheet(
  context: CoreContext,
  signalId: number,
  question: string,
  audience: Audience = INFORMATIEPLEIN_AUDIENCE,
  override?: SharingOverride,
): SignalSheet {
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
        origin: string | null;
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
  const links = signal.dossier_id === null ? [] : dossierLinksOfDossier(context, signal.dossier_id).filter((link) => !link.protected);
  const signalRef: FactRef = { kind: 'signal', id: signal.id };
  const facts = loadFacts(context, [signalRef, ...links.map((link): FactRef => ({ kind: 'dossier-link', id: link.id }))]);
  const decision = decideForOutput(context, facts, audience, override);
  const going = new Set(decision.going.map((fact) => factKey(fact.ref)));
  const signalGoes = going.has(factKey(signalRef));
  const who = links.filter((link) => going.has(factKey({ kind: 'dossier-link', id: link.id })));
  // Beside each subject the code of its line: the link's, or the subject's own when that is stricter.
  const shownCodeOf = new Map(decision.going.map((fact) => [factKey(fact.ref), shownCode(fact)]));
  const names = organisationNames(context);
  const date = formatDutchDate(localIsoDate(context.now()));
  const marking = decision.summary.marking;
  const received = `${formatDutchDate(signal.received_on)}, ${HOW_RECEIVED_LABELS_NL[signal.how_received].toLowerCase()}${signal.origin ? `, van ${names.get(signal.origin) ?? signal.origin}` : ''}`;
  const leftOut = '[Weggelaten: dit signaal mag niet naar deze ontvangers.]';
  const withheld = withheldLines(decision.summary);
  const body = `<header class="head">
  <h1>Signaal voor het informatieplein</h1>
  <dl>
    <dt>Signaal</dt><dd>${escapeHtml(signalGoes ? signal.summary : leftOut)}</dd>
    ${signalGoes ? `<dt>Ontvangen</dt><dd>${escapeHtml(received)}</dd>` : ''}
    ${signalGoes ? `<dt>Fenomeen</dt><dd>${escapeHtml(signal.phenomenon ?? 'nog niet vastgesteld')}</dd>` : ''}
    ${signalGoes ? `<dt>Beoordeling</dt><dd>${escapeHtml(gradingText(signal))}</dd>` : ''}
    <dt>Behandelcode</dt><dd>TLP:${escapeHtml(marking)}</dd>
    ${signalGoes && signal.dossier_number ? `<dt>Dossier</dt><dd>${escapeHtml(signal.dossier_number)}</dd>` : ''}
  </dl>
</header>
<h2>Wat</h2>
${signalGoes ? sectionHtml(signal.description ?? signal.summary) : `<p>${escapeHtml(leftOut)}</p>`}
<h2>Waar</h2>
<p>${escapeHtml(signalGoes ? (signal.location ?? 'Niet vastgelegd.') : leftOut)}</p>
<h2>Wie</h2>
${
  who.length === 0
    ? '<p>Nog geen subjecten vastgelegd.</p>'
    : `<ul>${who
        .slice(0, 12)
        .map(
          (link) =>
            `<li>${escapeHtml(link.subject.label)}: ${escapeHtml(SUBJECT_ROLE_LABELS_NL[link.role].toLowerCase())} ${escapeHtml(gradingText({ source_grade: link.sourceGrade, information_grade: link.informationGrade, tlp: shownCodeOf.get(factKey({ kind: 'dossier-link', id: link.id })) ?? link.tlp }))}</li>`,
        )
        .join('')}${who.length > 12 ? `<li>en ${who.length - 12} meer</li>` : ''}</ul>`
}
<h2>Vraag aan de partners</h2>
${sectionHtml(question)}
${withheld.length > 0 ? `<aside class="omitted"><h2>Weggelaten</h2>${sectionHtml(withheld.map((line) => `- ${line}`).join('\n'))}</aside>` : ''}
<p style="font-size:8.5pt">De identiteit van de melder staat niet op dit blad.</p>`;
  const page = framePages(
    { head: `Informatieplein · Signaal #${signal.id} · ${date}`, foot: `TLP:${marking} · Signaal #${signal.id}`, tlp: marking },
    'pdf',
    signalGoes ? `Signaal voor het informatieplein: ${signal.summary}` : `Signaal voor het informatieplein #${signal.id}`,
    body,
  );
  return { page, audience, decision };
}
