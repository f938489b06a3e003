import { useTranslation } from 'react-i18next';
import { useFocusHeading } from '../../components/useFocusHeading';
import { REPORT_VIEWS, useNavigation, type ReportView } from '../../store/navigation';
import { AccessRequestView } from './AccessRequestView';
import { DashboardView } from './DashboardView';
import { RetentionView } from './RetentionView';
import { YearReportView } from './YearReportView';

/** Rapportages: the year report, the dashboard, retention and access requests, as four views. */
export function ReportsScreen({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const replace = useNavigation((state) => state.replace);
  return (
    <div className="app-reports">
      <h1 className="utrecht-heading-1 app-no-print" ref={headingRef} tabIndex={-1}>
        {t('reports.title')}: {t(`reports.views.${view}`)}
      </h1>
      <nav className="app-reports__subnav app-no-print" aria-label={t('reports.subnavLabel')}>
        <ul>
          {REPORT_VIEWS.map((item) => (
            <li key={item}>
              <a
                href={`#reports-${item}`}
                className={`app-reports__subnav-link${item === view ? ' app-reports__subnav-link--current' : ''}`}
                aria-current={item === view ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  replace({ section: 'reports', view: item });
                }}
              >
                {t(`reports.views.${item}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'year' && <YearReportView />}
      {view === 'dashboard' && <DashboardView />}
      {view === 'retention' && <RetentionView />}
      {view === 'access' && <AccessRequestView />}
    </div>
  );
}
