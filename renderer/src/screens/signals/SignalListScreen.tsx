import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { Phenomenon, SignalSummary } from '../../../../shared/api/dossier-types';
import { HOW_RECEIVED, TLP_CODES, type HowReceived, type TlpCode } from '../../../../shared/domain/enums';
import { parseDutchDate, type ValidationCode } from '../../../../shared/domain/validation';
import { validationMessages } from '../../../../shared/i18n/validation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SelectField } from '../../components/SelectField';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { usePagedRows } from '../../components/usePagedRows';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useFieldError } from '../../components/useFieldError';
import { useFocusHeading } from '../../components/useFocusHeading';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import type { Language } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { PhenomenonSelect } from './PhenomenonSelect';
import { phenomenonPath } from './phenomena';
import { hasActiveFilters, SIGNAL_SORT_OPTIONS, signalListInput, useSignalList, type InDossierFilter, type SignalListFilters, type SignalSort } from './signal-list-store';
import { Grading, TlpBadge } from '../../components/Weighing';
import { useFormatDate } from './weighing';
import { phenomenonName } from '../../format/phenomenon';
import { VisibleText } from '../../components/VisibleText';
import { markInvisibleControls } from '../../../../shared/text/bidi';

/**
 * All signals, filtered and sorted, in a virtual table: only the rows in view are in the page,
 * their pages fetched as they scroll in, so a hundred thousand signals scroll as smoothly as forty.
 */
