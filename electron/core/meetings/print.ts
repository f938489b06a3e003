import type { MeetingOutput } from '../../../shared/api/meetings';
import { formatDutchDate } from '../../../shared/domain/validation';
import { markingText } from '../../../shared/i18n/sharing';
import { escapeHtml, framePages, sectionHtml } from '../documents/template';

const KIND_LABELS = {
  informatieplein: 'Informatieplein',
  lokale_driehoek: 'Lokale driehoek',
  stuurploeg: 'Districtelijke stuurploeg',
  casustafel: 'Casustafel',
  intern_overleg: 'Intern overleg',
} as const;

const OUTCOME_LABELS = { herkend: 'Herkend door partner(s)', besluit: 'Besluit', geen_actie: 'Geen actie' } as const;

const ITEM_CSS = `
  .item-code { font-weight: bold; font-size: 8.5pt; border: 1px solid #000; padding: 0 3pt; margin-left: 6pt; white-space: nowrap; }
  .withheld-text { font-style: italic; }`;

/**
 * The agenda (before the meeting: items with their summaries) or the verslag (after: with
 * outcomes, decisions and actions) of a meeting as it goes to its audience (meetings/output.ts), in
 * the same page frame as the preweegdocument: the marking (the strictest code of what it contains),
 * the meeting and "pagina x van y" on every page; each item's own code beside its title; and what
 * was left out, under "Niet opgenomen".
 */
export function renderMeeting(output: MeetingOutput, mode: 'pdf' | 'print', organisationNames: ReadonlyMap<string, string>) {
  const date = formatDutchDate(output.heldOn);
  const what = output.part === 'agenda' ? 'Agenda' : 'Verslag';
  const marking = markingText(output.marking);
  const participants =
    output.participants.length === 0
      ? '<p>Geen deelnemers vastgelegd.</p>'
      : `<ul>${output.participants.map((participant) => `<li>${escapeHtml(participant.name)}${participant.organisation ? `, ${escapeHtml(participant.organisation)}` : ''}</li>`).join('')}</ul>`;
  const partnerName = (code: string) => organisationNames.get(code) ?? code;
  const items = output.items
    .map((item) => {
      const parts = [`<h3>${item.number}. ${escapeHtml(item.title)} <span class="item-code">${escapeHtml(markingText(item.tlp))}</span></h3>`];
      parts.push(item.summaryWithheld ? `<p class="withheld-text">${escapeHtml(item.summary)}</p>` : sectionHtml(item.summary));
      if (output.part === 'verslag') {
        const outcome = item.outcome ? OUTCOME_LABELS[item.outcome] : 'Geen uitkomst vastgelegd';
        const recognised = item.recognisedBy.length > 0 ? `: ${item.recognisedBy.map(partnerName).join(', ')}` : '';
        parts.push(`<p><b>Uitkomst:</b> ${escapeHtml(outcome + recognised)}</p>`);
        if (item.decisions) parts.push(`<p><b>Besluiten:</b></p>${sectionHtml(item.decisions)}`);
        if (item.actions.length > 0) {
          parts.push(
            `<table><thead><tr><th>Wie</th><th>Wat</th><th>Wanneer</th><th>Partner</th></tr></thead><tbody>${item.actions
              .map(
                (action) =>
                  `<tr><td>${escapeHtml(action.who)}</td><td>${escapeHtml(action.what)}</td><td>${action.dueOn ? formatDutchDate(action.dueOn) : '—'}</td><td>${action.partner ? escapeHtml(partnerName(action.partner)) : '—'}</td></tr>`,
              )
              .join('')}</tbody></table>`,
          );
        }
      }
      return `<section class="item">${parts.join('\n')}</section>`;
    })
    .join('\n');
  const notIncluded =
    output.notIncluded.length === 0
      ? ''
      : `<section class="omitted"><h2>Niet opgenomen</h2><ul>${output.notIncluded.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>`;
  const body = `<header class="head">
  <h1>${escapeHtml(what)} ${escapeHtml(output.title)}</h1>
  <dl>
    <dt>Soort</dt><dd>${KIND_LABELS[output.kind]}</dd>
    <dt>Datum</dt><dd>${date}</dd>
    <dt>Plaats</dt><dd>${escapeHtml(output.place ?? '—')}</dd>
    <dt>Behandelcode</dt><dd>${escapeHtml(marking)}</dd>
    <dt>Voor</dt><dd>${escapeHtml(output.audience.kind === 'internal' ? 'Intern gebruik' : output.audienceText)}</dd>
  </dl>
</header>
<h2>Deelnemers</h2>
${participants}
<h2>Agendapunten</h2>
${items || '<p>De agenda is leeg.</p>'}
${notIncluded}`;
  return framePages(
    { head: `${what} · ${output.title} · ${date}`, foot: `${marking} · ${what} ${output.title} ${date}`, tlp: output.marking },
    mode,
    `${what} ${output.title} ${date}`,
    body,
    ITEM_CSS,
  );
}
