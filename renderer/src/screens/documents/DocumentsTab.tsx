import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRIEHOEK_AUDIENCE, type DocumentVersion, type OutputAudience, type ProtectedInclusion } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import type { DossierTabProps } from '../dossiers/tab-props';
import { AudiencePicker } from './AudiencePicker';
import { DocumentEditor } from './DocumentEditor';

const NOTHING_INCLUDED: ProtectedInclusion = { reporter: false, bsn: false, internalNotes: false };

/**
 * The dossier's preweegdocument: a draft to compose when there is none, else the latest document
 * in the editor (sections, versions, compare, print and export).
 */
export function DocumentsTab({ dossier }: DossierTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const documents = useCoreQuery('document.list', { dossierId: dossier.id });
  const [composed, setComposed] = useState<DocumentVersion | null>(null);
  const current = documents.data?.[0] ?? null;

  if (documents.error) return <Alert type="error">{errorText(documents.error)}</Alert>;
  if (!documents.data) return <p className="utrecht-paragraph">{t('documents.loading')}</p>;
  if (!current) {
    return (
      <ComposeSection
        dossierId={dossier.id}
        onComposed={(version) => {
          setComposed(version);
          documents.reload();
        }}
      />
    );
  }
  return <DocumentEditor key={current.id} dossierId={dossier.id} documentId={current.id} initial={composed?.document.id === current.id ? composed : null} />;
}

function ComposeSection({ dossierId, onComposed }: { dossierId: number; onComposed(version: DocumentVersion): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [include, setInclude] = useState<ProtectedInclusion>(NOTHING_INCLUDED);
  const [audience, setAudience] = useState<OutputAudience>(DRIEHOEK_AUDIENCE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function compose() {
    setBusy(true);
    setError(null);
    const result = await callCore('document.compose', { dossierId, include, audience });
    setBusy(false);
    if (result.ok) onComposed(result.value);
    else setError(errorText(result.error));
  }

  return (
    <Section title={t('documents.compose.title')}>
      <EmptyState>{t('documents.empty')}</EmptyState>
      <p className="utrecht-paragraph">{t('documents.compose.lead')}</p>
      <AudiencePicker value={audience} onChange={setAudience} />
      <InclusionFields include={include} onChange={setInclude} />
      {error && <Alert type="error">{error}</Alert>}
      <div className="app-document-actions">
        <Button appearance="primary" busy={busy} onClick={() => void compose()}>
          {t('documents.compose.submit')}
        </Button>
      </div>
    </Section>
  );
}

export function InclusionFields({ include, onChange }: { include: ProtectedInclusion; onChange(include: ProtectedInclusion): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="app-document-inclusion">
      <legend className="app-visually-hidden">{t('documents.omitted.title')}</legend>
      {(['reporter', 'bsn', 'internalNotes'] as const).map((kind) => (
        <CheckboxField
          key={kind}
          label={t(`documents.compose.${kind}`)}
          checked={include[kind]}
          onChange={(event) => onChange({ ...include, [kind]: event.target.checked })}
        />
      ))}
    </fieldset>
  );
}
