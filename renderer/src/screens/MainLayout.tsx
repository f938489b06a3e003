import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink';
import { SECTIONS, useNavigation, type Section } from '../store/navigation';
import { useSession } from '../store/session';
import { EmptySectionScreen } from './EmptySectionScreen';
import { SettingsScreen } from './settings/SettingsScreen';

/** The frame around every screen with dossier data: who and which vault, the sections, the lock. */
export function MainLayout({ section }: { section: Section }) {
  const { t } = useTranslation();
  const status = useSession((state) => state.status);
  const lock = useSession((state) => state.lock);
  const showSection = useNavigation((state) => state.showSection);

  return (
    <div className="app-shell">
      <SkipLink />
      <header className="app-header app-header--main">
        <span className="app-header__name">{t('app.name')}</span>
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
        <nav className="app-nav" aria-label={t('layout.navigationLabel')}>
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
          {section === 'settings' ? <SettingsScreen /> : <EmptySectionScreen key={section} section={section} />}
        </main>
      </div>
    </div>
  );
}
