import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DRIEHOEK_AUDIENCE,
  PREWEEG_SECTIONS,
  type ApiError,
  type DocumentVersion,
  type OutputAudience,
  type ProtectedInclusion,
  type SectionTexts,
} from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate, formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { TlpBadge } from '../../components/Weighing';
import { DocumentCompare } from './DocumentCompare';
import { AudiencePicker } from './AudiencePicker';
import { DocumentOutput } from './DocumentOutput';
import { InclusionFields } from './DocumentsTab';
import { SharingPreview } from './SharingPreview';

/**
 * Rows for a section's textarea: its lines, a long line counted as the rows it wraps to at the
 * editor's width (about 100 characters), so that the whole text shows without an inner scroll bar
 * up to a limit.
 */
function rowsFor(text: string): number {
  const rows = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 100)), 0);
  return Math.min(30, Math.max(3, rows + 1));
}

/**
 * One document: the version shown (the latest unless the user picks an older one), its sections
 * as text fields (editable in the latest version only), saving as the next version, composing
 * again from the dossier, comparing versions, and print and export.
 */
export function DocumentEditor({ dossierId, documentId, initial }: { dossierId: number; documentId: number; initial: DocumentVersion | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const [shown, setShown] = useState<DocumentVersion | null>(initial);
  const [wanted, setWanted] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [drafts, setDrafts] = useState<Partial<SectionTexts>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'save' | 'compose' | null>(null);
  const [message, setMessage] = useState<{ type: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [include, setInclude] = useState<ProtectedInclusion>(initial?.included ?? { reporter: false, bsn: false, internalNotes: false });
  const [audience, setAudience] = useState<OutputAudience>(() =>
    initial?.audience && initial.audience.kind !== 'passphrase' ? (initial.audience as OutputAudience) : DRIEHOEK_AUDIENCE,
  );

  useEffect(() => {
    let current = true;
    void callCore('document.get', wanted === null ? { documentId } : { documentId, version: wanted }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setShown(result.value);
        setLoadError(null);
      } else setLoadError(result.error);
    });
    return () => {
      current = false;
    };
  }, [documentId, wanted]);

  if (loadError) return <Alert type="error">{errorText(loadError)}</Alert>;
  if (!shown) return <p className="utrecht-paragraph">{t('documents.loading')}</p>;

  const latest = shown.versions[0]!.version;
  const editable = shown.version.version === latest;
  const changed = PREWEEG_SECTIONS.filter((section) => drafts[section] !== undefined && drafts[section] !== shown.sections[section]);

  function show(version: DocumentVersion) {
    setShown(version);
    setWanted(null);
    setDrafts({});
    setComment('');
  }

  async function save() {
    if (!shown) return;
    if (changed.length === 0) {
      setMessage({ type: 'info', text: t('documents.editor.unchanged', { version: shown.version.version }) });
      return;
    }
    setBusy('save');
    const sections = Object.fromEntries(changed.map((section) => [section, drafts[section]!]));
    const result = await callCore('document.save', { documentId, baseVersion: shown.version.version, sections, comment: comment.trim() || undefined });
    setBusy(null);
    if (!result.ok) {
      setMessage({ type: 'error', text: errorText(result.error) });
      return;
    }
    show(result.value);
    setMessage({ type: 'ok', text: t('documents.editor.saved', { version: result.value.version.version }) });
  }

  async function composeAgain() {
    setBusy('compose');
    const result = await callCore('document.compose', { dossierId, documentId, include, audience });
    setBusy(null);
    if (!result.ok) {
      setMessage({ type: 'error', text: errorText(result.error) });
      return;
    }
    show(result.value);
    setMessage({ type: 'ok', text: t('documents.editor.saved', { version: result.value.version.version }) });
  }

  const versionOptions = shown.versions.map((version) => ({
    value: String(version.version),
    // The note saved with a version says why it was made: shown with it, where the versions are chosen.
    label: t(version.comment ? 'documents.version.optionWithNote' : 'documents.version.option', {
      version: version.version,
      date: formatDateTime(version.savedAt, language),
      name: version.savedBy,
      origin: version.origin === 'composed' ? t('documents.version.composed') : '',
      note: version.comment ?? '',
    }),
  }));

  return (
    <div className="app-document">
      <Section title={shown.document.title} className="app-document-head">
        <dl className="app-document-facts">
          <div>
            <dt>{t('documents.version.label')}</dt>
            <dd>
              <span className="app-document-concept">{t('documents.version.status')}</span> {t('documents.version.heading', { version: shown.version.version })}
            </dd>
          </div>
          <div>
            <dt>{t('documents.version.tlp')}</dt>
            <dd>
              <TlpBadge tlp={shown.tlp} />
            </dd>
          </div>
          <div>
            <dt>{t('documents.version.savedLabel')}</dt>
            <dd>{t('documents.version.savedBy', { name: shown.version.savedBy, date: formatDate(shown.version.savedAt, language) })}</dd>
          </div>
          {shown.version.comment && (
            <div>
              <dt>{t('documents.version.noteLabel')}</dt>
              <dd data-testid="version-note">{shown.version.comment}</dd>
            </div>
          )}
        </dl>
        <SelectField
          label={t('documents.version.label')}
          options={versionOptions}
          value={String(shown.version.version)}
          onChange={(event) => {
            const version = Number(event.target.value);
            setDrafts({});
            setMessage(null);
            setWanted(version === latest ? null : version);
          }}
        />
        <OmittedNotice document={shown} />
        {shown.sharing && <SharingPreview summary={shown.sharing} marking={shown.sharing.marking} />}
        {!editable && (
          <Alert type="info">
            {t('documents.version.readOnly')}{' '}
            <Button appearance="subtle" onClick={() => setWanted(null)}>
              {t('documents.version.toLatest')}
            </Button>
          </Alert>
        )}
      </Section>

      <Section title={t('documents.editor.sectionsTitle')}>
        <p className="utrecht-paragraph app-document-hint">{t('documents.editor.hint')}</p>
        {PREWEEG_SECTIONS.map((section, index) => {
          const value = drafts[section] ?? shown.sections[section];
          return (
            <TextAreaField
              key={`${shown.version.version}-${section}`}
              label={`${index + 1}. ${t(`documents.sections.${section}`)}`}
              value={value}
              rows={rowsFor(value)}
              readOnly={!editable}
              spellCheck={false}
              onChange={(event) => setDrafts((previous) => ({ ...previous, [section]: event.target.value }))}
            />
          );
        })}
        {editable && (
          <>
            <TextField label={t('documents.editor.comment')} value={comment} maxLength={500} onChange={(event) => setComment(event.target.value)} />
            {message && <Alert type={message.type}>{message.text}</Alert>}
            <div className="app-document-actions">
              <Button appearance="primary" busy={busy === 'save'} onClick={() => void save()}>
                {t('documents.editor.save')}
              </Button>
              {changed.length > 0 && <span className="app-document-unsaved">{t('documents.editor.unsaved')}</span>}
            </div>
            <details className="app-document-recompose">
              <summary>{t('documents.compose.again')}</summary>
              <p className="utrecht-paragraph">{t('documents.compose.againHint')}</p>
              <AudiencePicker value={audience} onChange={setAudience} />
              <InclusionFields include={include} onChange={setInclude} />
              <Button busy={busy === 'compose'} onClick={() => void composeAgain()}>
                {t('documents.compose.again')}
              </Button>
            </details>
          </>
        )}
      </Section>

      {shown.versions.length > 1 && <DocumentCompare documentId={documentId} versions={shown.versions.map((version) => version.version)} />}
      <DocumentOutput key={`${shown.document.id}-${shown.version.version}`} document={shown} />
    </div>
  );
}

function OmittedNotice({ document }: { document: DocumentVersion }) {
  const { t } = useTranslation();
  const omittedText = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  if (document.omitted.length === 0) {
    const anyIncluded = Object.values(document.included).some(Boolean);
    return anyIncluded ? <Alert type="warning">{t('documents.omitted.none')}</Alert> : null;
  }
  return (
    <div className="app-document-omitted" role="note" aria-label={t('documents.omitted.title')}>
      <strong>{t('documents.omitted.title')}</strong>
      <ul>
        {document.omitted.map((item) => (
          <li key={item.kind}>{omittedText(`documents.omitted.${item.kind}`, { count: item.count })}</li>
        ))}
      </ul>
    </div>
  );
}
