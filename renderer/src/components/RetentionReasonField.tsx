import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';

/**
 * "Reden van de wijziging": shown in the dossier's and the signal's edit form as soon as the
 * retention date differs from the stored one. The core refuses the change without it
 * (INVALID_INPUT on retentionReason) and records it in the audit trail, as the retention list does.
 */
export function RetentionReasonField({ value, onChange, error }: { value: string; onChange(value: string): void; error: string | null }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('reports.retention.changeReasonLabel')}
      description={t('reports.retention.changeReasonDescription')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      maxLength={500}
      autoComplete="off"
      data-testid="retention-reason"
    />
  );
}
