import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ListedSubject, SubjectWithLinks } from '../../../../shared/api';
import type { SubjectLinkKind } from '../../../../shared/domain/enums';
import { SUBJECT_LINK_KINDS } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/SelectField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';
import { useFocusHeading } from '../../components/useFocusHeading';
import { callCore } from '../../core-client';
import { useNavigation } from '../../store/navigation';
import { MatchHints } from './MatchHints';
import { MergeDialog } from './MergeDialog';
import { Grading, TlpBadge, useInformationGradeLabel } from '../../components/Weighing';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { RouteLink } from '../../components/RouteLink';
import { LinkMetaFields, PeriodText, WeighingFields, coreFieldErrors, dossierRoute, subjectRoute } from './parts';
import { SubjectDetailsFields } from './SubjectDetailsFields';
import { SubjectPicker } from './SubjectPicker';
import {
  EMPTY_LINK_FORM,
  SUBJECT_FIELDS,
  displayValue,
  formValuesOf,
  linkInputOf,
  validateDetails,
  type FieldErrors,
  type LinkFormValues,
  type SubjectField,
  type SubjectFormValues,
  type WeighingValues,
} from './subject-form';
import { VisibleText } from '../../components/VisibleText';

type SubjectLinkRow = SubjectWithLinks['links'][number];

/**
 * One subject: its typed fields (editable), grading and handling code, the dossiers it is in with
 * role and period, its links to other subjects in both directions, and the subjects that look like
 * it, with the dossiers they are in and the offer to merge.
 */
