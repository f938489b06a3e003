import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Note } from '../../../../shared/api';
import { DEFAULT_TLP, PARTNERS, UNGRADED, type InformationGrade, type Partner, type SourceGrade, type TlpCode } from '../../../../shared/domain/enums';
import { defaultProvenance, type Provenance } from '../../../../shared/domain/sharing';
import { localIsoDate } from '../../../../shared/domain/validation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { DateField, useDateText } from '../../components/DateField';
import { newFactProvenance, ProvenanceFields, provenanceInput } from '../../components/ProvenanceFields';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useSharingLists } from '../../store/sharing-lists';
import { useFormErrors } from './form-errors';
import { Grading, TlpBadge } from '../../components/Weighing';
import { InternalMark } from './InternalMark';
import type { DossierTabProps } from './tab-props';
import { useLoadMore } from './useLoadMore';

const PAGE_SIZE = 20;

/** The dossier's journal, newest first, and a form to add to it. */
export function NotesTab({ dossier, onDossierChanged }: DossierTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const notes = useLoadMore((offset, limit) => callCore('note.list', { dossierId: dossier.id, offset, limit }), String(dossier.id), PAGE_SIZE);

  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => addButtonRef.current?.focus());
  };

  return (
    <Section
      title={t('dossiers.notes.title')}
      actions={
        !adding && (
          <Button
            ref={addButtonRef}
            appearance="primary"
            onClick={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('dossiers.notes.add')}
          </Button>
        )
      }
    >
      {adding && (
        <NoteForm
          dossierId={dossier.id}
          onCancel={closeForm}
          onAdded={() => {
            setAdded(true);
            closeForm();
            notes.reload();
            onDossierChanged();
          }}
        />
      )}
      {added && <Alert type="ok">{t('dossiers.notes.added')}</Alert>}
      <p className="utrecht-paragraph app-muted" role="status">
        {notes.total === null ? t('dossiers.notes.loading') : t('dossiers.notes.count', { count: notes.total })}
      </p>
      {notes.error && <Alert type="error">{errorText(notes.error)}</Alert>}
      {notes.items.length > 0 && (
        <ol className="app-dossier-notes" aria-label={t('dossiers.notes.listLabel', { number: dossier.number })}>
          {notes.items.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ol>
      )}
      {notes.hasMore && (
        <Button onClick={notes.loadMore} busy={notes.loading} busyLabel={t('dossiers.loadingMore')}>
          {t('dossiers.loadMore')}
        </Button>
      )}
    </Section>
  );
}

function NoteItem({ note }: { note: Note }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className={`app-dossier-note${note.internal ? ' app-dossier-note--internal' : ''}`}>
      <article aria-label={t('dossiers.notes.itemLabel', { date: formatDate(note.notedOn, language), author: note.author })}>
        <header className="app-dossier-note__header">
          <time className="app-dossier-note__date" dateTime={note.notedOn}>
            {formatDate(note.notedOn, language)}
          </time>
          <span className="app-dossier-note__author">{note.author}</span>
          {note.partner && <span className="app-dossier-note__partner">{t('dossiers.notes.fromPartner', { partner: t(`domain.partner.${note.partner}`) })}</span>}
          <span className="app-dossier-note__marks">
            <Grading sourceGrade={note.sourceGrade} informationGrade={note.informationGrade} />
            <TlpBadge tlp={note.tlp} />
            {note.internal && <InternalMark />}
          </span>
        </header>
        <ProvenanceLine provenance={note.provenance} />
        <p className="utrecht-paragraph app-dossier-note__body app-dossier-prewrap">{note.body}</p>
      </article>
    </li>
  );
}

const NOTE_FIELDS = [
  'body',
  'notedOn',
  'partner',
  'sourceGrade',
  'informationGrade',
  'tlp',
  'internal',
  'provenance.originator',
  'provenance.receivedUnder',
  'provenance.restriction',
] as const;

/** The older `partner` of a note (still read by existing views and prints): the supplier, when it is one of the fixed partners. */
const partnerOf = (originator: string | null): Partner | null => ((PARTNERS as readonly string[]).includes(originator ?? '') ? (originator as Partner) : null);

