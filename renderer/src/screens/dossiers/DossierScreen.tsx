import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFocusHeading } from '../../components/useFocusHeading';
import { DOSSIER_TABS, useNavigation, type DossierTab } from '../../store/navigation';
import { AttachmentsTab } from '../attachments/AttachmentsTab';
import { NetworkTab } from '../subjects/NetworkTab';
import { SubjectsTab } from '../subjects/SubjectsTab';

/** One dossier: a heading with its number and status, and its parts as tabs. Placeholder shell: being built. */
export function DossierScreen({ dossierId, tab = 'overview' }: { dossierId: number; tab?: DossierTab }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const open = useNavigation((state) => state.open);
  const { data: dossier, error, reload } = useCoreQuery('dossier.get', { dossierId });

  return (
    <>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {dossier ? `${dossier.number} ${dossier.title}` : t('dossiers.title')}
      </h1>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      <div role="tablist">
        {DOSSIER_TABS.map((item) => (
          <button key={item} role="tab" type="button" aria-selected={item === tab} onClick={() => open({ section: 'dossiers', view: 'dossier', dossierId, tab: item })}>
            {item}
          </button>
        ))}
      </div>
      {dossier && tab === 'subjects' && <SubjectsTab dossier={dossier} onDossierChanged={reload} />}
      {dossier && tab === 'network' && <NetworkTab dossier={dossier} onDossierChanged={reload} />}
      {dossier && tab === 'attachments' && <AttachmentsTab dossier={dossier} onDossierChanged={reload} />}
    </>
  );
}
