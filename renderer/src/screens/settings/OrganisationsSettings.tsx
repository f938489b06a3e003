import { Fragment, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Organisation } from '../../../../shared/api';
import { ORGANISATION_CATEGORIES, type OrganisationCategory } from '../../../../shared/domain/sharing';
import { ORGANISATION_CATEGORY_LABELS } from '../../../../shared/i18n/sharing';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { currentLanguage } from '../../i18n';
import { useSharingLists, useSharingListsLoaded } from '../../store/sharing-lists';
import { SettingsSection } from './SettingsSection';
import { codeFromName } from './slug';
import '../../styles/sharing.css';

const FIELDS = ['code', 'name', 'category', 'retired'] as const;

/**
 * The organisations facts come from and go to, each with the category the sharing regime weighs.
 * Nothing is deleted: an organisation that no longer takes part is retired, hidden from the pick
 * lists, and the facts and meetings that name it keep its name.
 */
export function OrganisationsSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const { organisations, error } = useSharingListsLoaded();
  const reload = useSharingLists((state) => state.reload);
  const [editing, setEditing] = useState<Organisation | null>(null);
  /** What the last save said, shown where it happened: beside the changed row, or by the form that added one. */
  const [notice, setNotice] = useState<{ text: string; code: string | null } | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());

  const closeEditor = (code: string) => {
    setEditing(null);
    requestAnimationFrame(() => editButtons.current.get(code)?.focus());
  };

  return (
    <SettingsSection title={t('sharing.organisations.title')}>
      <p className="utrecht-paragraph">{t('sharing.organisations.lead')}</p>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      {organisations ? (
        <div className="app-dossier-table-scroll" tabIndex={0} role="region" aria-label={t('sharing.organisations.caption')}>
          <table className="utrecht-table utrecht-table--html-table app-sharing-table" data-testid="organisations-table">
            <caption className="app-visually-hidden">{t('sharing.organisations.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('sharing.organisations.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('sharing.organisations.category')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('sharing.organisations.status')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  <span className="app-visually-hidden">{t('sharing.organisations.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {byCategoryAndName(organisations, language).map((organisation) => (
                <Fragment key={organisation.code}>
                  <tr className={`utrecht-table__row${organisation.retired ? ' app-sharing-retired' : ''}`}>
                    <th className="utrecht-table__cell" scope="row">
                      {organisation.name}
                      <span className="app-sharing-table__sub">
                        <code>{organisation.code}</code>
                        {!organisation.seeded && ` · ${t('sharing.organisations.own')}`}
                      </span>
                    </th>
                    <td className="utrecht-table__cell">{ORGANISATION_CATEGORY_LABELS[language][organisation.category]}</td>
                    <td className="utrecht-table__cell">
                      {organisation.retired ? <span className="app-badge">{t('sharing.organisations.retiredBadge')}</span> : t('sharing.organisations.active')}
                    </td>
                    <td className="utrecht-table__cell">
                      <Button
                        appearance="subtle"
                        ref={(element) => {
                          if (element) editButtons.current.set(organisation.code, element);
                          else editButtons.current.delete(organisation.code);
                        }}
                        aria-label={t('sharing.organisations.editLabel', { name: organisation.name })}
                        onClick={() => {
                          setNotice(null);
                          setEditing(organisation);
                        }}
                      >
                        {t('sharing.organisations.edit')}
                      </Button>
                    </td>
                  </tr>
                  {editing?.code === organisation.code && (
                    <tr className="utrecht-table__row">
                      <td className="utrecht-table__cell app-sharing-table__editor" colSpan={4}>
                        <OrganisationForm
                          organisation={editing}
                          existing={organisations}
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
                  {notice?.code === organisation.code && (
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
        !error && <p className="utrecht-paragraph">{t('sharing.organisations.loading')}</p>
      )}
      <OrganisationForm
        organisation={null}
        existing={organisations ?? []}
        onSaved={(_saved, message) => {
          setNotice({ text: message, code: null });
          void reload();
        }}
      />
      {notice && notice.code === null && <Alert type="ok">{notice.text}</Alert>}
    </SettingsSection>
  );
}

/** Departments first, then convenant partners, other public bodies and private parties; by name within each. */
function byCategoryAndName(organisations: readonly Organisation[], language: 'nl' | 'en'): Organisation[] {
  return [...organisations].sort(
    (a, b) => ORGANISATION_CATEGORIES.indexOf(a.category) - ORGANISATION_CATEGORIES.indexOf(b.category) || a.name.localeCompare(b.name, language),
  );
}

interface OrganisationFormProps {
  /** null: a new organisation. */
  organisation: Organisation | null;
  existing: readonly Organisation[];
  onSaved(saved: Organisation, message: string): void;
  onCancel?(): void;
}

function OrganisationForm({ organisation, existing, onSaved, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const language = currentLanguage();
  const [name, setName] = useState(organisation?.name ?? '');
  const [code, setCode] = useState(organisation?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(false);
  const [category, setCategory] = useState<OrganisationCategory | ''>(organisation?.category ?? '');
  const [problems, setProblems] = useState<Partial<Record<'name' | 'code' | 'category', string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'retire' | null>(null);
  const adding = organisation === null;

  async function save(retired: boolean, action: 'save' | 'retire') {
    if (busy) return;
    setError(null);
    const found: typeof problems = {};
    if (name.trim() === '') found.name = t('sharing.organisations.nameRequired');
    if (category === '') found.category = t('sharing.organisations.categoryRequired');
    // organisation.save changes an organisation whose code is already stored: a new one must not take an existing code.
    const taken = adding ? existing.find((entry) => entry.code === code) : undefined;
    if (taken) found.code = t('sharing.organisations.codeTaken', { name: taken.name });
    setProblems(found);
    if (Object.keys(found).length > 0 || category === '') return;
    setBusy(action);
    const result = await callCore('organisation.save', { code, name, category, retired });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const saved = result.value;
    const message = adding
      ? t('sharing.organisations.added', { name: saved.name })
      : action === 'retire'
        ? t(saved.retired ? 'sharing.organisations.retiredDone' : 'sharing.organisations.restoredDone', { name: saved.name })
        : t('sharing.organisations.saved', { name: saved.name });
    if (adding) {
      setName('');
      setCode('');
      setCodeTouched(false);
      setCategory('');
    }
    onSaved(saved, message);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(organisation?.retired ?? false, 'save');
  };
  const title = adding ? t('sharing.organisations.addTitle') : t('sharing.organisations.editTitle', { name: organisation.name });
  const general = fieldError.general(error, FIELDS);
  return (
    <>
      <h3 className="utrecht-heading-3">{title}</h3>
      <form className="app-form" onSubmit={submit} noValidate aria-label={title}>
        <TextField
          label={t('sharing.organisations.name')}
          error={problems.name ?? fieldError.forField(error, 'name')}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (adding && !codeTouched) setCode(codeFromName(event.target.value));
            setProblems({});
          }}
          maxLength={200}
          autoComplete="off"
          autoFocus={!adding}
        />
        {adding && (
          <TextField
            label={t('sharing.organisations.code')}
            description={t('sharing.organisations.codeHint')}
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
        <SelectField
          label={t('sharing.organisations.category')}
          error={problems.category ?? fieldError.forField(error, 'category')}
          emptyLabel={adding ? t('sharing.organisations.chooseCategory') : undefined}
          options={ORGANISATION_CATEGORIES.map((value) => ({ value, label: ORGANISATION_CATEGORY_LABELS[language][value] }))}
          value={category}
          onChange={(event) => {
            setCategory(event.target.value as OrganisationCategory | '');
            setProblems({});
          }}
        />
        {general && <Alert type="error">{general}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance={adding ? 'secondary' : 'primary'} busy={busy === 'save'}>
            {adding ? t('sharing.organisations.submit') : t('sharing.organisations.save')}
          </Button>
          {organisation && (
            <Button busy={busy === 'retire'} onClick={() => void save(!organisation.retired, 'retire')}>
              {organisation.retired ? t('sharing.organisations.restore') : t('sharing.organisations.retire')}
            </Button>
          )}
          {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        </div>
      </form>
    </>
  );
}
