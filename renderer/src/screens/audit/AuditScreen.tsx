import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { AuditChainStatus, AuditItem, AuditListEntry } from '../../../../shared/api/audit';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { useErrorText } from '../../components/useErrorText';
import { useFocusHeading } from '../../components/useFocusHeading';
import { callCore } from '../../core-client';
import { formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n';
import type { Route } from '../../store/navigation';
import { RouteLink } from '../../components/RouteLink';
import { AUDIT_GROUPS, auditActionsOf, type AuditGroup } from '../../../../shared/domain/audit-actions';
import { auditSentence } from '../../../../shared/i18n/audit-sentences';
import { itemLabel } from './actions';

/** Entries per page: a screenful or two; "Oudere regels laden" fetches the next. */
const PAGE_SIZE = 100;

type Filter = 'all' | AuditGroup;

interface Trail {
  entries: AuditListEntry[];
  /** The last page was full: older entries may follow. */
  more: boolean;
}

/** The audit trail, newest first, page by page back in time, with the check of its hash chain. */
export function AuditScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const [filter, setFilter] = useState<Filter>('all');
  const [trail, setTrail] = useState<Trail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const endRef = useRef<HTMLParagraphElement>(null);
  const focusEnd = useRef(false);
  const ticket = useRef(0);

  const load = useCallback(
    async (beforeId: number | undefined, previous: AuditListEntry[]) => {
      const mine = ++ticket.current;
      setLoading(true);
      const actions = filter === 'all' ? undefined : auditActionsOf(filter);
      const answer = await callCore('audit.list', { limit: PAGE_SIZE, ...(beforeId ? { beforeId } : {}), ...(actions ? { actions } : {}) });
      if (mine !== ticket.current) return;
      setLoading(false);
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setError(null);
      setTrail({ entries: [...previous, ...answer.value], more: answer.value.length === PAGE_SIZE });
    },
    [filter],
  );

  useEffect(() => {
    setTrail(null);
    void load(undefined, []);
  }, [load, attempt]);

  useEffect(() => {
    // The "older" button is gone once the start is reached: the focus goes to the sentence that says so.
    if (focusEnd.current && trail && !trail.more) {
      focusEnd.current = false;
      endRef.current?.focus();
    }
  }, [trail]);

  function loadOlder() {
    const last = trail?.entries.at(-1);
    if (!trail || !last) return;
    focusEnd.current = true;
    void load(last.id, trail.entries);
  }

  const filterOptions = [{ value: 'all', label: t('audit.filter.all') }, ...AUDIT_GROUPS.map((group) => ({ value: group, label: t(`audit.filter.${group}`) }))];

  return (
    <div className="app-audit">
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('audit.title')}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('audit.lead')}</p>

      <ChainCheck />

      <div className="app-audit__toolbar">
        <SelectField label={t('audit.filter.label')} options={filterOptions} value={filter} onChange={(event) => setFilter(event.target.value as Filter)} />
      </div>

      {error && (
        <div className="app-question">
          <Alert type="error">{errorText(error)}</Alert>
          <div className="app-button-row">
            <Button onClick={() => setAttempt((value) => value + 1)}>{t('audit.reload')}</Button>
          </div>
        </div>
      )}

      <p className="utrecht-paragraph app-muted app-audit__summary" role="status">
        {trail === null && loading ? t('audit.loading') : trail && trail.entries.length > 0 ? t('audit.shown', { count: trail.entries.length }) : ''}
      </p>

      {trail && trail.entries.length === 0 && !loading && <p className="utrecht-paragraph">{t('audit.empty')}</p>}

      {trail && trail.entries.length > 0 && <AuditTable entries={trail.entries} />}

      {trail && trail.entries.length > 0 && (
        <div className="app-audit__more">
          {trail.more ? (
            <Button onClick={loadOlder} busy={loading} busyLabel={t('audit.loadingOlder')}>
              {t('audit.loadOlder')}
            </Button>
          ) : (
            <p className="utrecht-paragraph app-muted" ref={endRef} tabIndex={-1}>
              {filter === 'all' ? t('audit.end') : t('audit.endFiltered')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function ChainCheck() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<AuditChainStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function verify() {
    setBusy(true);
    setStatus(null);
    setError(null);
    const answer = await callCore('audit.verify', {});
    setBusy(false);
    if (answer.ok) setStatus(answer.value);
    else setError(answer.error);
  }

  return (
    <section className="app-card app-audit__chain" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('audit.chain.title')}
      </h2>
      <p className="utrecht-paragraph">{t('audit.chain.body')}</p>
      <div className="app-audit__chain-row">
        <Button appearance="secondary" onClick={() => void verify()} busy={busy} busyLabel={t('audit.chain.verifying')}>
          {t('audit.chain.verify')}
        </Button>
      </div>
      {status?.intact === true && <Alert type="ok">{t('audit.chain.intact', { count: status.entries })}</Alert>}
      {status?.intact === false && <Alert type="error">{t('audit.chain.broken', { id: status.firstBrokenId, entries: status.entries })}</Alert>}
      {error && <Alert type="error">{errorText(error)}</Alert>}
    </section>
  );
}

/** Where an item of an entry is shown, if it can still be opened. */
function routeOfItem(item: AuditItem): Route | null {
  if (!item.present) return null;
  switch (item.kind) {
    case 'dossier':
      return { section: 'dossiers', view: 'dossier', dossierId: item.id };
    case 'signal':
      return { section: 'signals', view: 'signal', signalId: item.id };
    case 'subject':
      return { section: 'dossiers', view: 'subject', subjectId: item.id };
    case 'note':
      return item.dossierId === null ? null : { section: 'dossiers', view: 'dossier', dossierId: item.dossierId, tab: 'notes' };
    case 'attachment':
      return item.dossierId === null ? null : { section: 'dossiers', view: 'dossier', dossierId: item.dossierId, tab: 'attachments' };
    case 'measure':
      return item.dossierId === null ? null : { section: 'dossiers', view: 'dossier', dossierId: item.dossierId, tab: 'measures' };
  }
}

function AuditTable({ entries }: { entries: AuditListEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="utrecht-table app-audit__table">
        <caption className="app-visually-hidden" id={captionId}>
          {t('audit.tableCaption')}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.columns.when')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.columns.who')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.columns.what')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.columns.item')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {entries.map((entry) => (
            <tr key={entry.id} className="utrecht-table__row" data-action={entry.action} data-entry-id={entry.id}>
              <td className="utrecht-table__cell app-audit__when">
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, language)}</time>
              </td>
              <td className="utrecht-table__cell app-audit__who">{entry.actor}</td>
              <td className="utrecht-table__cell app-audit__what">{auditSentence(entry, language)}</td>
              <td className="utrecht-table__cell app-audit__items">
                {entry.items.length === 0 ? (
                  <span className="app-muted">{t('audit.items.none')}</span>
                ) : (
                  <ul className="app-audit__item-list">
                    {entry.items.map((item) => (
                      <li key={`${item.key}-${item.id}`}>
                        <ItemReference entry={entry} item={item} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemReference({ entry, item }: { entry: AuditListEntry; item: AuditItem }) {
  const { t } = useTranslation();
  const label = itemLabel(t, entry, item);
  const route = routeOfItem(item);
  if (route) return <RouteLink route={route}>{label}</RouteLink>;
  return (
    <span className="app-audit__gone" title={t('audit.items.goneLabel', { item: label })}>
      {label} <span className="app-muted">({t('audit.items.gone')})</span>
    </span>
  );
}
