import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { TrashItem, TrashKind } from '../../../../shared/api/dossier-types';
import { TRASH_KINDS } from '../../../../shared/api/dossier-types';
import { MEASURE_KINDS } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFocusHeading } from '../../components/useFocusHeading';
import { callCore } from '../../core-client';
import { formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { trashSummary } from '../audit/actions';

/** The core's label of a note is the first 80 characters of its text. */
const NOTE_LABEL_LENGTH = 80;

type Message = { type: 'ok'; text: string; detail?: string } | { type: 'error'; text: string };

/** What is in the trash, with a restore per item and the (confirmed) destruction of all of it. */
export function TrashScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const { data: items, error, loading, reload } = useCoreQuery('trash.list', {});
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const language = currentLanguage();
  const captionId = useId();

  useEffect(() => {
    // The row or the dialog the user acted in is gone: the outcome takes the focus, so it is read out.
    if (message) messageRef.current?.focus();
  }, [message]);

  const label = (item: TrashItem) => {
    if (item.kind === 'measure' && (MEASURE_KINDS as readonly string[]).includes(item.label)) {
      return t(`domain.measureKind.${item.label as (typeof MEASURE_KINDS)[number]}`);
    }
    if (item.kind === 'note' && item.label.length >= NOTE_LABEL_LENGTH) return `${item.label.trimEnd()}…`;
    return item.label;
  };

  async function restore(item: TrashItem) {
    const key = `${item.kind}-${item.id}`;
    setBusyKey(key);
    const answer = await callCore('trash.restore', { kind: item.kind, id: item.id });
    setBusyKey(null);
    if (answer.ok) setMessage({ type: 'ok', text: t('trash.restored', { kind: t(`trash.kinds.${item.kind}`), label: label(item) }) });
    else setMessage({ type: 'error', text: errorText(answer.error) });
    reload();
  }

  function emptied(destroyed: Record<TrashKind, number>) {
    setConfirming(false);
    const summary = trashSummary(t, destroyed);
    setMessage({
      type: 'ok',
      text: summary ? t('trash.emptyTrash.done', { summary }) : t('trash.emptyTrash.doneNothing'),
      detail: t('trash.emptyTrash.doneAudit'),
    });
    reload();
  }

  const counts = Object.fromEntries(TRASH_KINDS.map((kind) => [kind, (items ?? []).filter((item) => item.kind === kind).length])) as Record<TrashKind, number>;

  return (
    <div className="app-trash">
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('trash.title')}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('trash.lead')}</p>

      {message && (
        <div className="app-trash__message" ref={messageRef} tabIndex={-1}>
          <Alert type={message.type}>
            <p className="utrecht-paragraph app-trash__message-text">{message.text}</p>
            {message.type === 'ok' && message.detail && <p className="utrecht-paragraph app-trash__message-text">{message.detail}</p>}
          </Alert>
        </div>
      )}

      {error && (
        <div className="app-question">
          <Alert type="error">{errorText(error)}</Alert>
          <div className="app-button-row">
            <Button onClick={reload}>{t('trash.reload')}</Button>
          </div>
        </div>
      )}

      {items === null && loading && <p className="utrecht-paragraph app-muted">{t('trash.loading')}</p>}

      {items && items.length === 0 && (
        <EmptyState>
          <h2 className="utrecht-heading-2">{t('trash.empty.title')}</h2>
          <p className="utrecht-paragraph">{t('trash.empty.body')}</p>
        </EmptyState>
      )}

      {items && items.length > 0 && (
        <>
          <div className="app-trash__toolbar">
            <p className="utrecht-paragraph app-trash__count" role="status">
              {t('trash.count', { count: items.length })}
            </p>
            <Button className="app-button--danger" onClick={() => setConfirming(true)}>
              {t('trash.emptyTrash.button')}
            </Button>
          </div>
          <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table className="utrecht-table app-trash__table">
              <caption className="app-visually-hidden" id={captionId}>
                {t('trash.tableCaption')}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('trash.columns.kind')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('trash.columns.label')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('trash.columns.deletedAt')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    <span className="app-visually-hidden">{t('trash.columns.action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {items.map((item) => {
                  const key = `${item.kind}-${item.id}`;
                  const kind = t(`trash.kinds.${item.kind}`);
                  return (
                    <tr key={key} className="utrecht-table__row" data-kind={item.kind} data-id={item.id}>
                      <td className="utrecht-table__cell app-trash__kind">{kind}</td>
                      <td className="utrecht-table__cell app-trash__label">{label(item)}</td>
                      <td className="utrecht-table__cell app-trash__when">
                        <time dateTime={item.deletedAt}>{formatDateTime(item.deletedAt, language)}</time>
                      </td>
                      <td className="utrecht-table__cell app-trash__action">
                        <Button
                          appearance="secondary"
                          aria-label={t('trash.restoreLabel', { kind, label: label(item) })}
                          busy={busyKey === key}
                          disabled={busyKey !== null && busyKey !== key}
                          onClick={() => void restore(item)}
                        >
                          {t('trash.restore')}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {confirming && <EmptyTrashDialog counts={counts} onCancel={() => setConfirming(false)} onEmptied={emptied} />}
    </div>
  );
}

interface EmptyTrashDialogProps {
  counts: Record<TrashKind, number>;
  onCancel(): void;
  onEmptied(destroyed: Record<TrashKind, number>): void;
}

/** The strong confirmation: what goes, that it cannot come back, and a tick before anything happens. */
function EmptyTrashDialog({ counts, onCancel, onEmptied }: EmptyTrashDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const checkboxId = useId();
  const errorId = useId();
  const [understood, setUnderstood] = useState(false);
  const [mustConfirm, setMustConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!understood) {
      setMustConfirm(true);
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callCore('trash.empty', {});
    setBusy(false);
    if (answer.ok) onEmptied(answer.value.destroyed);
    else setError(answer.error);
  }

  return (
    <Dialog title={t('trash.emptyTrash.title')} onClose={() => !busy && onCancel()}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <Alert type="warning">
          <p className="utrecht-paragraph app-trash__message-text">{t('trash.emptyTrash.warning')}</p>
        </Alert>
        <p className="utrecht-paragraph">{t('trash.emptyTrash.contents', { summary: trashSummary(t, counts) })}</p>
        <p className="utrecht-paragraph">{t('trash.emptyTrash.remains')}</p>
        <div className={`app-trash__confirm${mustConfirm ? ' app-trash__confirm--invalid' : ''}`}>
          <div className="app-trash__confirm-row">
            <input
              id={checkboxId}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input app-trash__checkbox"
              checked={understood}
              aria-invalid={mustConfirm || undefined}
              aria-describedby={mustConfirm ? errorId : undefined}
              onChange={(event) => {
                setUnderstood(event.target.checked);
                if (event.target.checked) setMustConfirm(false);
              }}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={checkboxId}>
              {t('trash.emptyTrash.confirm')}
            </label>
          </div>
          {mustConfirm && (
            <div className="utrecht-form-field-error-message app-trash__confirm-error" id={errorId} role="alert">
              {t('trash.emptyTrash.mustConfirm')}
            </div>
          )}
        </div>
        {error && <Alert type="error">{errorText(error)}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance="primary" className="app-button--danger-primary" busy={busy} busyLabel={t('trash.emptyTrash.busy')}>
            {t('trash.emptyTrash.submit')}
          </Button>
          <Button appearance="secondary" onClick={onCancel} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
