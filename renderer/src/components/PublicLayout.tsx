import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';

/** The frame of the screens before a vault is open: the app name and one calm column. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app-public">
      <SkipLink />
      <header className="app-header">
        <span className="app-header__name">{t('app.name')}</span>
      </header>
      <main id={MAIN_CONTENT_ID} className="app-public__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
