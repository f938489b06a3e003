import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityCheckState } from '../../../shared/api';
import { Button } from '../components/Button';
import { callCore, subscribeToCoreEvents } from '../core-client';
import { formatDateTime } from '../format/date';
import { currentLanguage } from '../i18n';
import { useNavigation } from '../store/navigation';
import { useSession } from '../store/session';

/**
 * The background integrity check after unlock found damage: said on every screen until the vault
 * is locked, with what to do. Its state comes from the core (vault.status, so a reloaded page
 * shows it too) and from its vault.integrity event.
 */
export function IntegrityWarning() {
  const { t } = useTranslation();
  const showSection = useNavigation((state) => state.showSection);
  const vaultPath = useSession((state) => state.status.path);
  const [integrity, setIntegrity] = useState<{ state: IntegrityCheckState; checkedAt: string | null } | undefined>(() => useSession.getState().status.integrity);

  useEffect(() => {
    let current = true;
    const unsubscribe = subscribeToCoreEvents((event) => {
      if (event.type === 'vault.integrity') setIntegrity({ state: event.state, checkedAt: event.checkedAt });
    });
    // The event may have come before this screen listened (a quick check, a reloaded page).
    void callCore('vault.status', {}).then((result) => {
      if (current && result.ok && result.value.integrity) setIntegrity(result.value.integrity);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);

  if (integrity?.state !== 'problem') return null;
  return (
    <section
      className="utrecht-alert utrecht-alert--warning app-alert app-integrity-warning app-no-print"
      role="alert"
      aria-labelledby="integrity-warning-title"
      data-testid="integrity-warning"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id="integrity-warning-title" className="utrecht-heading-3">
            {t('layout.integrity.title')}
          </h2>
          <p className="utrecht-paragraph">{t('layout.integrity.body', { date: integrity.checkedAt ? formatDateTime(integrity.checkedAt, currentLanguage()) : '' })}</p>
          <ol className="utrecht-ordered-list app-integrity-warning__steps">
            <li className="utrecht-ordered-list__item">{t('layout.integrity.backupStep')}</li>
            <li className="utrecht-ordered-list__item">
              {t('layout.integrity.checkStep')} <code className="app-integrity-warning__command">kluis check &quot;{vaultPath ?? ''}&quot;</code>
            </li>
            <li className="utrecht-ordered-list__item">{t('layout.integrity.contactStep')}</li>
          </ol>
          <div className="app-button-row">
            <Button appearance="secondary" onClick={() => showSection('settings')}>
              {t('layout.integrity.openSettings')}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
