import { describe, expect, it } from 'vitest';
import { barChartSvg, columnChartSvg, periodTextNl, renderAccessRequestPdf, renderYearReportPdf } from '../../electron/core/reports/report-pdf';
import type { AccessRequestResult, ReportFigures } from '../../shared/api/reports';
import { OUTCOME_KEYS } from '../../shared/api/reports';
import { auditSentence } from '../../shared/i18n/audit-sentences';

/** The bars of an SVG chart as [width or height, label] in drawing order. */
function bars(svg: string, dimension: 'width' | 'height'): Array<[number, string]> {
  const lengths = [...svg.matchAll(new RegExp(`<rect [^>]*${dimension}="([\\d.]+)"`, 'g'))].map((match) => Number(match[1]));
  const labels = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!.replace('&#60;', '<'));
  return lengths.map((length, index) => [length, labels[index] ?? '']);
}

describe('the year report page', () => {
  it('draws no bar for a hidden count but labels it "< 5"; the longest visible bar fills the area', () => {
    const svg = barChartSvg([
      { label: 'Drugs', count: 12 },
      { label: 'Milieu', count: 3 },
      { label: 'Zorgfraude', count: 0 },
      { label: 'Gokken', count: 6 },
    ]);
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toEqual([150, 0, 0, 75]);
    const counts = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+">([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(counts).toEqual(['12', '&#60; 5', '0', '6']);
    // Nothing to show: no chart at all (the table says it).
    expect(barChartSvg([{ label: 'Milieu', count: 2 }])).toBe('');
  });

  it('draws the months as columns with Dutch names and the hidden counts labelled', () => {
    const svg = columnChartSvg(
      [
        { month: '2025-01', count: 10 },
        { month: '2025-02', count: 4 },
        { month: '2025-03', count: 5 },
      ],
      false,
    );
    expect(bars(svg, 'height').map(([height]) => height)).toEqual([90, 0, 45]);
    expect(svg).toContain('>jan<');
    expect(svg).toContain('>mrt<');
    expect(svg).toContain('>&#60; 5<');
  });

  it('names the period by its year, else by its dates', () => {
    expect(periodTextNl({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025');
    expect(periodTextNl({ from: '2025-03-01', to: '2025-08-31' })).toBe('01-03-2025 t/m 31-08-2025');
  });

  it('is a page without scripts or outside requests, its labels escaped, with the marking the regime gave it', () => {
    const figures: ReportFigures = {
      period: { from: '2025-01-01', to: '2025-12-31' },
      signalsTotal: 7,
      byPhenomenon: [{ phenomenonId: 1, code: 'x', label: '<b>Drugs</b>', count: 7 }],
      byHowReceived: [{ howReceived: 'burger', count: 7 }],
      byOrigin: [
        { origin: null, count: 7 },
        { origin: 'politie', count: 5 },
      ],
      byMonth: Array.from({ length: 12 }, (_, index) => ({ month: `2025-${String(index + 1).padStart(2, '0')}`, count: index === 0 ? 7 : 0 })),
      outcomes: OUTCOME_KEYS.map((key) => ({ key, count: 0 })),
      decisionTime: { decided: 2, medianDays: 10, p75Days: 20 },
      measuresByKind: [],
      measuresTotal: 0,
    };
    const page = renderYearReportPdf(
      figures,
      { madeOn: '2026-03-01', madeBy: 'P. Leider', marking: 'CLEAR', withheld: [], audience: 'intern gebruik' },
      new Map([['politie', 'Politie Oost']]),
    );
    expect(page.html).not.toMatch(/<script|src=|href=/i);
    expect(page.html).toContain('&#60;b&#62;Drugs&#60;/b&#62;');
    expect(page.html).not.toContain('<b>Drugs</b>');
    // Fewer than five decisions: the days are not shown.
    expect(page.html).not.toContain('10 dagen');
    expect(page.headerTemplate).toContain('TLP:CLEAR');
    expect(page.html).toContain('Behandelcode TLP:CLEAR · voor intern gebruik');
    // Origins by the organisation list's names (editable data), not a fixed label table.
    expect(page.html).toContain('Politie Oost');
    // Nothing was left out: no "Weggelaten" section.
    expect(page.html).not.toContain('Weggelaten');
    expect(page.footerTemplate).toContain('class="pageNumber"');
    expect(page.footerTemplate).toContain('class="totalPages"');
  });
});

describe('the access request page', () => {
  it('carries the marking it is given on every page, and per own fact of the person to whom it went', () => {
    const empty: AccessRequestResult = { subjects: [], subjectLinks: [], dossiers: [], signals: [], notes: [], attachments: [], audit: [] };
    const disclosure = {
      auditId: 7,
      occurredAt: '2026-12-03T10:00:00Z',
      output: 'bundle' as const,
      channel: 'bundle' as const,
      audience: { kind: 'recipients' as const, members: [{ organisation: 'politie', person: null, verified: true }] },
      recipients: 'Politie',
    };
    const result: AccessRequestResult = {
      ...empty,
      dossiers: [
        {
          id: 1,
          linkId: 3,
          number: '2025-0001',
          title: 'Kamerverhuur',
          status: 'in_opwerking',
          role: 'huurder',
          subjectLabel: 'A. Bakker',
          tlp: 'AMBER',
          disclosedTo: [disclosure, { ...disclosure, auditId: 9, channel: 'pdf', occurredAt: '2026-12-05T10:00:00Z', recipients: 'Woningcorporatie' }],
        },
      ],
      subjectLinks: [{ id: 4, fromLabel: 'A. Bakker', toLabel: 'B. Bakker', kind: 'family_of', tlp: 'GREEN', disclosedTo: [] }],
    };
    const page = renderAccessRequestPdf(
      result,
      { name: 'A. Bakker' },
      { madeOn: '2026-12-06', madeBy: 'P. Leider', marking: 'AMBER', withheld: [], audience: 'intern gebruik' },
    );
    expect(page.headerTemplate).toContain('TLP:AMBER');
    expect(page.footerTemplate).toContain('TLP:AMBER');
    expect(page.html).toContain('Verstrekt aan: Politie (bundel, 03-12-2026); Woningcorporatie (PDF, 05-12-2026)');
    expect(page.html).toContain('Verstrekt aan: niemand');
    // What the regime left out is said, in its own words.
    const withheld = renderAccessRequestPdf(
      result,
      { name: 'A. Bakker' },
      {
        madeOn: '2026-12-06',
        madeBy: 'P. Leider',
        marking: 'AMBER',
        withheld: ['1 gegeven: TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven'],
        audience: 'Politie',
      },
    );
    expect(withheld.html).toContain('Weggelaten');
    expect(withheld.html).toContain('1 gegeven: TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven');
  });

  it('says what an audit entry about a subject was, in Dutch, as the audit screen does', () => {
    expect(auditSentence({ action: 'subject.linked-to-dossier', details: { role: 'huurder' } }, 'nl')).toBe('Subject aan een dossier gekoppeld als huurder');
    expect(auditSentence({ action: 'subject.created', details: { type: 'person' } }, 'nl')).toBe('Subject vastgelegd: persoon');
    expect(auditSentence({ action: 'something.else', details: {} }, 'nl')).toBe('something.else');
  });
});

describe('the audit screen’s sentences for the exports', () => {
  const entry = (action: string, details: Record<string, unknown>) => ({ action, details });

  it('tells a PDF from a CSV, and names the access request without the person', () => {
    expect(auditSentence(entry('report.exported', { from: '2025-01-01', to: '2025-12-31', format: 'pdf' }), 'nl')).toBe(
      'Jaarrapportage (2025-01-01 t/m 2025-12-31) als PDF opgeslagen',
    );
    expect(auditSentence(entry('report.exported', { from: '2025-01-01', to: '2025-12-31', format: 'csv' }), 'nl')).toBe(
      'Jaarrapportage (2025-01-01 t/m 2025-12-31) als CSV opgeslagen',
    );
    expect(auditSentence(entry('access-request.exported', { format: 'pdf', criteria: ['bsn'], subjects: 1, dossiers: 2 }), 'nl')).toBe(
      'Overzicht van een inzageverzoek als PDF opgeslagen',
    );
  });
});
