import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { RetentionDefaults, RetentionItem } from '../../../../shared/api/reports';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';

type Translate = (key: string, options?: Record<string, unknown>) => string;

function useItemLabel() {
  const { t } = useTranslation();
  return (item: RetentionItem) => (item.kind === 'dossier' ? `${item.number ?? ''} ${item.title}`.trim() : t('reports.retention.signalLabel', { id: item.id }));
}

/** Bewaartermijnen: what is due, extending with a reason, destroying for good, and the defaults. */
export function RetentionView() {
  const { t: typedT } = useTranslation();
  const t = typedT as unknown as Translate;
  const errorText = useErrorText();
  const language = currentLanguage();
  const itemLabel = useItemLabel();
  const open = useNavigation((state) => state.open);
  const [showAll, setShowAll] = useState(false);
  const list = useCoreQuery('retention.list', { dueOnly: !showAll });
  const overview = useCoreQuery('retention.overview', {});
  const [extending, setExtending] = useState<RetentionItem | null>(null);
  const [destroying, setDestroying] = useState<RetentionItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const checkboxId = useId();

  const reload = () => {
    list.reload();
    overview.reload();
  };

  return (
    <>
      <p className="utrecht-paragraph">{t('reports.retention.lead')}</p>
      {overview.data && (
        <p className="utrecht-paragraph app-report__total" data-testid="overdue-count">
          {overview.data.overdue === 0 ? t('reports.retention.noneDue') : t('reports.retention.overdueCount', { count: overview.data.overdue })}
        </p>
      )}
      {notice && (
        <div role="status">
          <Alert type="ok">{notice}</Alert>
        </div>
      )}
      <div className="app-report-check">
        <input
          id={checkboxId}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={showAll}
          onChange={(event) => setShowAll(event.target.checked)}
        />
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={checkboxId}>
          {t('reports.retention.showAll')}
        </label>
      </div>
      {list.error && <Alert type="error">{errorText(list.error)}</Alert>}
      {list.data?.some((item) => item.inTrash) && <p className="utrecht-paragraph app-muted">{t('reports.retention.inTrashHint')}</p>}
      {list.data && list.data.length > 0 && (
        <div className="app-card app-report-scroll">
          <table className="utrecht-table app-report-table app-retention-table" data-testid="retention-table">
            <caption className="app-visually-hidden">{t('reports.retention.tableCaption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.retention.columns.item')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.retention.columns.basis')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.retention.columns.until')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.retention.columns.state')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('reports.retention.columns.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {list.data.map((item) => (
                <tr className="utrecht-table__row" key={`${item.kind}-${item.id}`} data-testid={`retention-${item.kind}-${item.id}`}>
                  <th className="utrecht-table__cell" scope="row">
                    {item.inTrash ? (
                      // A trashed item cannot be opened (only restored from the trash); its period runs on.
                      <span>{itemLabel(item)}</span>
                    ) : (
                      <a
                        href="#"
                        className="utrecht-link"
                        onClick={(event) => {
                          event.preventDefault();
                          open(
                            item.kind === 'dossier' ? { section: 'dossiers', view: 'dossier', dossierId: item.id } : { section: 'signals', view: 'signal', signalId: item.id },
                          );
                        }}
                      >
                        {itemLabel(item)}
                      </a>
                    )}
                    {item.kind === 'signal' && <div className="app-muted">{item.title}</div>}
                  </th>
                  <td className="utrecht-table__cell">{t(`reports.retention.basis.${item.basis}`)}</td>
                  <td className="utrecht-table__cell">
                    {formatDate(item.retentionUntil, language)}{' '}
                    <span className="app-muted">({item.explicit ? t('reports.retention.explicit') : t('reports.retention.computed')})</span>
                  </td>
                  <td className="utrecht-table__cell">
                    <div className="app-retention-state">
                      {item.overdue ? <span className="app-badge app-badge--warning">{t('reports.retention.overdue')}</span> : <span>{t('reports.retention.notDue')}</span>}
                      {item.inTrash && (
                        <span className="app-badge app-badge--trash" data-testid="retention-in-trash">
                          {t('reports.retention.inTrash')}
                        </span>
                      )}
                    </div>
                  </td>
                  <td className="utrecht-table__cell">
                    <div className="app-button-row app-retention-actions">
                      <Button appearance="secondary" onClick={() => setExtending(item)} aria-label={`${t('reports.retention.extend')}: ${itemLabel(item)}`}>
                        {t('reports.retention.extend')}
                      </Button>
                      <Button
                        appearance="secondary"
                        className="app-button--danger"
                        onClick={() => setDestroying(item)}
                        aria-label={`${t('reports.retention.destroy')}: ${itemLabel(item)}`}
                      >
                        {t('reports.retention.destroy')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RetentionDefaultsForm />
      {extending && (
        <ExtendDialog
          item={extending}
          onClose={() => setExtending(null)}
          onSaved={(saved) => {
            setExtending(null);
            setNotice(t('reports.retention.saved', { item: itemLabel(saved), date: formatDate(saved.retentionUntil, language) }));
            reload();
          }}
        />
      )}
      {destroying && (
        <DestroyDialog
          item={destroying}
          onClose={() => setDestroying(null)}
          onDestroyed={() => {
            setNotice(t('reports.retention.destroyed', { item: itemLabel(destroying) }));
            setDestroying(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function ExtendDialog({ item, onClose, onSaved }: { item: RetentionItem; onClose(): void; onSaved(item: RetentionItem): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const itemLabel = useItemLabel();
  const dates = useDateText();
  const [untilText, setUntilText] = useState(() => dates.toText(item.retentionUntil));
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // Typed as dd-mm-jjjj, like every date in the app; a retention date cannot be left empty here.
  const until = dates.parse(untilText);
  const untilProblem = !until.ok ? until.message : until.value === null ? t('reports.retention.untilRequired') : null;

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!reason.trim() || !until.ok || until.value === null) return;
    setBusy(true);
    const result = await callCore('retention.setUntil', { kind: item.kind, id: item.id, until: until.value, reason: reason.trim() });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  return (
    <Dialog title={t('reports.retention.extendTitle', { item: itemLabel(item) })} onClose={() => !busy && onClose()}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <DateField label={t('reports.retention.untilLabel')} value={untilText} onChange={setUntilText} error={attempted ? untilProblem : null} />
        <TextField
          label={t('reports.retention.reasonLabel')}
          description={t('reports.retention.reasonDescription')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={attempted && !reason.trim() ? t('reports.retention.reasonRequired') : null}
        />
        {error && <Alert type="error">{errorText(error)}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={busy}>
            {t('reports.retention.save')}
          </Button>
          <Button appearance="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function DestroyDialog({ item, onClose, onDestroyed }: { item: RetentionItem; onClose(): void; onDestroyed(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const itemLabel = useItemLabel();
  const word = item.kind === 'dossier' && item.number ? item.number : t('reports.retention.confirmWordSignal');
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const matches = typed.trim() === word;

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!matches || !reason.trim()) return;
    setBusy(true);
    const result = await callCore('retention.destroy', { kind: item.kind, id: item.id, reason: reason.trim() });
    setBusy(false);
    if (result.ok) onDestroyed();
    else setError(result.error);
  }

  return (
    <Dialog title={t('reports.retention.destroyTitle', { item: itemLabel(item) })} onClose={() => !busy && onClose()}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('reports.retention.destroyWarning')}</p>
        </Alert>
        <p className="utrecht-paragraph">{t('reports.retention.destroyRemains')}</p>
        <TextField
          label={t('reports.retention.reasonLabel')}
          description={t('reports.retention.reasonDescription')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={attempted && !reason.trim() ? t('reports.retention.reasonRequired') : null}
        />
        <TextField
          label={t('reports.retention.typeToConfirm', { word })}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
          error={attempted && !matches ? t('reports.retention.typeMismatch', { word }) : null}
        />
        {error && <Alert type="error">{errorText(error)}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance="primary" className="app-button--danger-primary" busy={busy} busyLabel={t('reports.retention.destroyBusy')}>
            {t('reports.retention.destroySubmit')}
          </Button>
          <Button appearance="secondary" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const DEFAULT_FIELDS = ['looseSignalYears', 'regulierAfgehandeldYears', 'closedDossierYears', 'openDossierYears'] as const;

function RetentionDefaultsForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const defaults = useCoreQuery('retention.defaults', {});
  return (
    <section className="app-card app-report-defaults">
      <h2 className="utrecht-heading-2">{t('reports.retention.defaultsTitle')}</h2>
      <p className="utrecht-paragraph">{t('reports.retention.defaultsLead')}</p>
      {defaults.error && <Alert type="error">{errorText(defaults.error)}</Alert>}
      {defaults.data && <DefaultsFields key={JSON.stringify(defaults.data)} initial={defaults.data} />}
    </section>
  );
}

function DefaultsFields({ initial }: { initial: RetentionDefaults }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(DEFAULT_FIELDS.map((field) => [field, String(initial[field])])));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const valid = (value: string | undefined) => /^\d{1,2}$/.test(value ?? '') && Number(value) <= 30;

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(false);
    if (!DEFAULT_FIELDS.every((field) => valid(values[field]))) return;
    setBusy(true);
    const result = await callCore('retention.updateDefaults', Object.fromEntries(DEFAULT_FIELDS.map((field) => [field, Number(values[field])])));
    setBusy(false);
    if (result.ok) setSaved(true);
    else setError(result.error);
  }

  return (
    <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
      {DEFAULT_FIELDS.map((field) => (
        <TextField
          key={field}
          label={t(`reports.retention.defaults.${field}`)}
          inputMode="numeric"
          value={values[field] ?? ''}
          onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
          error={attempted && !valid(values[field]) ? t('reports.retention.yearsInvalid') : null}
          inputClassName="app-report-years"
        />
      ))}
      {error && <Alert type="error">{errorText(error)}</Alert>}
      {saved && <Alert type="ok">{t('reports.retention.defaultsSaved')}</Alert>}
      <Button type="submit" appearance="secondary" busy={busy}>
        {t('reports.retention.defaultsSave')}
      </Button>
    </form>
  );
}
