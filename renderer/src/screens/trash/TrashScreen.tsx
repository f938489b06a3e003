import { useTranslation } from 'react-i18next';
import { useFocusHeading } from '../../components/useFocusHeading';

/** Placeholder: being built. */
export function TrashScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  return (
    <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
      {t('trash.title')}
    </h1>
  );
}
