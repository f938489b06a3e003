import type { AccessRequestResult, ReportFigures } from '../../../shared/api/reports';
import { SMALL_COUNT_TEXT, SMALL_COUNT_THRESHOLD, isSmallCount, reportCount } from '../../../shared/api/reports';
import type { TlpCode } from '../../../shared/domain/enums';
import {
  DOSSIER_STATUS_LABELS_NL,
  HOW_RECEIVED_LABELS_NL,
  MEASURE_KIND_LABELS_NL,
  OUTCOME_LABELS_NL,
  SUBJECT_FIELD_LABELS_NL,
  SUBJECT_LINK_KIND_LABELS_NL,
  SUBJECT_ROLE_LABELS_NL,
  SUBJECT_TYPE_LABELS_NL,
} from '../../../shared/domain/labels-nl';
import { formatDateTime, formatDutchDate } from '../../../shared/domain/dates';
import { auditSentence } from '../../../shared/i18n/audit-sentences';
import { markingText } from '../../../shared/i18n/sharing';
import { escapeHtml, framePages } from '../documents/template';
import type { AccessCriteria } from './access-request';
import { disclosedToNl } from './disclosure-text';
import { originLabelNl } from './report-text';

/**
 * The two printable reports as pages for PDF, on the one template of documents/template.ts
 * (framePages: running head and foot with "pagina x van y", the shared page style):
 * - the year report (jaarrapportage meldpunt): counts only, a count of 1 to 4 as "< 5" exactly as
 *   the screen and the CSV show it (reportCount), with bar charts drawn here as inline SVG (the PDF
 *   page runs without JavaScript);
 * - the access request (inzageverzoek) for the privacy officer: everything found about one person,
 *   each item with its handling code and, for the person's own facts, to whom it was disclosed.
 * Both carry the marking the sharing regime decided (reports/handlers.ts) on every page, and say
 * what the regime left out (withheldLines) if it left anything out.
 */

const CHART_COLOUR = '#1f5f8b';
const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

interface ChartRow {
  label: string;
  count: number;
}

