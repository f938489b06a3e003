import type { ReportFigures } from '../../../shared/api/reports';
import { reportCount } from '../../../shared/api/reports';
import type { TlpCode } from '../../../shared/domain/enums';
import { HOW_RECEIVED_LABELS_NL, MEASURE_KIND_LABELS_NL, OUTCOME_LABELS_NL } from '../../../shared/domain/labels-nl';
import { markingText } from '../../../shared/i18n/sharing';

/** A signal's origin by the organisation's name (organisationNames: the list is editable data); the code if it is not in the list. */
export function originLabelNl(origin: string | null, names: ReadonlyMap<string, string>): string {
  if (origin === null) return 'Niet vastgelegd';
  return names.get(origin) ?? origin;
}

const NO_PHENOMENON_NL = 'Zonder fenomeen';

/** Rows of the report: section, item, count as shown (small counts as "< 5"). */
export function reportRows(figures: ReportFigures, names: ReadonlyMap<string, string>): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  const add = (section: string, item: string, count: number | string) => rows.push([section, item, typeof count === 'number' ? reportCount(count) : count]);
  add('Periode', `${figures.period.from} t/m ${figures.period.to}`, '');
  add('Signalen', 'Totaal', figures.signalsTotal);
  for (const entry of figures.byPhenomenon) add('Signalen per fenomeen', entry.label || NO_PHENOMENON_NL, entry.count);
  for (const entry of figures.byHowReceived)
    add('Signalen per wijze van binnenkomst', (HOW_RECEIVED_LABELS_NL as Record<string, string>)[entry.howReceived] ?? entry.howReceived, entry.count);
  for (const entry of figures.byOrigin) add('Signalen per herkomst', originLabelNl(entry.origin, names), entry.count);
  for (const entry of figures.byMonth) add('Signalen per maand', entry.month, entry.count);
  for (const entry of figures.outcomes) add('Uitkomsten', OUTCOME_LABELS_NL[entry.key], entry.count);
  add('Doorlooptijd tot besluit', 'Dossiers met een besluit', figures.decisionTime.decided);
  // Days are not counts of people; with fewer than five decisions they would still tell about one case.
  const hideDays = figures.decisionTime.decided < 5;
  add('Doorlooptijd tot besluit', 'Mediaan (dagen)', hideDays || figures.decisionTime.medianDays === null ? '-' : String(figures.decisionTime.medianDays));
  add('Doorlooptijd tot besluit', '75e percentiel (dagen)', hideDays || figures.decisionTime.p75Days === null ? '-' : String(figures.decisionTime.p75Days));
  add('Interventies', 'Totaal', figures.measuresTotal);
  for (const entry of figures.measuresByKind) add('Interventies per soort', (MEASURE_KIND_LABELS_NL as Record<string, string>)[entry.kind] ?? entry.kind, entry.count);
  return rows;
}

function csvField(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Semicolon-separated with a byte-order mark: what Dutch spreadsheet programs open without asking.
 * The regime's marking is the first row after the header, so it travels with every copy of the file.
 */
export function reportCsv(figures: ReportFigures, names: ReadonlyMap<string, string>, marking: TlpCode): string {
  const rows: Array<[string, string, string]> = [['Onderdeel', 'Omschrijving', 'Aantal'], ['Behandelcode', markingText(marking), ''], ...reportRows(figures, names)];
  const lines = rows.map((row) => row.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Plain text for the command line: one line per row, sections as headings. */
export function reportText(figures: ReportFigures, names: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  let section = '';
  for (const [rowSection, item, count] of reportRows(figures, names)) {
    if (rowSection !== section) {
      if (lines.length > 0) lines.push('');
      lines.push(rowSection);
      section = rowSection;
    }
    lines.push(count === '' ? `  ${item}` : `  ${item.padEnd(44)} ${count.padStart(6)}`);
  }
  return lines.join('\n');
}
