import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFigures } from '../../../../shared/api/reports';
import type { Audience } from '../../../../shared/domain/sharing';
import { reportCount } from '../../../../shared/api/reports';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SaveFileForm } from '../../components/SaveFileForm';
import { SelectField } from '../../components/SelectField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { besideVault } from '../../format/path';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../store/session';
import { FigureBlock, type FigureRow } from './FigureBlock';
import { PeriodPicker, recentYears, yearPeriod } from './PeriodPicker';
import { phenomenonName } from '../../format/phenomenon';
import { suggestedFileNames } from '../../../../shared/domain/file-names';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The yearly report of the meldpunt: counts only, small counts as "< 5", printable and exportable. */
export function YearReportView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [period, setPeriod] = useState(() => yearPeriod(new Date().getFullYear() - 1));
  const figures = useCoreQuery('report.figures', period);
  const vaultPath = useSession((state) => state.status.path);
  const language = currentLanguage();
  const periodText =
    period.from.endsWith('-01-01') && period.to === `${period.from.slice(0, 4)}-12-31`
      ? period.from.slice(0, 4)
      : `${formatDate(period.from, language)} – ${formatDate(period.to, language)}`;

  // Who the saved report is for: it goes into the disclosure register (counts only, so nothing is left out).
  const organisations = useCoreQuery('organisation.list', {});
  const [recipient, setRecipient] = useState('');
  const audience: Audience = recipient === '' ? { kind: 'internal' } : { kind: 'recipients', members: [{ organisation: recipient, person: null, verified: false }] };

  return (
    <>
      <PeriodPicker key={`${period.from}-${period.to}`} period={period} onChange={setPeriod} years={recentYears()} />
      {figures.error && (
        <Alert type="error">
          {errorText(figures.error)}{' '}
          <Button appearance="subtle" onClick={figures.reload}>
            {t('reports.reload')}
          </Button>
        </Alert>
      )}
      {!figures.data && figures.loading && <p className="utrecht-paragraph">{t('reports.loading')}</p>}
      {figures.data && (
        <>
          <div className="app-button-row app-report-actions app-no-print">
            <Button appearance="primary" onClick={() => window.print()}>
              {t('reports.year.print')}
            </Button>
          </div>
          <YearReport figures={figures.data} periodText={periodText} />
          <section className="app-card app-no-print" aria-label={t('reports.year.audience')}>
            <SelectField
              label={t('reports.year.audience')}
              description={t('reports.year.audienceDescription')}
              value={recipient}
              onChange={(event) => setRecipient(event.target.value)}
              emptyLabel={t('reports.year.audienceInternal')}
              options={(organisations.data ?? [])
                .filter((organisation) => !organisation.retired)
                .map((organisation) => ({ value: organisation.code, label: organisation.name }))}
            />
          </section>
          <section className="app-card app-no-print" aria-labelledby="report-pdf-heading">
            <h2 className="utrecht-heading-2" id="report-pdf-heading">
              {t('reports.year.exportPdf')}
            </h2>
            <SaveFileForm
              key={periodText}
              initialPath={besideVault(vaultPath, suggestedFileNames(language).yearReportPdf(period.from, period.to))}
              label={t('reports.year.pdfPath')}
              submitLabel={t('reports.year.pdfSave')}
              busyText={t('reports.year.pdfBusy')}
              savedText={(path) => t('reports.year.pdfSaved', { path })}
              existsText={t('reports.year.csvExists')}
              overwriteLabel={t('reports.year.csvOverwrite')}
              pathRequiredText={t('reports.year.pathRequired')}
              save={(targetPath, overwrite) => callCore('report.exportPdf', { ...period, targetPath, overwrite, audience })}
            />
          </section>
          <section className="app-card app-no-print" aria-label={t('reports.year.exportCsv')}>
            <h2 className="utrecht-heading-2">{t('reports.year.exportCsv')}</h2>
            <SaveFileForm
              key={periodText}
              initialPath={besideVault(vaultPath, suggestedFileNames(language).yearReportCsv(period.from, period.to))}
              label={t('reports.year.csvPath')}
              submitLabel={t('reports.year.csvSave')}
              savedText={(path) => t('reports.year.csvSaved', { path })}
              existsText={t('reports.year.csvExists')}
              overwriteLabel={t('reports.year.csvOverwrite')}
              pathRequiredText={t('reports.year.pathRequired')}
              save={(targetPath, overwrite) => callCore('report.exportCsv', { ...period, targetPath, overwrite, audience })}
            />
          </section>
        </>
      )}
    </>
  );
}