/** "2025" for a calendar year, else "01-03-2025 t/m 31-08-2025". */
export function periodTextNl(period: { from: string; to: string }): string {
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return year;
  return `${formatDutchDate(period.from)} t/m ${formatDutchDate(period.to)}`;
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** The value a bar is drawn to: nothing for a hidden count (its label says "< 5"). */
const drawnValue = (count: number) => (isSmallCount(count) ? 0 : count);

/**
 * Horizontal bars, one per row, label on the left and the count as the report shows it at the
 * bar's end. Decorative for a screen reader: the table beside it holds the same figures.
 */
export function barChartSvg(rows: readonly ChartRow[]): string {
  const max = Math.max(0, ...rows.map((row) => drawnValue(row.count)));
  if (max === 0) return '';
  const labelWidth = 120;
  const barArea = 150;
  const rowHeight = 15;
  const width = labelWidth + barArea + 34;
  const height = rows.length * rowHeight + 4;
  const bars = rows
    .map((row, index) => {
      const y = index * rowHeight + 2;
      const length = (drawnValue(row.count) / max) * barArea;
      return `<text x="${labelWidth - 4}" y="${y + 10}" text-anchor="end">${escapeHtml(shorten(row.label, 26))}</text>
<rect x="${labelWidth}" y="${y + 2}" width="${length.toFixed(1)}" height="${rowHeight - 5}" fill="${CHART_COLOUR}"/>
<text x="${(labelWidth + length + 3).toFixed(1)}" y="${y + 10}">${escapeHtml(reportCount(row.count))}</text>`;
    })
    .join('\n');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="presentation" aria-hidden="true" font-family="Arial, Helvetica, sans-serif" font-size="8">
<line x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}" stroke="#000" stroke-width="0.5"/>
${bars}
</svg>`;
}

/** Columns over the months, the count as the report shows it above each column. */
export function columnChartSvg(rows: ReadonlyArray<{ month: string; count: number }>, withYear: boolean): string {
  const max = Math.max(0, ...rows.map((row) => drawnValue(row.count)));
  if (max === 0) return '';
  const width = 480;
  const plotTop = 14;
  const plotHeight = 90;
  const height = plotTop + plotHeight + 16;
  const step = width / rows.length;
  const labelEvery = Math.ceil(rows.length / 24);
  const columns = rows
    .map((row, index) => {
      const x = index * step;
      const columnHeight = (drawnValue(row.count) / max) * plotHeight;
      const top = plotTop + plotHeight - columnHeight;
      const month = MONTHS_NL[Number(row.month.slice(5, 7)) - 1] ?? row.month;
      const label = withYear ? `${month} ${row.month.slice(2, 4)}` : month;
      const centre = (x + step / 2).toFixed(1);
      return `<rect x="${(x + step * 0.15).toFixed(1)}" y="${top.toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${columnHeight.toFixed(1)}" fill="${CHART_COLOUR}"/>
<text x="${centre}" y="${(top - 3).toFixed(1)}" text-anchor="middle">${escapeHtml(reportCount(row.count))}</text>
${index % labelEvery === 0 ? `<text x="${centre}" y="${plotTop + plotHeight + 11}" text-anchor="middle">${escapeHtml(label)}</text>` : ''}`;
    })
    .join('\n');
  return `<svg class="chart chart--columns" viewBox="0 0 ${width} ${height}" width="100%" role="presentation" aria-hidden="true" font-family="Arial, Helvetica, sans-serif" font-size="8">
<line x1="0" y1="${plotTop + plotHeight}" x2="${width}" y2="${plotTop + plotHeight}" stroke="#000" stroke-width="0.5"/>
${columns}
</svg>`;
}

function countTable(caption: string, rows: readonly ChartRow[]): string {
  return `<table class="counts">
<caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">Omschrijving</th><th scope="col" class="num">Aantal</th></tr></thead>
<tbody>
${rows.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td class="num">${escapeHtml(reportCount(row.count))}</td></tr>`).join('\n')}
</tbody>
</table>`;
}

/** A section: heading, the chart (if it has anything to show) beside the table. */
function figureSection(title: string, rows: readonly ChartRow[], chart: 'bars' | 'none' = 'bars'): string {
  const svg = chart === 'bars' ? barChartSvg(rows) : '';
  if (rows.length === 0) return `<section class="figure"><h2>${escapeHtml(title)}</h2><p>Geen.</p></section>`;
  return `<section class="figure">
<h2>${escapeHtml(title)}</h2>
<div class="${svg ? 'figure-body' : 'figure-body figure-body--table'}">${svg ? `<div class="figure-chart">${svg}</div>` : ''}${countTable(title, rows)}</div>
</section>`;
}

const REPORT_CSS = `
  table { width: calc(100% - 1pt); }
  .title-block { border-bottom: 1.5pt solid #000; padding-bottom: 6pt; margin-bottom: 8pt; }
  .title-block p { margin: 0; }
  .lead { font-size: 10pt; }
  .total { font-size: 12pt; font-weight: bold; margin: 6pt 0 2pt; }
  .figure { break-inside: avoid-page; margin-top: 10pt; }
  .figure-body { display: grid; grid-template-columns: 58% 1fr; gap: 6mm; align-items: start; }
  .figure-body--table { grid-template-columns: 1fr; }
  .figure-body--wide { grid-template-columns: 1fr; }
  .chart { display: block; }
  table.counts caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.counts th { font-weight: normal; }
  table.counts thead th { font-weight: bold; background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  td.num, th.num { text-align: right; white-space: nowrap; width: 5em; }
  .rules { font-size: 8.5pt; margin-top: 12pt; border-top: 0.5pt solid #000; padding-top: 4pt; }
  .months table.counts { width: auto; }
  .months-table { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4mm; }
`;

export interface ReportPdfMeta {
  /** When it was made, ISO date. */
  madeOn: string;
  /** Who made it (the vault's user). */
  madeBy: string;
  /** The regime's marking of the output, printed on every page. */
  marking: TlpCode;
  /** What the regime left out and why (withheldLines); empty when nothing. */
  withheld: string[];
  /** Who it is for, in words (describeAudience). */
  audience: string;
}

/** The regime's account of what it left out, where the output says so. */
function withheldBlock(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `<section class="withheld"><h2>Weggelaten</h2><ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>`;
}

/** The year report (or any period's) as pages for PDF: counts only, small counts "< 5". */
export function renderYearReportPdf(figures: ReportFigures, meta: ReportPdfMeta, originNames: ReadonlyMap<string, string>) {
  const period = periodTextNl(figures.period);
  const title = `Jaarrapportage meldpunt ${period}`;
  const made = formatDutchDate(meta.madeOn);
  const multiYear = figures.period.from.slice(0, 4) !== figures.period.to.slice(0, 4);
  const months = figures.byMonth.map((entry) => ({
    label: `${MONTHS_NL[Number(entry.month.slice(5, 7)) - 1] ?? ''} ${entry.month.slice(0, 4)}`,
    count: entry.count,
  }));
  const monthsSvg = columnChartSvg(figures.byMonth, multiYear);
  const third = Math.ceil(months.length / 3);
  const monthTables = [months.slice(0, third), months.slice(third, third * 2), months.slice(third * 2)].filter((part) => part.length > 0);
  const decision = figures.decisionTime;
  const hideDays = decision.decided < SMALL_COUNT_THRESHOLD;
  const days = (value: number | null) => (hideDays || value === null ? '-' : `${value} dagen`);

  const body = `<header class="title-block">
<h1>${escapeHtml(title)}</h1>
<p>Periode ${escapeHtml(formatDutchDate(figures.period.from))} t/m ${escapeHtml(formatDutchDate(figures.period.to))} · opgesteld op ${escapeHtml(made)} door ${escapeHtml(meta.madeBy)}</p>
<p>Behandelcode ${escapeHtml(markingText(meta.marking))} · voor ${escapeHtml(meta.audience)}</p>
</header>
${withheldBlock(meta.withheld)}
<p class="lead">Wat er binnenkwam bij het meldpunt ondermijning en wat ermee gebeurde. Alleen aantallen, geen persoonsgegevens; aantallen van 1 tot en met ${SMALL_COUNT_THRESHOLD - 1} staan als ‘${SMALL_COUNT_TEXT}’.</p>
<p class="total">Signalen ontvangen: ${escapeHtml(reportCount(figures.signalsTotal))}</p>
<section class="figure months">
<h2>Signalen per maand</h2>
${monthsSvg}
<div class="months-table">${monthTables.map((part, index) => countTable(index === 0 ? 'Signalen per maand' : 'Signalen per maand (vervolg)', part)).join('')}</div>
</section>
${figureSection(
  'Signalen per fenomeen',
  figures.byPhenomenon.map((entry) => ({ label: entry.label || 'Zonder fenomeen', count: entry.count })),
)}
${figureSection(
  'Signalen per wijze van binnenkomst',
  figures.byHowReceived.map((entry) => ({ label: (HOW_RECEIVED_LABELS_NL as Record<string, string>)[entry.howReceived] ?? entry.howReceived, count: entry.count })),
)}
${figureSection(
  'Signalen per herkomst',
  figures.byOrigin.map((entry) => ({ label: originLabelNl(entry.origin, originNames), count: entry.count })),
)}
${figureSection(
  'Wat ermee gebeurde',
  figures.outcomes.map((entry) => ({ label: OUTCOME_LABELS_NL[entry.key], count: entry.count })),
  'none',
)}
<section class="figure">
<h2>Doorlooptijd tot besluit</h2>
<table class="counts">
<caption>Doorlooptijd tot besluit</caption>
<tbody>
<tr><th scope="row">Dossiers met een besluit (aanpak, regulier afgehandeld of afgesloten)</th><td class="num">${escapeHtml(reportCount(decision.decided))}</td></tr>
<tr><th scope="row">Mediaan</th><td class="num">${escapeHtml(days(decision.medianDays))}</td></tr>
<tr><th scope="row">75e percentiel</th><td class="num">${escapeHtml(days(decision.p75Days))}</td></tr>
</tbody>
</table>
${hideDays ? `<p>Met minder dan ${SMALL_COUNT_THRESHOLD} besluiten staan de dagen er niet: ze zouden over één zaak vertellen.</p>` : ''}
</section>
${
  figures.measuresByKind.length > 0
    ? figureSection(
        `Interventies per soort (totaal ${reportCount(figures.measuresTotal)})`,
        figures.measuresByKind.map((entry) => ({ label: (MEASURE_KIND_LABELS_NL as Record<string, string>)[entry.kind] ?? entry.kind, count: entry.count })),
      )
    : '<section class="figure"><h2>Interventies per soort</h2><p>Geen interventies in deze periode.</p></section>'
}
<p class="rules">Telregels: signalen tellen op de datum van ontvangst, niet wat in de prullenbak ligt; een subvorm telt mee met zijn fenomeen. Uitkomsten gaan over de dossiers die in de periode zijn geopend, met de stappen die zij tot het einde van de periode bereikten. Doorlooptijd: van de eerste ontvangst tot het eerste besluit. Interventies tellen op hun startdatum (anders besluit, planning of vastlegging).</p>`;

  return framePages({ head: `${title} · opgesteld ${made}`, foot: `${title} · alleen aantallen`, tlp: meta.marking }, 'pdf', title, body, REPORT_CSS);
}

// --- The access request -------------------------------------------------------------------

const MATCHED_BY_NL: Record<AccessRequestResult['subjects'][number]['matchedBy'], string> = {
  bsn: 'zelfde BSN',
  name_birth_date: 'zelfde naam en geboortedatum',
  name: 'zelfde naam (geboortedatum ontbreekt aan één kant): beoordelen',
  address: 'zelfde adres',
  linked: 'gekoppeld',
};

/** The criteria in words: "naam J. Jansen, geboortedatum 01-02-1980". */
export function criteriaTextNl(criteria: AccessCriteria): string {
  return [
    criteria.name && `naam ${criteria.name}`,
    criteria.birthDate && `geboortedatum ${formatDutchDate(criteria.birthDate)}`,
    criteria.bsn && `BSN ${criteria.bsn}`,
    criteria.postcode && `adres ${criteria.postcode} ${criteria.houseNumber ?? ''}`.trim(),
  ]
    .filter(Boolean)
    .join(', ');
}

function part(title: string, count: number, headers: string[], rows: string[][]): string {
  if (count === 0) return `<section><h2>${escapeHtml(title)} (0)</h2><p>Niets gevonden.</p></section>`;
  return `<section>
<h2>${escapeHtml(title)} (${count})</h2>
<table class="items">
<thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}<th scope="col" class="tlp">TLP</th></tr></thead>
<tbody>
${rows.map((cells) => `<tr>${cells.map((cell, index) => (index === cells.length - 1 ? `<td class="tlp">${cell}</td>` : `<td>${cell}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table>
</section>`;
}

const counted = (count: number, one: string, more: string) => `${count} ${count === 1 ? one : more}`;

const tlpCell = (tlp: TlpCode) => escapeHtml(`TLP:${tlp}`);
const text = (value: unknown) => escapeHtml(String(value ?? ''));

/** The details of an audit entry as they are held: names and ids, one per line. */
function auditDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${escapeHtml(key)}: ${escapeHtml(typeof value === 'object' ? JSON.stringify(value) : String(value))}`)
    .join('<br>');
}

const ACCESS_CSS = `
  table { width: calc(100% - 1pt); }
  .confidential { font-weight: bold; letter-spacing: 0.05em; }
  table.items th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.items td.tlp, table.items th.tlp { white-space: nowrap; width: 7em; font-size: 8.5pt; }
  table.items dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0 6pt; }
  table.items dt { font-weight: bold; }
  table.items dd { margin: 0; }
  table.items tr { break-inside: avoid; }
  .note-body { white-space: pre-wrap; }
  .nowrap { white-space: nowrap; }
  .muted { color: #444; }
  .disclosed { display: block; font-size: 8.5pt; margin-top: 2pt; }
`;

/** Under each of the person's own facts: to whom the register says it went. */
const disclosedLine = (item: { disclosedTo: AccessRequestResult['subjects'][number]['disclosedTo'] }) =>
  `<span class="disclosed">Verstrekt aan: ${escapeHtml(disclosedToNl(item.disclosedTo))}</span>`;

/** The access request's report for the privacy officer: everything found, each item with its handling code. */
export function renderAccessRequestPdf(result: AccessRequestResult, criteria: AccessCriteria, meta: ReportPdfMeta & { reference?: string }) {
  const made = formatDutchDate(meta.madeOn);
  const tlp = meta.marking;
  const title = 'Inzageverzoek (art. 15 AVG)';
  const dossierCount = new Set(result.dossiers.map((dossier) => dossier.id)).size;
  const body = `<header class="head">
<p class="confidential">Vertrouwelijk — inzageverzoek</p>
<h1>${escapeHtml(title)}</h1>
<dl>
<dt>Gezocht op</dt><dd>${escapeHtml(criteriaTextNl(criteria))}</dd>
${meta.reference ? `<dt>Kenmerk</dt><dd>${escapeHtml(meta.reference)}</dd>` : ''}
<dt>Opgesteld</dt><dd>${escapeHtml(made)} door ${escapeHtml(meta.madeBy)}</dd>
<dt>Behandelcode</dt><dd>TLP:${escapeHtml(tlp)} (de strengste van de gevonden gegevens; elk gegeven staat met de eigen code)</dd>
<dt>Voor</dt><dd>${escapeHtml(meta.audience)}: het werkoverzicht van de privacyfunctionaris; het antwoord aan de betrokkene wordt hieruit opgesteld</dd>
<dt>Verstrekt aan</dt><dd>bij elk eigen gegeven van de persoon (het subject en zijn koppelingen), uit het verstrekkingenregister; gebruik binnen de gemeente staat er niet bij</dd>
<dt>Gevonden</dt><dd>${[
    counted(result.subjects.length, 'subject', 'subjecten'),
    counted(dossierCount, 'dossier', 'dossiers'),
    counted(result.signals.length, 'signaal', 'signalen'),
    counted(result.notes.length, 'notitie', 'notities'),
    counted(result.attachments.length, 'bijlage', 'bijlagen'),
    counted(result.audit.length, 'logboekregel', 'logboekregels'),
  ].join(', ')}</dd>
</dl>
</header>
${withheldBlock(meta.withheld)}
${part(
  'Subjecten',
  result.subjects.length,
  ['Subject', 'Soort', 'Gegevens', 'Gevonden via'],
  result.subjects.map((subject) => [
    `${text(subject.label)}${subject.mergedSubjectIds.length > 0 ? `<br><span class="muted">samengevoegd met #${subject.mergedSubjectIds.join(', #')}</span>` : ''}${disclosedLine(subject)}`,
    escapeHtml(SUBJECT_TYPE_LABELS_NL[subject.type]),
    `<dl>${Object.entries(subject.details)
      .filter(([field, value]) => field !== 'type' && value !== null && value !== undefined && value !== '')
      .map(
        ([field, value]) =>
          `<dt>${escapeHtml((SUBJECT_FIELD_LABELS_NL[subject.type] as Record<string, string>)[field] ?? field)}</dt><dd>${field === 'birthDate' && typeof value === 'string' ? escapeHtml(formatDutchDate(value)) : text(value)}</dd>`,
      )
      .join('')}</dl>`,
    escapeHtml(MATCHED_BY_NL[subject.matchedBy]),
    tlpCell(subject.tlp),
  ]),
)}
${part(
  'Koppelingen tussen subjecten',
  result.subjectLinks.length,
  ['Van', 'Soort', 'Naar'],
  result.subjectLinks.map((link) => [
    text(link.fromLabel),
    escapeHtml((SUBJECT_LINK_KIND_LABELS_NL as Record<string, string>)[link.kind] ?? link.kind),
    `${text(link.toLabel)}${disclosedLine(link)}`,
    tlpCell(link.tlp),
  ]),
)}
${part(
  'Dossiers',
  result.dossiers.length,
  ['Nummer', 'Titel', 'Status', 'Rol', 'Subject'],
  result.dossiers.map((dossier) => [
    `<span class="nowrap">${text(dossier.number)}</span>`,
    text(dossier.title),
    escapeHtml(DOSSIER_STATUS_LABELS_NL[dossier.status]),
    escapeHtml((SUBJECT_ROLE_LABELS_NL as Record<string, string>)[dossier.role] ?? dossier.role),
    `${text(dossier.subjectLabel)}${disclosedLine(dossier)}`,
    tlpCell(dossier.tlp),
  ]),
)}
${part(
  'Signalen',
  result.signals.length,
  ['Ontvangen', 'Samenvatting', 'Dossier', 'Gevonden via'],
  result.signals.map((signal) => [
    `<span class="nowrap">${escapeHtml(formatDutchDate(signal.receivedOn))}</span>`,
    text(signal.summary),
    `<span class="nowrap">${text(signal.dossierNumber ?? '–')}</span>`,
    signal.via === 'text' ? 'de tekst noemt de naam' : 'het dossier',
    tlpCell(signal.tlp),
  ]),
)}
${part(
  'Notities',
  result.notes.length,
  ['Datum', 'Dossier', 'Tekst'],
  result.notes.map((note) => [
    `<span class="nowrap">${escapeHtml(formatDutchDate(note.notedOn))}</span>`,
    `<span class="nowrap">${text(note.dossierNumber)}</span>`,
    `<span class="note-body">${text(note.body)}</span>${note.internal ? ' <span class="muted">(intern)</span>' : ''}`,
    tlpCell(note.tlp),
  ]),
)}
${part(
  'Documenten en bijlagen',
  result.attachments.length,
  ['Dossier', 'Bestand', 'Grootte (bytes)'],
  result.attachments.map((attachment) => [
    `<span class="nowrap">${text(attachment.dossierNumber)}</span>`,
    text(attachment.fileName),
    text(attachment.byteSize),
    tlpCell(attachment.tlp),
  ]),
)}
<section>
<h2>Logboekregels over deze subjecten (${result.audit.length})</h2>
${
  result.audit.length === 0
    ? '<p>Niets gevonden.</p>'
    : `<table class="items"><thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Handeling</th><th scope="col">Gegevens (zoals het logboek ze bewaart)</th></tr></thead><tbody>
${result.audit
  .map(
    (entry) =>
      `<tr><td class="nowrap">${escapeHtml(formatDateTime(entry.occurredAt, 'nl'))}</td><td>${text(entry.actor)}</td><td>${escapeHtml(auditSentence(entry, 'nl'))}<br><span class="muted">${text(entry.action)}</span></td><td>${auditDetails(entry.details)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
}
</section>`;

  return framePages(
    { head: `Vertrouwelijk — inzageverzoek · ${made}`, foot: `TLP:${tlp} · Vertrouwelijk — inzageverzoek`, tlp },
    'pdf',
    `Vertrouwelijk — inzageverzoek ${made}`,
    body,
    ACCESS_CSS,
  );
}