function NoteForm({ dossierId, onAdded, onCancel }: { dossierId: number; onAdded(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const options = useDomainOptions();
  const [body, setBody] = useState('');
  const dates = useDateText();
  const [notedOn, setNotedOn] = useState(() => dates.toText(localIsoDate(new Date())));
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [partner, setPartner] = useState<Partner | ''>('');
  const [provenance, setProvenance] = useState<Provenance>(newFactProvenance);
  const organisations = useSharingLists((state) => state.organisations);
  const [sourceGrade, setSourceGrade] = useState<SourceGrade>(UNGRADED.sourceGrade);
  const [informationGrade, setInformationGrade] = useState<InformationGrade>(UNGRADED.informationGrade);
  const [tlp, setTlp] = useState<TlpCode>(DEFAULT_TLP);
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errors = useFormErrors(error, NOTE_FIELDS);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const date = dates.parse(notedOn);
    setDateProblem(date.ok ? (date.value === null ? t('dossiers.date.required') : null) : date.message);
    if (!date.ok || date.value === null) return;
    setBusy(true);
    const result = await callCore('note.add', {
      dossierId,
      body,
      notedOn: date.value,
      partner: partner === '' ? null : partner,
      provenance: provenanceInput(provenance),
      sourceGrade,
      informationGrade,
      tlp,
      internal,
    });
    setBusy(false);
    if (result.ok) onAdded();
    else setError(result.error);
  }

  const general = errors.general();
  return (
    <form className="app-form app-dossier-inline-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('dossiers.notes.formLabel')}>
      <TextAreaField
        label={t('dossiers.notes.body')}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setError(null);
        }}
        error={errors.forField('body')}
        rows={5}
        autoFocus
      />
      <div className="app-dossier-form-row">
        <DateField
          label={t('dossiers.notes.notedOn')}
          value={notedOn}
          onChange={(text) => {
            setNotedOn(text);
            setDateProblem(null);
          }}
          error={dateProblem ?? errors.forField('notedOn')}
        />
        <SelectField
          label={t('dossiers.notes.partner')}
          description={t('dossiers.notes.partnerDescription')}
          options={options.partners}
          emptyLabel={t('dossiers.notes.noPartner')}
          value={partner}
          onChange={(event) => {
            const chosen = event.target.value as Partner | '';
            setPartner(chosen);
            // The partner is who supplied the note: the provenance follows, with that supplier's defaults.
            if (chosen !== '') setProvenance(defaultProvenance(chosen, organisations?.find((organisation) => organisation.code === chosen)?.category ?? null));
          }}
          error={errors.forField('partner')}
        />
      </div>
      <ProvenanceFields
        value={provenance}
        onChange={(next) => {
          setProvenance(next);
          // The older partner field follows the supplier, so that the views that read it keep working.
          if (next.originator !== provenance.originator) setPartner(partnerOf(next.originator) ?? '');
          setError(null);
        }}
        errorFor={(field) => errors.forField(`provenance.${field}`)}
      />
      <div className="app-dossier-form-row">
        <SelectField
          label={t('dossiers.grading.source')}
          options={options.sourceGrades}
          value={sourceGrade}
          onChange={(event) => setSourceGrade(event.target.value as SourceGrade)}
          error={errors.forField('sourceGrade')}
        />
        <SelectField
          label={t('dossiers.grading.information')}
          options={options.informationGrades}
          value={String(informationGrade)}
          onChange={(event) => setInformationGrade(Number(event.target.value) as InformationGrade)}
          error={errors.forField('informationGrade')}
        />
      </div>
      <SelectField
        label={t('dossiers.fields.tlp')}
        options={options.tlpCodes}
        value={tlp}
        onChange={(event) => setTlp(event.target.value as TlpCode)}
        error={errors.forField('tlp')}
      />
      <CheckboxField
        label={t('dossiers.notes.internalLabel')}
        description={t('dossiers.notes.internalDescription')}
        checked={internal}
        onChange={(event) => setInternal(event.target.checked)}
      />
      {general && <Alert type="error">{general}</Alert>}
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy} busyLabel={t('dossiers.notes.busy')}>
          {t('dossiers.notes.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
