import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardFigures } from '../../../../shared/api/reports';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { DEFAULT_DOSSIER_FILTER, useDossierListStore } from '../dossiers/dossier-list-store';
import { NO_FILTERS, useSignalList } from '../signals/signal-list-store';
import { FigureBlock, SeriesChart, type FigureRow } from './FigureBlock';
import { PeriodPicker, recentYears, yearPeriod } from './PeriodPicker';
import { phenomenonName } from '../../format/phenomenon';
import { useFormatCount } from '../../format/count';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Intelligence: where the work stands and where the signals come from; each figure leads to its list. */
export function DashboardView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [period, setPeriod] = useState(() => yearPeriod(new Date().getFullYear() - 1));
  const figures = useCoreQuery('dashboard.figures', period);
  return (
    <>
      <p className="utrecht-paragraph">{t('reports.dashboard.lead')}</p>
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
      {figures.data && <Dashboard figures={figures.data} />}
    </>
  );
}

function Dashboard({ figures }: { figures: DashboardFigures }) {
  const count = useFormatCount();
  const { t: typedT } = useTranslation();
  const t = typedT as unknown as Translate;
  const language = currentLanguage();
  const open = useNavigation((state) => state.open);
  const setFilter = useDossierListStore((state) => state.setFilter);
  const openDossiers = (changes: Partial<typeof DEFAULT_DOSSIER_FILTER>) => {
    setFilter({ ...DEFAULT_DOSSIER_FILTER, ...changes });
    open({ section: 'dossiers' });
  };
  const setSignalFilters = useSignalList((state) => state.setFilters);
  /** The signal list with only this phenomenon (sub-forms included) or postcode area, in this period: the signals behind a count. */
  const openSignals = (spot: DashboardFigures['blindSpots'][number], period: { from: string; to: string }) => {
    const what = spot.kind === 'area' ? { postcodeArea: spot.key } : { phenomenonId: Number(spot.key) };
    setSignalFilters({ ...NO_FILTERS, ...what, receivedFrom: period.from, receivedUntil: period.to });
    open({ section: 'signals' });
  };
  const link = (text: string | number, label: string, onOpen: () => void, testId?: string) => (
    <a
      href="#"
      className="utrecht-link"
      aria-label={label}
      data-testid={testId}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      {text}
    </a>
  );

  const byStatus = figures.openByStatus.map<FigureRow>((entry) => {
    const label = t(`domain.status.${entry.status}`);
    return {
      key: entry.status,
      label,
      count: entry.count,
      onOpen: () => openDossiers({ statuses: [entry.status] }),
      openLabel: t('reports.dashboard.showDossiers', { status: label }),
    };
  });
  const byPhenomenon = figures.openByPhenomenon
    .filter((entry) => entry.phenomenonId !== null)
    .map<FigureRow>((entry) => ({
      key: String(entry.phenomenonId),
      label: phenomenonName(entry),
      count: entry.count,
      onOpen: () => openDossiers({ phenomenonId: entry.phenomenonId }),
      openLabel: t('reports.dashboard.showPhenomenon', { phenomenon: phenomenonName(entry) }),
    }));
  // Only phenomena that had a signal in the period get a line; the rest would be flat at zero.
  const withSignals = figures.phenomena.filter((phenomenon) => figures.signalsOverTime.some((month) => (month.counts[String(phenomenon.phenomenonId)] ?? 0) > 0));
  const series = withSignals.map((phenomenon) => ({
    key: String(phenomenon.phenomenonId),
    label: phenomenonName(phenomenon),
    values: figures.signalsOverTime.map((month) => month.counts[String(phenomenon.phenomenonId)] ?? 0),
  }));
  if (figures.signalsOverTime.some((month) => (month.counts.none ?? 0) > 0)) {
    series.push({ key: 'none', label: t('reports.year.noPhenomenon'), values: figures.signalsOverTime.map((month) => month.counts.none ?? 0) });
  }

  return (
    <div className="app-report__grid" data-testid="dashboard">
      <FigureBlock title={t('reports.dashboard.openByStatus')} rows={byStatus} protectSmall={false} testId="dashboard-status" />
      <FigureBlock title={t('reports.dashboard.openByPhenomenon')} rows={byPhenomenon} protectSmall={false} testId="dashboard-phenomenon" />
      <div className="app-report__wide">
        <SeriesChart title={t('reports.dashboard.overTime')} months={figures.signalsOverTime.map((month) => month.month)} series={series} />
      </div>
      <section className="app-card app-report-figure">
        <h2 className="utrecht-heading-2">{t('reports.dashboard.areas')}</h2>
        {figures.areas.length === 0 ? (
          <p className="utrecht-paragraph">{t('reports.dashboard.noAreas')}</p>
        ) : (
          <table className="utrecht-table app-report-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.dashboard.areaColumns.area')}
                </th>
                <th className="utrecht-table__header-cell app-report-table__count" scope="col">
                  {t('reports.dashboard.areaColumns.signals')}
                </th>
                <th className="utrecht-table__header-cell app-report-table__count" scope="col">
                  {t('reports.dashboard.areaColumns.previous')}
                </th>
                <th className="utrecht-table__header-cell app-report-table__count" scope="col">
                  {t('reports.dashboard.areaColumns.dossiers')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {figures.areas.map((area) => (
                <tr className="utrecht-table__row" key={area.area}>
                  <th className="utrecht-table__cell" scope="row">
                    <a
                      href="#"
                      className="utrecht-link"
                      aria-label={t('reports.dashboard.area', { area: area.area })}
                      onClick={(event) => {
                        event.preventDefault();
                        open({ section: 'search', query: area.area });
                      }}
                    >
                      {area.area}
                    </a>
                  </th>
                  <td className="utrecht-table__cell app-report-table__count">{count(area.signals)}</td>
                  <td className="utrecht-table__cell app-report-table__count">{count(area.previousSignals)}</td>
                  <td className="utrecht-table__cell app-report-table__count">{count(area.dossiers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="app-card app-report-figure">
        <h2 className="utrecht-heading-2">{t('reports.dashboard.topSubjects')}</h2>
        {figures.topSubjects.length === 0 ? (
          <p className="utrecht-paragraph">{t('reports.dashboard.noTopSubjects')}</p>
        ) : (
          <table className="utrecht-table app-report-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.dashboard.subjectColumns.subject')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.dashboard.subjectColumns.type')}
                </th>
                <th className="utrecht-table__header-cell app-report-table__count" scope="col">
                  {t('reports.dashboard.subjectColumns.dossiers')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {figures.topSubjects.map((subject) => (
                <tr className="utrecht-table__row" key={subject.subjectId}>
                  <th className="utrecht-table__cell" scope="row">
                    <a
                      href="#"
                      className="utrecht-link"
                      onClick={(event) => {
                        event.preventDefault();
                        open({ section: 'dossiers', view: 'subject', subjectId: subject.subjectId });
                      }}
                    >
                      {subject.label}
                    </a>
                  </th>
                  <td className="utrecht-table__cell">{t(`domain.subjectType.${subject.type}`)}</td>
                  <td className="utrecht-table__cell app-report-table__count">{count(subject.dossiers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="app-card app-report-figure">
        <h2 className="utrecht-heading-2">{t('reports.dashboard.actions')}</h2>
        <dl className="app-report-facts">
          <div>
            <dt>{t('reports.dashboard.openMeasures')}</dt>
            <dd>{figures.openMeasures}</dd>
          </div>
          <div>
            <dt>{t('reports.dashboard.overdueMeasures')}</dt>
            <dd>{figures.overdueMeasures}</dd>
          </div>
        </dl>
      </section>
      <section className="app-card app-report-figure" data-testid="dashboard-follow-up">
        <h2 className="utrecht-heading-2">{t('reports.dashboard.followUp')}</h2>
        <dl className="app-report-facts">
          <div>
            <dt>{t('reports.dashboard.openActions')}</dt>
            <dd>
              {link(
                figures.openActions,
                `${t('reports.dashboard.showOpenActions')} (${figures.openActions})`,
                () => open({ section: 'meetings', actions: 'open' }),
                'dashboard-open-actions',
              )}
            </dd>
          </div>
          <div>
            <dt>{t('reports.dashboard.overdueActions')}</dt>
            <dd>
              {link(
                figures.overdueActions,
                `${t('reports.dashboard.showOverdueActions')} (${figures.overdueActions})`,
                () => open({ section: 'meetings', actions: 'overdue' }),
                'dashboard-overdue-actions',
              )}
            </dd>
          </div>
        </dl>
      </section>
      <section className="app-card app-report-figure">
        <h2 className="utrecht-heading-2">{t('reports.dashboard.blindSpots')}</h2>
        <p className="utrecht-paragraph">
          {t('reports.dashboard.blindSpotsLead', { from: formatDate(figures.previousPeriod.from, language), to: formatDate(figures.previousPeriod.to, language) })}
        </p>
        {figures.blindSpots.length === 0 ? (
          <p className="utrecht-paragraph">{t('reports.dashboard.noBlindSpots')}</p>
        ) : (
          <table className="utrecht-table app-report-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.dashboard.blindSpotColumns.what')}
                </th>
                <th className="utrecht-table__header-cell app-report-table__count" scope="col">
                  {t('reports.dashboard.blindSpotColumns.current')}
                </th>
                <th className="utrecht-table__header-cell app-report-table__count" scope="col">
                  {t('reports.dashboard.blindSpotColumns.previous')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {figures.blindSpots.map((spot) => {
                const what = spot.kind === 'area' ? t('reports.dashboard.area', { area: spot.label }) : spot.label;
                return (
                  <tr className="utrecht-table__row" key={`${spot.kind}-${spot.key}`} data-testid={`blind-spot-${spot.kind}-${spot.key}`}>
                    <th className="utrecht-table__cell" scope="row">
                      {what}
                    </th>
                    <td className="utrecht-table__cell app-report-table__count">
                      {link(spot.current, `${t('reports.dashboard.showSpotCurrent', { what })} (${spot.current})`, () => openSignals(spot, figures.period))}
                    </td>
                    <td className="utrecht-table__cell app-report-table__count">
                      {link(spot.previous, `${t('reports.dashboard.showSpotPrevious', { what })} (${spot.previous})`, () => openSignals(spot, figures.previousPeriod))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
