import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { MAIN_CONTENT_ID, MAIN_MENU_ID, SkipLink } from '../components/SkipLink';
import { SECTIONS, sectionOf, useNavigation, type Route } from '../store/navigation';
import { useSession } from '../store/session';
import { AuditScreen } from './audit/AuditScreen';
import { BundlesScreen } from './bundles/BundlesScreen';
import { DossierListScreen } from './dossiers/DossierListScreen';
import { DossierScreen } from './dossiers/DossierScreen';
import { IntegrityWarning } from './IntegrityWarning';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { MeetingListScreen } from './meetings/MeetingListScreen';
import { MeetingScreen } from './meetings/MeetingScreen';
import { RetentionReminder } from './reports/RetentionReminder';
import { SearchBox } from './search/SearchBox';
import { SearchScreen } from './search/SearchScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { SignalIntakeScreen } from './signals/SignalIntakeScreen';
import { SignalListScreen } from './signals/SignalListScreen';
import { SignalScreen } from './signals/SignalScreen';
import { SubjectScreen } from './subjects/SubjectScreen';
import { TrashScreen } from './trash/TrashScreen';

/** The reports carry the chart library: loaded when first opened, not with the app. */
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })));

/** The frame around every screen with dossier data: who and which vault, the sections, the lock. */
export function MainLayout({ route }: { route: Route }) {
  const { t } = useTranslation();
  const status = useSession((state) => state.status);
  const lock = useSession((state) => state.lock);
  const showSection = useNavigation((state) => state.showSection);
  const section = sectionOf(route);

  return (
    <div className="app-shell">
      <SkipLink />
      <SkipLink to="menu" />
      <header className="app-header app-header--main">
        <span className="app-header__name">{t('app.name')}</span>
        <SearchBox />
        <dl className="app-header__identity">
          <div>
            <dt>{t('layout.vaultLabel')}</dt>
            <dd data-testid="vault-name">{status.name}</dd>
          </div>
          <div>
            <dt>{t('layout.userLabel')}</dt>
            <dd>{status.displayName}</dd>
          </div>
        </dl>
        <Button appearance="secondary" className="app-lock-button" onClick={() => void lock()}>
          {t('layout.lock')}
        </Button>
      </header>
      <div className="app-shell__body">
        <nav className="app-nav" id={MAIN_MENU_ID} tabIndex={-1} aria-label={t('layout.navigationLabel')}>
          <ul className="app-nav__list">
            {SECTIONS.map((item) => (
              <li key={item} className="app-nav__item">
                <a
                  href={`#${item}`}
                  className={`app-nav__link${item === section ? ' app-nav__link--current' : ''}`}
                  aria-current={item === section ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    showSection(item);
                  }}
                >
                  {t(`sections.${item}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id={MAIN_CONTENT_ID} className="app-shell__main" tabIndex={-1}>
          <ReadOnlyBanner />
          <IntegrityWarning />
          <RetentionReminder />
          <RouteScreen route={route} />
        </main>
      </div>
    </div>
  );
}

/**
 * The screen for a route. `key` makes a new route a new screen: its state starts fresh and its
 * heading takes the focus, as a page change would.
 */
function RouteScreen({ route }: { route: Route }) {
  const key = JSON.stringify(route);
  switch (route.section) {
    case 'signals':
      if (route.view === 'intake') return <SignalIntakeScreen key={key} />;
      if (route.view === 'signal') return <SignalScreen key={key} signalId={route.signalId} />;
      return <SignalListScreen key={key} />;
    case 'dossiers':
      if (route.view === 'dossier') return <DossierScreen key={`dossier-${route.dossierId}`} dossierId={route.dossierId} tab={route.tab} />;
      if (route.view === 'subject') return <SubjectScreen key={key} subjectId={route.subjectId} fromDossierId={route.fromDossierId} />;
      return <DossierListScreen key={key} />;
    case 'search':
      // One results screen while the query changes under it (typed in the search box): it keeps the focus where the user types.
      return <SearchScreen key="search" query={route.query} />;
    case 'bundles':
      return <BundlesScreen key={key} view={route.view ?? 'export'} />;
    case 'audit':
      return <AuditScreen key={key} />;
    case 'trash':
      return <TrashScreen key={key} />;
    case 'settings':
      return <SettingsScreen key={key} />;
    case 'meetings':
      if (route.view === 'meeting') return <MeetingScreen key={key} meetingId={route.meetingId} />;
      return <MeetingListScreen key={key} />;
    case 'reports':
      return (
        <Suspense fallback={null}>
          <ReportsScreen key={key} view={route.view ?? 'year'} />
        </Suspense>
      );
  }
}
