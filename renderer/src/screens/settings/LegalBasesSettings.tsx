import { Fragment, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, LegalBasis } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { useSharingLists, useSharingListsLoaded } from '../../store/sharing-lists';
import { SettingsSection } from './SettingsSection';
import { codeFromName } from './slug';
import '../../styles/sharing.css';

const FIELDS = ['code', 'label', 'criminalLaw', 'retired'] as const;

/**
 * The legal bases a fact can be received under. `criminalLaw` marks a basis whose facts are AVG
 * art. 10 data by their nature (the Wpg, the Wjsg): the regime keeps them from private parties.
 * Retired bases stay on the facts that name them.
 */
export function LegalBasesSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { legalBases, error } = useSharingListsLoaded();
  const reload = useSharingLists((state) => state.reload);
  const [editing, setEditing] = useState<LegalBasis | null>(null);
  /** What the last save said, shown where it happened: beside the changed row, or by the form that added one. */
  const [notice, setNotice] = useState<{ text: string; code: string | null } | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());

  const closeEditor = (code: string) => {
    setEditing(null);
    requestAnimationFrame(() => editButtons.current.get(code)?.focus());
  };

  return (
    <SettingsSection title={t('sharing.legalBases.title')}>
      <p className="utrecht-paragraph">{t('sharing.legalBases.lead')}</p>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      {legalBases ? (
        <div className="app-dossier-table-scroll" tabIndex={0} role="region" aria-label={t('sharing.legalBases.caption')}>
          <table className="utrecht-table utrecht-table--html-table app-sharing-table" data-testid="legal-bases-table">
            <caption className="app-visually-hidden">{t('sharing.legalBases.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('sharing.legalBases.label')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('sharing.legalBases.criminalLaw')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('sharing.legalBases.status')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  <span className="app-visually-hidden">{t('sharing.legalBases.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {legalBases.map((basis) => (
                <Fragment key={basis.code}>
                  <tr className={`utrecht-table__row${basis.retired ? ' app-sharing-retired' : ''}`}>
                    <th className="utrecht-table__cell" scope="row">
                      {basis.label}
                      <span className="app-sharing-table__sub">
                        <code>{basis.code}</code>
                      </span>
                    </th>
                    <td className="utrecht-table__cell">{basis.criminalLaw ? t('sharing.legalBases.criminalLawYes') : t('sharing.legalBases.criminalLawNo')}</td>
                    <td className="utrecht-table__cell">
                      {basis.retired ? <span className="app-badge">{t('sharing.legalBases.retiredBadge')}</span> : t('sharing.legalBases.active')}
                    </td>
                    <td className="utrecht-table__cell">
                      <Button
                        appearance="subtle"
                        ref={(element) => {
                          if (element) editButtons.current.set(basis.code, element);
                          else editButtons.current.delete(basis.code);
                        }}
                        aria-label={t('sharing.legalBases.editLabel', { label: basis.label })}
                        onClick={() => {
                          setNotice(null);
                          setEditing(basis);
                        }}
                      >
                        {t('sharing.legalBases.edit')}
                      </Button>
                    </td>
                  </tr>
                  {editing?.code === basis.code && (
                    <tr className="utrecht-table__row">
                      <td className="utrecht-table__cell app-sharing-table__editor" colSpan={4}>
                        <LegalBasisForm
                          basis={editing}
                          existing={legalBases}
                          onCancel={() => closeEditor(editing.code)}
                          onSaved={(saved, message) => {
                            setNotice({ text: message, code: saved.code });
                            void reload();
                            closeEditor(saved.code);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                  {notice?.code === basis.code && (
                    <tr className="utrecht-table__row">
                      <td className="utrecht-table__cell" colSpan={4}>
                        <Alert type="ok">{notice.text}</Alert>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        !error && <p className="utrecht-paragraph">{t('sharing.legalBases.loading')}</p>
      )}
      <LegalBasisForm
        basis={null}
        existing={legalBases ?? []}
        onSaved={(_saved, message) => {
          setNotice({ text: message, code: null });
          void reload();
        }}
      />
      {notice && notice.code === null && <Alert type="ok">{notice.text}</Alert>}
    </SettingsSection>
  );
}

interface LegalBasisFormProps {
  basis: LegalBasis | null;
  existing: readonly LegalBasis[];
  onSaved(saved: LegalBasis, message: string): void;
  onCancel?(): void;
}

function LegalBasisForm({ basis, existing, onSaved, onCancel }: LegalBasisFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [label, setLabel] = useState(basis?.label ?? '');
  const [code, setCode] = useState(basis?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(false);
  const [criminalLaw, setCriminalLaw] = useState(basis?.criminalLaw ?? false);
  const [problems, setProblems] = useState<Partial<Record<'label' | 'code', string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'retire' | null>(null);
  const adding = basis === null;

  async function save(retired: boolean, action: 'save' | 'retire') {
    if (busy) return;
    setError(null);
    const found: typeof problems = {};
    if (label.trim() === '') found.label = t('sharing.legalBases.labelRequired');
    // legal-basis.save changes a basis whose code is already stored: a new one must not take an existing code.
    const taken = adding ? existing.find((entry) => entry.code === code) : undefined;
    if (taken) found.code = t('sharing.legalBases.codeTaken', { label: taken.label });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(action);
    const result = await callCore('legal-basis.save', { code, label, criminalLaw, retired });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const saved = result.value;
    const message = adding
      ? t('sharing.legalBases.added', { label: saved.label })
      : action === 'retire'
        ? t(saved.retired ? 'sharing.legalBases.retiredDone' : 'sharing.legalBases.restoredDone', { label: saved.label })
        : t('sharing.legalBases.saved', { label: saved.label });
    if (adding) {
      setLabel('');
      setCode('');
      setCodeTouched(false);
      setCriminalLaw(false);
    }
    onSaved(saved, message);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(basis?.retired ?? false, 'save');
  };
  const title = adding ? t('sharing.legalBases.addTitle') : t('sharing.legalBases.editTitle', { label: basis.label });
  const general = fieldError.general(error, FIELDS);
  return (
    <>
      <h3 className="utrecht-heading-3">{title}</h3>
      <form className="app-form" onSubmit={submit} noValidate aria-label={title}>
        <TextField
          label={t('sharing.legalBases.label')}
          error={problems.label ?? fieldError.forField(error, 'label')}
          value={label}
          onChange={(event) => {
            setLabel(event.target.value);
            if (adding && !codeTouched) setCode(codeFromName(event.target.value));
            setProblems({});
          }}
          maxLength={200}
          autoComplete="off"
          autoFocus={!adding}
        />
        {adding && (
          <TextField
            label={t('sharing.legalBases.code')}
            description={t('sharing.legalBases.codeHint')}
            error={problems.code ?? fieldError.forField(error, 'code')}
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setCodeTouched(true);
              setProblems({});
            }}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
          />
        )}
        <CheckboxField
          label={t('sharing.legalBases.criminalLaw')}
          description={t('sharing.legalBases.criminalLawDescription')}
          checked={criminalLaw}
          onChange={(event) => setCriminalLaw(event.target.checked)}
        />
        {general && <Alert type="error">{general}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance={adding ? 'secondary' : 'primary'} busy={busy === 'save'}>
            {adding ? t('sharing.legalBases.submit') : t('sharing.legalBases.save')}
          </Button>
          {basis && (
            <Button busy={busy === 'retire'} onClick={() => void save(!basis.retired, 'retire')}>
              {basis.retired ? t('sharing.legalBases.restore') : t('sharing.legalBases.retire')}
            </Button>
          )}
          {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        </div>
      </form>
    </>
  );
}
