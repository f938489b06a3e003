import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useNavigation } from '../../store/navigation';

/**
 * Placeholder: being built (ui-dossiers). Until then a plain list of links, so that the dossier
 * screen and its tabs can be reached in this branch (the subjects e2e test opens a dossier here).
 */
export function DossierListScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const open = useNavigation((state) => state.open);
  const { data } = useCoreQuery('dossier.list', { sort: 'number', direction: 'asc', limit: 100 });
  return (
    <>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('dossiers.title')}
      </h1>
      <ul>
        {data?.items.map((dossier) => (
          <li key={dossier.id}>
            <a
              href={`#dossier-${dossier.id}`}
              className="utrecht-link utrecht-link--html-a"
              onClick={(event) => {
                event.preventDefault();
                open({ section: 'dossiers', view: 'dossier', dossierId: dossier.id });
              }}
            >
              {dossier.number} {dossier.title}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
