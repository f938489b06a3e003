import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { useNavigation } from '../store/navigation';
import { useSession } from '../store/session';

/**
 * The vault was opened from read-only media (vault.status `readOnly`): said on every screen, with
 * why changes are refused and the way out (a backup in a writable folder, which also keeps what
 * was looked at in this session in its audit trail).
 */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const readOnly = useSession((state) => state.status.readOnly === true);
  const showSection = useNavigation((state) => state.showSection);
  if (!readOnly) return null;
  return (
    <section className="utrecht-alert utrecht-alert--info app-alert app-no-print" role="status" aria-labelledby="read-only-title" data-testid="read-only-banner">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id="read-only-title" className="utrecht-heading-3">
            {t('layout.readOnly.title')}
          </h2>
          <p className="utrecht-paragraph">{t('layout.readOnly.body')}</p>
          <div className="app-button-row">
            <Button appearance="secondary" onClick={() => showSection('settings')}>
              {t('layout.readOnly.makeBackup')}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
