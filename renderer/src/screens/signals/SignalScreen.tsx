import { useTranslation } from 'react-i18next';
import { useFocusHeading } from '../../components/useFocusHeading';

/** Placeholder: being built. */
export function SignalScreen({ signalId }: { signalId: number }) {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  return (
    <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
      {t('signals.title')} {signalId}
    </h1>
  );
}
