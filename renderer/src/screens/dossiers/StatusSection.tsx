import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Dossier, StatusChange } from '../../../../shared/api';
import { CLOSED_STATUS, FINAL_DOSSIER_STATUSES, type ClosingReason, type DossierStatus } from '../../../../shared/domain/enums';
import { localIsoDate } from '../../../../shared/domain/validation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import type { CoreQuery } from '../../components/useCoreQuery';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useFormErrors } from './form-errors';

const FIELDS = ['to', 'changedOn', 'reason', 'closingReason'] as const;
type Field = (typeof FIELDS)[number];

/**
 * A status change along the transition table: the choices are the dossier's nextStatuses only.
 * What the core would refuse for want of a reason is said beside the field before asking; the
 * change itself is confirmed in a dialog, because it is kept in the history for good.
 */
export function StatusChangeForm({ dossier, onChanged }: { dossier: Dossier; onChanged(): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const options = useDomainOptions();
  const errorText = useErrorText();
  const [to, setTo] = useState<DossierStatus | ''>('');
  const dates = useDateText();
  const [changedOnText, setChangedOnText] = useState(() => dates.toText(localIsoDate(new Date())));
  /** The decision's date of the change being confirmed. */
  const [changedOn, setChangedOn] = useState('');
  const [reason, setReason] = useState('');
  const [closingReason, setClosingReason] = useState<ClosingReason | ''>('');
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<DossierStatus | null>(null);
  const errors = useFormErrors(error, FIELDS);
  const doneRef = useRef<HTMLDivElement>(null);
  const reopening = FINAL_DOSSIER_STATUSES.includes(dossier.status);

  function check(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const problems: Partial<Record<Field, string>> = {};
    if (to === '') problems.to = t('dossiers.status.chooseStatus');
    const date = dates.parse(changedOnText);
    if (!date.ok) problems.changedOn = date.message;
    else if (date.value === null) problems.changedOn = t('dossiers.status.dateRequired');
    else setChangedOn(date.value);
    if (to === CLOSED_STATUS && closingReason === '') problems.closingReason = errorText({ code: 'CLOSING_REASON_REQUIRED', message: '' });
    if (reopening && reason.trim() === '') problems.reason = errorText({ code: 'REOPEN_REASON_REQUIRED', message: '' });
    setMissing(problems);
    if (Object.keys(problems).length === 0) setConfirming(true);
  }

  async function change() {
    if (to === '') return;
    setBusy(true);
    const result = await callCore('dossier.changeStatus', {
      dossierId: dossier.id,
      to,
      changedOn,
      reason: reason.trim() || undefined,
      closingReason: to === CLOSED_STATUS && closingReason !== '' ? closingReason : undefined,
    });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(to);
    setTo('');
    setReason('');
    setClosingReason('');
    setChangedOnText(dates.toText(localIsoDate(new Date())));
    onChanged();
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  const fieldError = (field: Field) => missing[field] ?? errors.forField(field);
  const general = errors.general();
  return (
    <>
      <p className="utrecht-paragraph">
        {t('dossiers.status.current')} <strong>{t(`domain.status.${dossier.status}`)}</strong>
        {dossier.closingReason && <> ({t(`domain.closingReason.${dossier.closingReason}`)})</>}
      </p>
      {done && (
        <div ref={doneRef} tabIndex={-1} className="app-dossier-focus-target">
          <Alert type="ok">{t('dossiers.status.changed', { status: t(`domain.status.${done}`) })}</Alert>
        </div>
      )}
      <form className="app-form" onSubmit={check} noValidate aria-label={t('dossiers.status.formLabel')}>
        <SelectField
          label={t('dossiers.status.to')}
          options={options.statuses(dossier.nextStatuses)}
          emptyLabel={t('dossiers.status.chooseOption')}
          value={to}
          onChange={(event) => {
            setTo(event.target.value as DossierStatus | '');
            setMissing({});
          }}
          error={fieldError('to')}
        />
        {to === CLOSED_STATUS && (
          <SelectField
            label={t('dossiers.status.closingReason')}
            options={options.closingReasons}
            emptyLabel={t('dossiers.status.chooseOption')}
            value={closingReason}
            onChange={(event) => setClosingReason(event.target.value as ClosingReason | '')}
            error={fieldError('closingReason')}
          />
        )}
        <DateField
          label={t('dossiers.status.changedOn')}
          description={t('dossiers.status.changedOnDescription')}
          value={changedOnText}
          onChange={setChangedOnText}
          error={fieldError('changedOn')}
        />
        <TextAreaField
          label={reopening ? t('dossiers.status.reasonRequired') : t('dossiers.status.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={fieldError('reason')}
          rows={3}
        />
        {general && <Alert type="error">{general}</Alert>}
        <Button type="submit" appearance="primary">
          {t('dossiers.status.submit')}
        </Button>
      </form>
      {confirming && to !== '' && (
        <Dialog title={t('dossiers.status.confirmTitle')} onClose={() => setConfirming(false)}>
          <p className="utrecht-paragraph">
            {t('dossiers.status.confirmBody', {
              number: dossier.number,
              from: t(`domain.status.${dossier.status}`),
              to: t(`domain.status.${to}`),
              date: formatDate(changedOn, language),
            })}
          </p>
          {to === CLOSED_STATUS && closingReason !== '' && (
            <p className="utrecht-paragraph">{t('dossiers.status.confirmClosingReason', { reason: t(`domain.closingReason.${closingReason}`) })}</p>
          )}
          {reason.trim() !== '' && <p className="utrecht-paragraph app-dossier-prewrap">{t('dossiers.status.confirmReason', { reason: reason.trim() })}</p>}
          <p className="utrecht-paragraph app-muted">{t('dossiers.status.confirmPermanent')}</p>
          <div className="app-button-row">
            <Button appearance="primary" busy={busy} busyLabel={t('dossiers.status.busy')} onClick={() => void change()}>
              {t('dossiers.status.confirm')}
            </Button>
            <Button onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** Every status change, oldest first, as the history reads: dated, attributed, with its reasons. */
export function StatusHistory({ history }: { history: CoreQuery<StatusChange[]> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const errorText = useErrorText();
  if (history.error) return <Alert type="error">{errorText(history.error)}</Alert>;
  if (!history.data) return <p className="utrecht-paragraph app-muted">{t('dossiers.history.loading')}</p>;
  return (
    <div className="app-dossier-table-scroll">
      <table className="utrecht-table utrecht-table--html-table app-dossier-table" data-testid="status-history">
        <caption className="app-visually-hidden">{t('dossiers.history.title')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('dossiers.history.date')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('dossiers.history.change')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('dossiers.history.actor')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('dossiers.history.reason')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('dossiers.history.closingReason')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {history.data.map((change) => (
            <tr key={change.id} className="utrecht-table__row">
              <td className="utrecht-table__cell app-dossier-nowrap">
                <time dateTime={change.changedOn}>{formatDate(change.changedOn, language)}</time>
              </td>
              <td className="utrecht-table__cell">
                {change.fromStatus ? (
                  <>
                    {t(`domain.status.${change.fromStatus}`)} <span aria-hidden="true">→</span>
                    <span className="app-visually-hidden">{t('dossiers.history.to')}</span> <strong>{t(`domain.status.${change.toStatus}`)}</strong>
                  </>
                ) : (
                  <>
                    <strong>{t(`domain.status.${change.toStatus}`)}</strong> <span className="app-muted">{t('dossiers.history.first')}</span>
                  </>
                )}
              </td>
              <td className="utrecht-table__cell">{change.actor}</td>
              <td className="utrecht-table__cell app-dossier-prewrap">{change.reason ?? <span className="app-muted">—</span>}</td>
              <td className="utrecht-table__cell">{change.closingReason ? t(`domain.closingReason.${change.closingReason}`) : <span className="app-muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