export function SignalListScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const open = useNavigation((state) => state.open);
  const filters = useSignalList((state) => state.filters);
  const notice = useSignalList((state) => state.notice);
  const setNotice = useSignalList((state) => state.setNotice);
  const phenomena = useCoreQuery('phenomenon.list', {});
  const formatDay = useFormatDate();
  const setFilters = useSignalList((state) => state.setFilters);
  const sortId = useId();

  // A notice is shown once: the next visit to the list starts without it.
  const [shownNotice] = useState(notice);
  useEffect(() => {
    if (notice) setNotice(null);
  }, [notice, setNotice]);

  const input = useMemo(() => signalListInput(filters), [filters]);
  const filterKey = JSON.stringify(input);
  const fetchPage = useCallback((offset: number, limit: number) => callCore('signal.list', { ...input, offset, limit }), [input]);
  const rows = usePagedRows<SignalSummary>(fetchPage, filterKey);
  // As tall as its rows, up to what the window leaves below the filters (at least 18rem). Set as a
  // height, not a max-height: the scroll box is `contain: strict`, so its content cannot size it.
  const tableHeight = `min(${(rows.total ?? 0) * ROW_HEIGHT}px, max(18rem, calc(100vh - 32rem)))`;

  // Back from a signal: the table returns to where it was, the focus to the row that was opened.
  const [initialPlace] = useState(() => useSignalList.getState().place);
  const [focusCurrentRow] = useState(() => useSignalList.getState().returnToRow);
  useEffect(() => {
    useSignalList.setState({ returnToRow: false });
  }, []);

  const openSignal = (signalId: number) => {
    useSignalList.setState({ returnToRow: true });
    open({ section: 'signals', view: 'signal', signalId });
  };

  const columns: Column<SignalSummary>[] = [
    { key: 'receivedOn', header: t('signals.list.columns.receivedOn'), width: '6rem', render: (signal) => formatDay(signal.receivedOn) },
    {
      key: 'summary',
      header: t('signals.list.columns.summary'),
      width: 'minmax(10rem, 2fr)',
      render: (signal) => (
        <a
          href={`#signal-${signal.id}`}
          className="utrecht-link utrecht-link--html-a signals-list__open"
          title={markInvisibleControls(signal.summary)}
          onClick={(event) => {
            event.preventDefault();
            openSignal(signal.id);
          }}
        >
          <VisibleText text={signal.summary} />
        </a>
      ),
    },
    {
      key: 'phenomenon',
      header: t('signals.list.columns.phenomenon'),
      width: 'minmax(7rem, 1fr)',
      render: (signal) =>
        signal.phenomenon ? (
          <span title={phenomenonPath(signal.phenomenon, phenomena.data)}>{phenomenonName(signal.phenomenon)}</span>
        ) : (
          <span className="app-muted">{t('signals.list.noPhenomenon')}</span>
        ),
    },
    { key: 'howReceived', header: t('signals.list.columns.howReceived'), width: '6.5rem', render: (signal) => t(`domain.howReceived.${signal.howReceived}`) },
    {
      key: 'dossier',
      header: t('signals.list.columns.dossier'),
      width: '6rem',
      render: (signal) => (signal.dossier ? <span title={signal.dossier.title}>{signal.dossier.number}</span> : <span className="app-muted">{t('signals.list.loose')}</span>),
    },
    {
      key: 'grading',
      header: t('signals.list.columns.grading'),
      width: '5.75rem',
      render: (signal) => <Grading sourceGrade={signal.sourceGrade} informationGrade={signal.informationGrade} />,
    },
    { key: 'tlp', header: t('signals.list.columns.tlp'), width: '7.25rem', render: (signal) => <TlpBadge tlp={signal.tlp} short /> },
  ];

  const filtered = hasActiveFilters(filters);
  // An empty vault: nothing to filter or sort, only the way to the first signal.
  const nothingYet = rows.total === 0 && !filtered;

  return (
    <div className="signals-list" style={{ '--signals-table-height': tableHeight } as CSSProperties}>
      <div className="signals-list__top">
        <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
          {t('signals.title')}
        </h1>
        <Button appearance="primary" onClick={() => open({ section: 'signals', view: 'intake' })}>
          {t('signals.list.newSignal')}
        </Button>
      </div>
      {shownNotice && <Alert type="ok">{shownNotice}</Alert>}
      {!nothingYet && <SignalFilters phenomena={phenomena.data ?? []} listError={rows.error} />}
      <div className={`signals-list__toolbar${nothingYet ? ' signals-list__toolbar--empty' : ''}`}>
        <p className="utrecht-paragraph signals-list__count" role="status">
          {rows.total === null ? t('signals.list.counting') : t('signals.list.count', { count: rows.total })}
        </p>
        <div className="signals-list__sort">
          <label className="utrecht-form-label" htmlFor={sortId}>
            {t('signals.list.sort')}
          </label>
          <select
            id={sortId}
            className="utrecht-select utrecht-select--html-select"
            value={filters.sort}
            onChange={(event) => setFilters({ sort: event.target.value as SignalSort })}
          >
            {SIGNAL_SORT_OPTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`signals.list.sortOptions.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {rows.error && !isDateRangeError(rows.error.details?.field) && <ListError error={rows.error} />}
      {rows.total === 0 ? (
        <EmptyState>
          {filtered ? (
            <p className="utrecht-paragraph">{t('signals.list.noMatches')}</p>
          ) : (
            <>
              <h2 className="utrecht-heading-2">{t('signals.list.emptyTitle')}</h2>
              <p className="utrecht-paragraph">{t('signals.list.emptyBody')}</p>
            </>
          )}
        </EmptyState>
      ) : (
        // In a narrow window the table scrolls sideways inside its frame; the page itself reflows.
        <div className="signals-list__table">
          <VirtualTable
            label={t('signals.list.tableLabel')}
            columns={columns}
            rows={rows}
            rowKey={(signal) => signal.id}
            loadingText={t('signals.list.loadingRow')}
            rowHeight={ROW_HEIGHT}
            initialPlace={initialPlace}
            focusCurrentRow={focusCurrentRow}
            onPlaceChange={(place) => useSignalList.setState({ place })}
          />
        </div>
      )}
    </div>
  );
}

function isDateRangeError(field: unknown): boolean {
  return field === 'receivedFrom' || field === 'receivedUntil';
}

function ListError({ error }: { error: ApiError }) {
  const fieldError = useFieldError();
  return <Alert type="error">{fieldError.general(error, [])}</Alert>;
}

const PHENOMENON_ANY = '';
const ROW_HEIGHT = 44;

/**
 * The filters apply as they change: a choice at once, a date when the user leaves the field or
 * presses Enter (a half-typed date would otherwise empty the list on every key).
 */
function SignalFilters({ phenomena, listError }: { phenomena: readonly Phenomenon[]; listError: ApiError | null }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'nl';
  const fieldError = useFieldError();
  const filters = useSignalList((state) => state.filters);
  const setFilters = useSignalList((state) => state.setFilters);
  const clearFilters = useSignalList((state) => state.clearFilters);
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const shown = (iso: string | null) => (iso ? formatDate(iso, language) : '');
  const [fromText, setFromText] = useState(shown(filters.receivedFrom));
  const [untilText, setUntilText] = useState(shown(filters.receivedUntil));
  const [dateErrors, setDateErrors] = useState<Partial<Record<'receivedFrom' | 'receivedUntil', ValidationCode>>>({});
  const [areaText, setAreaText] = useState(filters.postcodeArea ?? '');
  const [areaInvalid, setAreaInvalid] = useState(false);

  // Cleared elsewhere ("Filters wissen"): the typed dates follow.
  useEffect(() => {
    if (filters.receivedFrom === null) setFromText('');
    if (filters.receivedUntil === null) setUntilText('');
    if (filters.postcodeArea === null) setAreaText('');
  }, [filters.receivedFrom, filters.receivedUntil, filters.postcodeArea]);

  /** Like a date: applied when the user leaves the field or presses Enter, not on every digit. */
  function applyArea(text: string) {
    const area = text.trim();
    const valid = area === '' || /^[1-9]\d{3}$/.test(area);
    setAreaInvalid(!valid);
    if (!valid) return;
    const value = area === '' ? null : area;
    if (filters.postcodeArea !== value) setFilters({ postcodeArea: value });
  }

  function applyDate(field: 'receivedFrom' | 'receivedUntil', text: string) {
    if (text.trim() === '') {
      setDateErrors((current) => ({ ...current, [field]: undefined }));
      if (filters[field] !== null) setFilters({ [field]: null });
      return;
    }
    const parsed = parseDutchDate(text);
    if (!parsed.ok) {
      setDateErrors((current) => ({ ...current, [field]: parsed.reason }));
      return;
    }
    setDateErrors((current) => ({ ...current, [field]: undefined }));
    if (filters[field] !== parsed.value) setFilters({ [field]: parsed.value });
  }

  const applyOnEnter = (field: 'receivedFrom' | 'receivedUntil', text: string) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      applyDate(field, text);
    }
  };

  const dateError = (field: 'receivedFrom' | 'receivedUntil') => {
    const local = dateErrors[field];
    return local ? validationMessages[language][local] : fieldError.forField(listError, field);
  };

  const update = (changes: Partial<SignalListFilters>) => setFilters(changes);

  return (
    <section className="signals-filters" aria-labelledby={headingId} ref={sectionRef}>
      <div className="signals-filters__head">
        <h2 className="utrecht-heading-3 signals-filters__title" id={headingId}>
          {t('signals.list.filtersTitle')}
        </h2>
        {hasActiveFilters(filters) && (
          <Button
            appearance="subtle"
            className="signals-filters__clear"
            onClick={() => {
              setDateErrors({});
              setAreaInvalid(false);
              clearFilters();
              // The button goes away with the filters: the focus goes to the first filter.
              sectionRef.current?.querySelector('select')?.focus();
            }}
          >
            {t('signals.list.clearFilters')}
          </Button>
        )}
      </div>
      <div className="signals-filters__grid">
        <PhenomenonSelect
          label={t('signals.list.phenomenon')}
          phenomena={phenomena}
          emptyLabel={t('signals.list.allPhenomena')}
          groupLabel={(label) => t('signals.list.phenomenonWithSubForms', { label })}
          value={filters.phenomenonId === null ? PHENOMENON_ANY : String(filters.phenomenonId)}
          onChange={(event) => update({ phenomenonId: event.target.value === PHENOMENON_ANY ? null : Number(event.target.value) })}
        />
        <SelectField
          label={t('signals.list.howReceived')}
          emptyLabel={t('signals.list.allHowReceived')}
          options={HOW_RECEIVED.map((value) => ({ value, label: t(`domain.howReceived.${value}`) }))}
          value={filters.howReceived ?? ''}
          onChange={(event) => update({ howReceived: event.target.value === '' ? null : (event.target.value as HowReceived) })}
        />
        <SelectField
          label={t('signals.list.tlp')}
          emptyLabel={t('signals.list.allTlp')}
          options={TLP_CODES.map((code) => ({ value: code, label: t('signals.tlpCode', { code }) }))}
          value={filters.tlp ?? ''}
          onChange={(event) => update({ tlp: event.target.value === '' ? null : (event.target.value as TlpCode) })}
        />
        <SelectField
          label={t('signals.list.inDossier')}
          options={[
            { value: 'all', label: t('signals.list.inDossierAll') },
            { value: 'yes', label: t('signals.list.inDossierYes') },
            { value: 'no', label: t('signals.list.inDossierNo') },
          ]}
          value={filters.inDossier}
          onChange={(event) => update({ inDossier: event.target.value as InDossierFilter })}
        />
        <DateField
          label={t('signals.list.receivedFrom')}
          hint={false}
          error={dateError('receivedFrom')}
          value={fromText}
          onChange={setFromText}
          onBlur={() => applyDate('receivedFrom', fromText)}
          onKeyDown={applyOnEnter('receivedFrom', fromText)}
          inputClassName=""
        />
        <DateField
          label={t('signals.list.receivedUntil')}
          hint={false}
          error={dateError('receivedUntil')}
          value={untilText}
          onChange={setUntilText}
          onBlur={() => applyDate('receivedUntil', untilText)}
          onKeyDown={applyOnEnter('receivedUntil', untilText)}
          inputClassName=""
        />
        <TextField
          label={t('signals.list.postcodeArea')}
          error={areaInvalid ? t('signals.list.postcodeAreaInvalid') : fieldError.forField(listError, 'postcodeArea')}
          value={areaText}
          onChange={(event) => setAreaText(event.target.value)}
          onBlur={() => applyArea(areaText)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              applyArea(areaText);
            }
          }}
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
        />
      </div>
    </section>
  );
}
