import type { Meeting } from '../../../shared/api/meetings';
import { PARTNER_LABELS_NL } from '../../../shared/domain/labels-nl';
import { formatDutchDate } from '../../../shared/domain/validation';
import { escapeHtml, framePages, sectionHtml } from '../documents/template';

const KIND_LABELS = {
  informatieplein: 'Informatieplein',
  lokale_driehoek: 'Lokale driehoek',
  stuurploeg: 'Districtelijke stuurploeg',
  casustafel: 'Casustafel',
  intern_overleg: 'Intern overleg',
} as const;

const OUTCOME_LABELS = { herkend: 'Herkend door partner(s)', besluit: 'Besluit', geen_actie: 'Geen actie' } as const;

/**
 * The agenda (before the meeting: items with their summaries) or the verslag (after: with
 * outcomes, decisions and actions) of a meeting, in the same page frame as the preweegdocument:
 * the handling code, the meeting and "pagina x van y" on every page.
 */
export function renderMeeting(meeting: Meeting, part: 'agenda' | 'verslag', mode: 'pdf' | 'print') {
  const date = formatDutchDate(meeting.heldOn);
  const what = part === 'agenda' ? 'Agenda' : 'Verslag';
  const participants =
    meeting.participants.length === 0
      ? '<p>Geen deelnemers vastgelegd.</p>'
      : `<ul>${meeting.participants.map((participant) => `<li>${escapeHtml(participant.name)}${participant.organisation ? `, ${escapeHtml(participant.organisation)}` : ''}</li>`).join('')}</ul>`;
  const items = meeting.items
    .map((item) => {
      const title = item.dossier ? `${item.dossier.number} ${item.dossier.title}` : `Signaal: ${item.signal!.summary}`;
      const parts = [`<h3>${item.position}. ${escapeHtml(title)}</h3>`, sectionHtml(item.summary)];
      if (part === 'verslag') {
        const outcome = item.outcome ? OUTCOME_LABELS[item.outcome] : 'Geen uitkomst vastgelegd';
        const recognised = item.recognisedBy.length > 0 ? `: ${item.recognisedBy.map((partner) => PARTNER_LABELS_NL[partner]).join(', ')}` : '';
        parts.push(`<p><b>Uitkomst:</b> ${escapeHtml(outcome + recognised)}</p>`);
        if (item.decisions) parts.push(`<p><b>Besluiten:</b></p>${sectionHtml(item.decisions)}`);
        if (item.actions.length > 0) {
          parts.push(
            `<table><thead><tr><th>Wie</th><th>Wat</th><th>Wanneer</th><th>Partner</th></tr></thead><tbody>${item.actions
              .map(
                (action) =>
                  `<tr><td>${escapeHtml(action.who)}</td><td>${escapeHtml(action.what)}</td><td>${action.dueOn ? formatDutchDate(action.dueOn) : '—'}</td><td>${action.partner ? escapeHtml(PARTNER_LABELS_NL[action.partner]) : '—'}</td></tr>`,
              )
              .join('')}</tbody></table>`,
          );
        }
      }
      return `<section class="item">${parts.join('\n')}</section>`;
    })
    .join('\n');
  const body = `<header class="head">
  <h1>${escapeHtml(what)} ${escapeHtml(meeting.title)}</h1>
  <dl>
    <dt>Soort</dt><dd>${KIND_LABELS[meeting.kind]}</dd>
    <dt>Datum</dt><dd>${date}</dd>
    <dt>Plaats</dt><dd>${escapeHtml(meeting.place ?? '—')}</dd>
    <dt>Behandelcode</dt><dd>TLP:${meeting.tlp}</dd>
  </dl>
</header>
<h2>Deelnemers</h2>
${participants}
<h2>Agendapunten</h2>
${items || '<p>De agenda is leeg.</p>'}`;
  return framePages(
    { head: `${what} · ${meeting.title} · ${date}`, foot: `TLP:${meeting.tlp} · ${what} ${meeting.title} ${date}`, tlp: meeting.tlp },
    mode,
    `${what} ${meeting.title} ${date}`,
    body,
  );
}
