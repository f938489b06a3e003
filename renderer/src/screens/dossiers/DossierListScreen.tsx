import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useNavigation } from '../../store/navigation';

/**
 * Placeholder: being built. Until the real list lands, a plain list of buttons so that a
 * dossier's screen (and its tabs) can be reached, by hand and by the end-to-end tests.
 */
export function DossierListScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const open = useNavigation((state) => state.open);
  const { data } = useCoreQuery('dossier.list', {});
  return (
    <>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('dossiers.title')}
      </h1>
      <ul>
        {data?.items.map((dossier) => (
          <li key={dossier.id}>
            <button type="button" className="utrecht-link-button" onClick={() => open({ section: 'dossiers', view: 'dossier', dossierId: dossier.id })}>
              {dossier.number} {dossier.title}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
