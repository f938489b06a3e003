import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { usePagedRows } from '../../components/usePagedRows';
import { useFieldError } from '../../components/useFieldError';
import { useFocusHeading } from '../../components/useFocusHeading';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { DossierFilters, FILTER_FIELDS } from './DossierFilters';
import { activeFilterCount, dossierListInput, useDossierListStore } from './dossier-list-store';
import { TlpBadge } from '../../components/Weighing';
import { NewDossierDialog } from './NewDossierDialog';
import { phenomenonLabel, usePhenomena } from './pickers';
import { VisibleText } from '../../components/VisibleText';
import { markInvisibleControls } from '../../../../shared/text/bidi';

/** Two lines of text; dossiers.css sizes the scroll area with the same figure. */
const LIST_ROW_HEIGHT = 56;

/** The werkbestand: every dossier, filtered and sorted, in a table that scrolls through any number of rows. */
export function DossierListScreen() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingRef = useFocusHeading();
  const open = useNavigation((state) => state.open);
  const fieldError = useFieldError();
  const filter = useDossierListStore((state) => state.filter);
  const notice = useDossierListStore((state) => state.notice);
  const setNotice = useDossierListStore((state) => state.setNotice);
  const phenomena = usePhenomena();
  const [creating, setCreating] = useState(false);
  // Back from a dossier: the table returns to where it was, the focus to the row that was opened.
  const [initialPlace] = useState(() => useDossierListStore.getState().place);
  const [focusCurrentRow] = useState(() => useDossierListStore.getState().returnToRow);
  useEffect(() => {
    useDossierListStore.setState({ returnToRow: false });
  }, []);

  const input = useMemo(() => dossierListInput(filter), [filter]);
  const rows = usePagedRows((offset, limit) => callCore('dossier.list', { ...input, offset, limit }), JSON.stringify(input));
  const filtered = activeFilterCount(filter) > 0;

  const openDossier = (dossierId: number, fromRow = false) => {
    setNotice(null);
    useDossierListStore.setState({ returnToRow: fromRow });
    open({ section: 'dossiers', view: 'dossier', dossierId, tab: 'overview' });
  };

  const columns: Column<DossierSummary>[] = [
    {
      key: 'number',
      header: t('dossiers.list.columns.number'),
      width: '5.5rem',
      render: (row) => (
        <a
          href={`#dossier-${row.id}`}
          className="utrecht-link utrecht-link--html-a app-dossier-number"
          onClick={(event) => {
            event.preventDefault();
            openDossier(row.id, true);
          }}
          aria-label={t('dossiers.list.openDossier', { number: row.number, title: row.title })}
        >
          {row.number}
        </a>
      ),
    },
    {
      key: 'title',
      header: t('dossiers.list.columns.title'),
      width: 'minmax(9rem, 2fr)',
      render: (row) => (
        <span className="app-dossier-clamp" title={markInvisibleControls(row.title)}>
          <VisibleText text={row.title} />
        </span>
      ),
    },
    {
      key: 'status',
      header: t('dossiers.list.columns.status'),
      width: 'minmax(9rem, 1.5fr)',
      render: (row) => {
        const label = t(`domain.status.${row.status}`);
        return (
          <span className="app-dossier-clamp" title={label}>
            {label}
          </span>
        );
      },
    },
    {
      key: 'priority',
      header: t('dossiers.list.columns.priority'),
      width: '4.5rem',
      render: (row) => <span className={`app-dossier-priority app-dossier-priority--${row.priority}`}>{t(`domain.priority.${row.priority}`)}</span>,
    },
    {
      key: 'phenomena',
      header: t('dossiers.list.columns.phenomena'),
      width: 'minmax(6rem, 1.2fr)',
      render: (row) => {
        const labels = row.phenomena.map((phenomenon) => phenomenonLabel(phenomenon, phenomena)).join(', ');
        return (
          <span className="app-dossier-clamp" title={labels}>
            {labels}
          </span>
        );
      },
    },
    {
      key: 'owner',
      header: t('dossiers.list.columns.owner'),
      width: 'minmax(5.5rem, 0.9fr)',
      render: (row) => (
        <span className="app-dossier-clamp" title={row.owner ?? ''}>
          {row.owner ?? '—'}
        </span>
      ),
    },
    { key: 'updated', header: t('dossiers.list.columns.updated'), width: '5.75rem', render: (row) => formatDate(row.updatedAt, language) },
    { key: 'tlp', header: t('dossiers.list.columns.tlp'), width: '8.25rem', render: (row) => <TlpBadge tlp={row.tlp} /> },
  ];

  const listError = rows.error ? fieldError.general(rows.error, FILTER_FIELDS) : null;

  return (
    <div className="app-dossiers-wide">
      <div className="app-dossier-page-title">
        <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
          {t('dossiers.title')}
        </h1>
        <Button appearance="primary" onClick={() => setCreating(true)}>
          {t('dossiers.list.newDossier')}
        </Button>
      </div>
      {notice?.kind === 'trashed' && <Alert type="ok">{t('dossiers.list.trashedNotice', { number: notice.number, title: notice.title })}</Alert>}
      {/* An empty vault has nothing to filter. */}
      {(filtered || rows.total !== 0) && <DossierFilters phenomena={phenomena} listError={rows.error} />}
      <p className="utrecht-paragraph app-dossier-count" role="status" data-testid="dossier-count">
        {rows.total === null ? t('dossiers.list.loading') : t(filtered ? 'dossiers.list.countFiltered' : 'dossiers.list.count', { count: rows.total })}
      </p>
      {listError && <Alert type="error">{listError}</Alert>}
      {rows.total === 0 ? (
        <EmptyState>
          <p className="utrecht-paragraph">{filtered ? t('dossiers.list.emptyFiltered') : t('dossiers.list.empty')}</p>
        </EmptyState>
      ) : (
        rows.total !== null && (
          <div className="app-dossier-list-table" style={{ '--app-dossier-rows': rows.total } as CSSProperties}>
            <VirtualTable
              label={t('dossiers.list.tableLabel')}
              columns={columns}
              rows={rows}
              rowKey={(row) => row.id}
              loadingText={t('dossiers.list.rowLoading')}
              rowHeight={LIST_ROW_HEIGHT}
              height="60vh"
              initialPlace={initialPlace}
              focusCurrentRow={focusCurrentRow}
              onPlaceChange={(place) => useDossierListStore.setState({ place })}
            />
          </div>
        )
      )}
      {creating && (
        <NewDossierDialog
          onClose={() => setCreating(false)}
          onCreated={(dossierId) => {
            setCreating(false);
            openDossier(dossierId);
          }}
        />
      )}
    </div>
  );
}
