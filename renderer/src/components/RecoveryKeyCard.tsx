import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatDate } from '../format/date';

interface RecoveryKeyCardProps {
  recoveryKey: string;
  vaultName: string | null;
}

/**
 * The key in large monospace groups, with a print button. The print stylesheet hides everything
 * but `.app-print-area`, so the paper shows the key and nothing from the dossiers.
 */
export function RecoveryKeyCard({ recoveryKey, vaultName }: RecoveryKeyCardProps) {
  const { t } = useTranslation();
  const groups = recoveryKey.split('-');
  return (
    <div className="app-recovery-key">
      <div className="app-print-area">
        <p className="app-print-only app-print-title">{t('recoveryKey.printTitle')}</p>
        {vaultName && <p className="app-print-only">{t('recoveryKey.printVault', { name: vaultName })}</p>}
        <p className="app-print-only">{t('recoveryKey.printDate', { date: formatDate(new Date().toISOString(), currentLanguage()) })}</p>
        <p className="utrecht-paragraph app-recovery-key__label">{t('recoveryKey.keyLabel')}</p>
        <p className="app-recovery-key__value" data-testid="recovery-key">
          {groups.map((group, index) => (
            <span key={index} className="app-recovery-key__group">
              {group}
              {index < groups.length - 1 && <span className="app-recovery-key__dash">-</span>}
            </span>
          ))}
        </p>
        <p className="app-print-only">{t('recoveryKey.printAdvice')}</p>
      </div>
      <button type="button" className="utrecht-button utrecht-button--secondary-action app-no-print" onClick={() => window.print()}>
        {t('recoveryKey.print')}
      </button>
    </div>
  );
}
