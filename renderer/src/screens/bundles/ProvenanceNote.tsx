import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { useCoreQuery } from '../../components/useCoreQuery';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { nameWithOrganisation } from '../../format/party';

/**
 * Where an imported dossier came from (bundle.provenance): every import that created or updated
 * it, oldest first. Nothing for a dossier made in this vault.
 */
export function ProvenanceNote({ dossierId }: { dossierId: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data } = useCoreQuery('bundle.provenance', { kind: 'dossier', id: dossierId });
  if (!data || data.length === 0) return null;
  return (
    <Section title={t('bundles.provenance.title')} className="app-dossier-overview__wide app-bundle-provenance">
      <ul className="app-bundle-list" data-testid="provenance">
        {data.map((origin) => {
          const values = {
            imported: formatDate(origin.importedAt, language),
            sender: nameWithOrganisation(origin.senderName, origin.senderOrganisation),
            created: formatDate(origin.bundleCreatedAt, language),
            number: origin.originNumber ?? '',
          };
          return <li key={`${origin.bundleId}-${origin.importedAt}`}>{t(origin.originNumber ? 'bundles.provenance.item' : 'bundles.provenance.itemNoNumber', values)}</li>;
        })}
      </ul>
    </Section>
  );
}
