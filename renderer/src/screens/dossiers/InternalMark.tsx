import { useTranslation } from 'react-i18next';

/** Internal notes stay out of anything shared with partners; the mark says so wherever one is shown. */
export function InternalMark() {
  const { t } = useTranslation();
  return (
    <span className="app-dossier-internal" title={t('dossiers.notes.internalTitle')}>
      {t('dossiers.notes.internal')}
    </span>
  );
}