/** "jan", "feb", ... in the UI's language; the year too when the period spans more than one. */
function shortMonth(month: string, language: string, withYear: boolean): string {
  const name = new Date(`${month}-15T12:00:00Z`).toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', timeZone: 'UTC' }).replace('.', '');
  return withYear ? `${name} ${month.slice(2, 4)}` : name;
}

function YearReport({ figures, periodText }: { figures: ReportFigures; periodText: string }) {
  const { t: typedT } = useTranslation();
  const t = typedT as unknown as Translate;
  const language = currentLanguage();
  const rows = {
    phenomenon: figures.byPhenomenon.map<FigureRow>((entry) => ({
      key: String(entry.phenomenonId ?? 'none'),
      label: entry.label ? phenomenonName(entry, language) : t('reports.year.noPhenomenon'),
      count: entry.count,
    })),
    howReceived: figures.byHowReceived.map<FigureRow>((entry) => ({ key: entry.howReceived, label: t(`domain.howReceived.${entry.howReceived}`), count: entry.count })),
    origin: figures.byOrigin.map<FigureRow>((entry) => ({
      key: entry.origin ?? 'none',
      label: entry.origin ? t(`domain.partner.${entry.origin}`) : t('reports.year.originUnknown'),
      count: entry.count,
    })),
    month: figures.byMonth.map<FigureRow>((entry) => ({
      key: entry.month,
      label: entry.month,
      chartLabel: shortMonth(entry.month, language, figures.period.from.slice(0, 4) !== figures.period.to.slice(0, 4)),
      count: entry.count,
    })),
    outcomes: figures.outcomes.map<FigureRow>((entry) => ({ key: entry.key, label: t(`reports.year.outcomes.${entry.key}`), count: entry.count })),
    measures: figures.measuresByKind.map<FigureRow>((entry) => ({ key: entry.kind, label: t(`domain.measureKind.${entry.kind}`), count: entry.count })),
  };
  const decision = figures.decisionTime;
  const hideDays = decision.decided < 5;
  const days = (value: number | null) => (hideDays || value === null ? t('reports.year.hiddenDays') : t('reports.year.days', { count: value }));

  return (
    <div className="app-print-area app-report" data-testid="year-report">
      <h2 className="utrecht-heading-2 app-report__title">{t('reports.year.heading', { period: periodText })}</h2>
      <p className="utrecht-paragraph">{t('reports.year.lead')}</p>
      <p className="utrecht-paragraph app-report__total" data-testid="report-total" data-count={figures.signalsTotal}>
        {figures.signalsTotal === 0 ? t('reports.year.noSignals') : t('reports.year.total', { count: reportCount(figures.signalsTotal) })}
      </p>
      <div className="app-report__grid">
        <FigureBlock title={t('reports.year.sections.month')} rows={rows.month} protectSmall chart="columns" testId="figure-month" />
        <FigureBlock title={t('reports.year.sections.phenomenon')} rows={rows.phenomenon} protectSmall testId="figure-phenomenon" />
        <FigureBlock title={t('reports.year.sections.howReceived')} rows={rows.howReceived} protectSmall testId="figure-how-received" />
        <FigureBlock title={t('reports.year.sections.origin')} rows={rows.origin} protectSmall testId="figure-origin" />
        <FigureBlock title={t('reports.year.sections.outcomes')} rows={rows.outcomes} protectSmall chart="none" testId="figure-outcomes" />
        <section className="app-card app-report-figure" aria-label={t('reports.year.sections.decisionTime')}>
          <h2 className="utrecht-heading-2">{t('reports.year.sections.decisionTime')}</h2>
          <dl className="app-report-facts">
            <div>
              <dt>{t('reports.year.decided')}</dt>
              <dd data-testid="decided">{reportCount(decision.decided)}</dd>
            </div>
            <div>
              <dt>{t('reports.year.median')}</dt>
              <dd>{days(decision.medianDays)}</dd>
            </div>
            <div>
              <dt>{t('reports.year.p75')}</dt>
              <dd>{days(decision.p75Days)}</dd>
            </div>
          </dl>
        </section>
        {rows.measures.length > 0 ? (
          <FigureBlock title={t('reports.year.sections.measures')} rows={rows.measures} protectSmall testId="figure-measures" />
        ) : (
          <section className="app-card app-report-figure">
            <h2 className="utrecht-heading-2">{t('reports.year.sections.measures')}</h2>
            <p className="utrecht-paragraph">{t('reports.year.noMeasures')}</p>
          </section>
        )}
      </div>
      <p className="utrecht-paragraph app-muted">{t('reports.year.rules')}</p>
      <p className="utrecht-paragraph app-muted">{t('reports.year.generated', { date: formatDate(new Date().toISOString(), language) })}</p>
    </div>
  );
}