export function SubjectScreen({ subjectId, fromDossierId }: { subjectId: number; fromDossierId?: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const open = useNavigation((state) => state.open);
  const subject = useCoreQuery('subject.get', { subjectId });
  const matches = useCoreQuery('subject.matches', { subjectId });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [merging, setMerging] = useState<number | null>(null);
  const data = subject.data;
  const fromDossier = data?.dossiers.find((link) => link.dossierId === fromDossierId)?.dossier;

  const reloadAll = () => {
    subject.reload();
    matches.reload();
  };

  return (
    <div className="app-subject-screen">
      {fromDossierId !== undefined && (
        <p className="utrecht-paragraph app-subject-screen__back">
          <RouteLink route={{ section: 'dossiers', view: 'dossier', dossierId: fromDossierId, tab: 'subjects' }}>
            {fromDossier ? t('subjects.screen.backTo', { number: fromDossier.number, title: fromDossier.title }) : t('subjects.screen.backToDossier')}
          </RouteLink>
        </p>
      )}
      {data && <p className="utrecht-pre-heading app-subject-screen__type">{t(`domain.subjectType.${data.type}`)}</p>}
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {data ? data.label : t('subjects.screen.title')}
      </h1>
      {subject.error && <Alert type="error">{errorText(subject.error)}</Alert>}
      <div role="status">{notice && <p className="utrecht-paragraph app-subject-screen__notice">{notice}</p>}</div>
      {data && (
        <>
          <Section title={t('subjects.screen.details')}>
            {editing ? (
              <SubjectEditForm
                subject={data}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  setNotice(t('subjects.screen.saved'));
                  reloadAll();
                }}
              />
            ) : (
              <>
                <SubjectDetailsList subject={data} />
                <Button appearance="secondary" onClick={() => setEditing(true)}>
                  {t('subjects.screen.edit')}
                </Button>
              </>
            )}
          </Section>

          <Section title={t('subjects.screen.dossiers')}>
            <SubjectDossiers subject={data} />
          </Section>

          <Section title={t('subjects.screen.links')}>
            <SubjectLinks
              subject={data}
              fromDossierId={fromDossierId}
              onChanged={(text) => {
                setNotice(text);
                subject.reload();
              }}
            />
          </Section>

          <Section title={t('subjects.screen.lookalikes')}>
            {matches.error && <Alert type="error">{errorText(matches.error)}</Alert>}
            {matches.data && matches.data.lookalikes.length === 0 && <p className="utrecht-paragraph app-muted">{t('subjects.screen.noLookalikes')}</p>}
            {matches.data && matches.data.lookalikes.length > 0 && (
              <>
                <p className="utrecht-paragraph">{t('subjects.screen.lookalikesIntro')}</p>
                <MatchHints
                  ownLabel={data.label}
                  matches={{ ...matches.data, dossiers: matches.data.dossiers.filter((entry) => entry.subjectId !== subjectId) }}
                  fromDossierId={fromDossierId}
                  onMerge={setMerging}
                />
              </>
            )}
          </Section>
        </>
      )}
      {merging !== null && data && (
        <MergeDialog
          subjectIds={merging < subjectId ? [merging, subjectId] : [subjectId, merging]}
          onClose={() => setMerging(null)}
          onMerged={(result, mergedId) => {
            setMerging(null);
            if (mergedId === subjectId) {
              // This record is gone: show the one that holds its links now.
              open(subjectRoute(result.subject.id, fromDossierId));
              return;
            }
            const mergedLabel = matches.data?.lookalikes.find((lookalike) => lookalike.subject.id === mergedId)?.subject.label ?? t('subjects.merge.theOther');
            setNotice(t('subjects.screen.mergedInto', { merged: mergedLabel }));
            reloadAll();
          }}
        />
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="app-card app-subject-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function SubjectDetailsList({ subject }: { subject: SubjectWithLinks }) {
  const { t } = useTranslation();
  const informationGradeText = useInformationGradeLabel();
  const fields = SUBJECT_FIELDS[subject.type] as readonly SubjectField[];
  return (
    <dl className="app-subject-details">
      {fields.map((field) => {
        const raw = (subject.details as Record<string, unknown>)[field];
        const empty = raw === null || raw === undefined || raw === '';
        return (
          <div key={field} className="app-subject-details__item">
            <dt>{t(`subjects.fields.${subject.type}.${field}` as 'subjects.fields.person.name')}</dt>
            <dd className={empty ? 'app-muted' : undefined}>
              {empty ? t('subjects.empty') : field === 'legalForm' ? t(`domain.legalForm.${raw as 'bv'}`) : displayValue(field, raw)}
            </dd>
          </div>
        );
      })}
      <div className="app-subject-details__item">
        <dt>{t('subjects.columns.grading')}</dt>
        <dd>
          <Grading sourceGrade={subject.sourceGrade} informationGrade={subject.informationGrade} />{' '}
          <span className="app-muted">
            ({t(`domain.sourceGrade.${subject.sourceGrade}`)}; {informationGradeText(subject.informationGrade)})
          </span>
        </dd>
      </div>
      <div className="app-subject-details__item">
        <dt>{t('subjects.weighing.tlp')}</dt>
        <dd>
          <TlpBadge tlp={subject.tlp} />
        </dd>
      </div>
    </dl>
  );
}

function SubjectEditForm({ subject, onCancel, onSaved }: { subject: SubjectWithLinks; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [values, setValues] = useState<SubjectFormValues>(() => formValuesOf(subject.details));
  const [weighing, setWeighing] = useState<WeighingValues>({ sourceGrade: subject.sourceGrade, informationGrade: subject.informationGrade, tlp: subject.tlp });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [coreError, setCoreError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCoreError(null);
    const validated = validateDetails(subject.type, values);
    setErrors(validated.errors);
    if (!validated.input) return;
    setBusy(true);
    const answer = await callCore('subject.update', { subjectId: subject.id, details: validated.input, ...weighing });
    setBusy(false);
    if (answer.ok) onSaved();
    else {
      setCoreError(answer.error);
      setErrors(coreFieldErrors(answer.error));
    }
  }

  const shown = (SUBJECT_FIELDS[subject.type] as readonly string[]).map((field) => `details.${field}`);
  const general = Object.keys(coreFieldErrors(coreError)).length === 0 ? fieldError.general(coreError, shown) : null;
  return (
    <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
      {Object.keys(errors).length > 0 && <ErrorSummary title={t('subjects.add.fixFields')} refusal={errors} headingLevel={3} />}
      <SubjectDetailsFields type={subject.type} values={values} errors={errors} onChange={setValues} />
      <WeighingFields values={weighing} onChange={setWeighing} />
      {general && <Alert type="error">{general}</Alert>}
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy} busyLabel={t('subjects.screen.saving')}>
          {t('subjects.screen.save')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function SubjectDossiers({ subject }: { subject: SubjectWithLinks }) {
  const { t } = useTranslation();
  if (subject.dossiers.length === 0) return <p className="utrecht-paragraph app-muted">{t('subjects.screen.noDossiers')}</p>;
  return (
    <div className="utrecht-table-container">
      <table className="utrecht-table utrecht-table--html-table">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.columns.dossier')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.columns.role')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.columns.period')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.columns.source')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.columns.grading')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {subject.dossiers.map((link) => (
            <tr key={link.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <RouteLink route={dossierRoute(link.dossierId)}>
                  {link.dossier.number} <VisibleText text={link.dossier.title} />
                </RouteLink>
                <br />
                <span className="app-muted">{t(`domain.status.${link.dossier.status}`)}</span>
              </td>
              <td className="utrecht-table__cell">{t(`domain.role.${link.role}`)}</td>
              <td className="utrecht-table__cell app-subjects__nowrap">
                <PeriodText validFrom={link.validFrom} validUntil={link.validUntil} />
              </td>
              <td className="utrecht-table__cell">
                {link.source ?? <span className="app-muted">{t('subjects.period.none')}</span>}
                <ProvenanceLine provenance={link.provenance} />
              </td>
              <td className="utrecht-table__cell app-subjects__nowrap">
                <Grading sourceGrade={link.sourceGrade} informationGrade={link.informationGrade} /> <TlpBadge tlp={link.tlp} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Jan Testpersoon is bestuurder van Voorbeeld Handel B.V.": the link as a sentence, the other end a link. */
export function LinkSentence({ subject, link, fromDossierId }: { subject: { label: string }; link: SubjectLinkRow; fromDossierId?: number }) {
  const { t } = useTranslation();
  const other = <RouteLink route={subjectRoute(link.other.id, fromDossierId)}>{link.other.label}</RouteLink>;
  const kind = t(`domain.linkKind.${link.kind}`);
  return link.direction === 'outgoing' ? (
    <>
      <span>{subject.label}</span> {kind} {other}
    </>
  ) : (
    <>
      {other} {kind} <span>{subject.label}</span>
    </>
  );
}

function SubjectLinks({ subject, fromDossierId, onChanged }: { subject: SubjectWithLinks; fromDossierId?: number; onChanged(notice: string): void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<SubjectLinkRow | null>(null);
  return (
    <>
      {subject.links.length === 0 ? (
        <p className="utrecht-paragraph app-muted">{t('subjects.screen.noLinks')}</p>
      ) : (
        <ul className="app-subject-links">
          {subject.links.map((link) => (
            <li key={link.id} className="app-subject-links__item">
              <span className="app-subject-links__sentence">
                <LinkSentence subject={subject} link={link} fromDossierId={fromDossierId} />
              </span>
              <span className="app-subject-links__meta">
                {(link.validFrom || link.validUntil) && (
                  <>
                    <PeriodText validFrom={link.validFrom} validUntil={link.validUntil} /> ·{' '}
                  </>
                )}
                {link.source && <>{link.source} · </>}
                <Grading sourceGrade={link.sourceGrade} informationGrade={link.informationGrade} /> <TlpBadge tlp={link.tlp} />
                <ProvenanceLine provenance={link.provenance} />
              </span>
              <Button
                appearance="subtle"
                aria-label={t('subjects.screen.removeLinkLabel', { kind: t(`domain.linkKind.${link.kind}`), label: link.other.label })}
                onClick={() => setRemoving(link)}
              >
                {t('subjects.screen.removeLink')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <AddLinkForm
          subject={subject}
          onCancel={() => setAdding(false)}
          onAdded={(text) => {
            setAdding(false);
            onChanged(text);
          }}
        />
      ) : (
        <Button appearance="secondary" onClick={() => setAdding(true)}>
          {t('subjects.screen.addLink')}
        </Button>
      )}
      {removing && (
        <RemoveLinkDialog
          subject={subject}
          link={removing}
          onClose={() => setRemoving(null)}
          onDone={() => {
            setRemoving(null);
            onChanged(t('subjects.screen.linkRemoved'));
          }}
        />
      )}
    </>
  );
}

function RemoveLinkDialog({ subject, link, onClose, onDone }: { subject: SubjectWithLinks; link: SubjectLinkRow; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [from, to] = link.direction === 'outgoing' ? [subject.label, link.other.label] : [link.other.label, subject.label];
  return (
    <ConfirmDialog
      title={t('subjects.screen.removeLinkTitle')}
      confirmLabel={t('subjects.screen.removeLink')}
      onConfirm={() => callCore('subject.unlink', { linkId: link.id })}
      onDone={onDone}
      onClose={onClose}
    >
      <p className="utrecht-paragraph">{t('subjects.screen.removeLinkBody', { from, kind: t(`domain.linkKind.${link.kind}`), to })}</p>
    </ConfirmDialog>
  );
}

function AddLinkForm({ subject, onCancel, onAdded }: { subject: SubjectWithLinks; onCancel(): void; onAdded(notice: string): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading<HTMLHeadingElement>();
  const directionName = useId();
  const [picked, setPicked] = useState<ListedSubject | null>(null);
  const [kind, setKind] = useState<SubjectLinkKind>('associated_with');
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('outgoing');
  const [meta, setMeta] = useState<LinkFormValues>(EMPTY_LINK_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pickMissing, setPickMissing] = useState(false);
  const [coreError, setCoreError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busyRef.current) return;
    setCoreError(null);
    const parts = linkInputOf(meta);
    setErrors(parts.errors);
    setPickMissing(!picked);
    if (!picked || Object.keys(parts.errors).length > 0) return;
    const [fromSubjectId, toSubjectId] = direction === 'outgoing' ? [subject.id, picked.id] : [picked.id, subject.id];
    busyRef.current = true;
    setBusy(true);
    const answer = await callCore('subject.link', { fromSubjectId, toSubjectId, kind, ...parts.input });
    busyRef.current = false;
    setBusy(false);
    if (!answer.ok) {
      setCoreError(answer.error);
      setErrors(coreFieldErrors(answer.error));
      return;
    }
    const [from, to] = direction === 'outgoing' ? [subject.label, picked.label] : [picked.label, subject.label];
    onAdded(t('subjects.screen.linkAdded', { from, kind: t(`domain.linkKind.${kind}`), to }));
  }

  const otherLabel = picked?.label ?? t('subjects.screen.otherSubject');
  return (
    <div className="app-subject-add-link">
      <h3 className="utrecht-heading-3" ref={headingRef} tabIndex={-1}>
        {t('subjects.screen.addLink')}
      </h3>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <SubjectPicker
          picked={picked}
          onPick={setPicked}
          excludeIds={[subject.id]}
          label={t('subjects.screen.otherLabel')}
          error={pickMissing ? t('subjects.add.pickRequired') : null}
        />
        <SelectField
          label={t('subjects.screen.kind')}
          value={kind}
          options={SUBJECT_LINK_KINDS.map((option) => ({ value: option, label: t(`domain.linkKind.${option}`) }))}
          onChange={(event) => setKind(event.target.value as SubjectLinkKind)}
        />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subjects.screen.direction')}</legend>
          {(['outgoing', 'incoming'] as const).map((option) => {
            const [from, to] = option === 'outgoing' ? [subject.label, otherLabel] : [otherLabel, subject.label];
            return (
              <div key={option} className="utrecht-form-field utrecht-form-field--radio app-radio-field">
                <input
                  type="radio"
                  id={`${directionName}-${option}`}
                  name={directionName}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  checked={direction === option}
                  onChange={() => setDirection(option)}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${directionName}-${option}`}>
                  {from} {t(`domain.linkKind.${kind}`)} {to}
                </label>
              </div>
            );
          })}
        </fieldset>
        <LinkMetaFields values={meta} errors={errors} onChange={setMeta} />
        {coreError && Object.keys(coreFieldErrors(coreError)).length === 0 && <Alert type="error">{errorText(coreError)}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={busy}>
            {t('subjects.screen.saveLink')}
          </Button>
          <Button appearance="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
