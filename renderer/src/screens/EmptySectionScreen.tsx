import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { useFocusHeading } from '../components/useFocusHeading';

/** The sections that later issues build: a heading and a calm empty state, no sample data. */
export function EmptySectionScreen({ section }: { section: 'meetings' | 'reports' }) {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  return (
    <>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t(`sections.${section}`)}
      </h1>
      <EmptyState>
        <h2 className="utrecht-heading-2">{t(`empty.${section}.title`)}</h2>
        <p className="utrecht-paragraph">{t(`empty.${section}.body`)}</p>
      </EmptyState>
    </>
  );
}
