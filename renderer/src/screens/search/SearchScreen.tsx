import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { SearchGroup, SearchHit, SearchResult } from '../../../../shared/api/search';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import type { Route } from '../../store/navigation';
import { RouteLink } from '../../components/RouteLink';
import { MAX_QUERY_LENGTH } from './SearchBox';
import { hasWords, showResults, useLiveSearch } from './useLiveSearch';
import { markTerms, markedTitle, queryTerms, snippetParts, type SnippetPart } from './snippet';

/** Hits per kind: enough to scan, few enough to stay quick; more means the query should narrow. */
const LIMIT_PER_KIND = 25;

/** The last answer the screen shows, and whether a newer query is on its way. */
interface SearchState {
  answer: { status: 'done'; query: string; result: SearchResult; milliseconds: number } | { status: 'error'; query: string; error: ApiError } | null;
  searching: boolean;
}

/** The results of one search, grouped by kind, each hit a link to where it lives. */
export function SearchScreen({ query }: { query: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<SearchState>({ answer: null, searching: true });
  const [attempt, setAttempt] = useState(0);
  const [refined, setRefined] = useState(query);
  const terms = useMemo(() => queryTerms(query), [query]);

  // A new screen takes the focus to its heading, unless the user is typing the query (in the
  // search box or the refine field): the results appear beside the typing.
  useEffect(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLInputElement && active.type === 'search')) headingRef.current?.focus();
  }, []);

  // The refine field follows a query typed in the search box; its own typing is left as it is.
  useEffect(() => setRefined((typed) => (typed.trim() === query ? typed : query)), [query]);
  useLiveSearch(refined);

  useEffect(() => {
    // Only the answer to the query on screen counts: an answer to one typed over comes late and is dropped.
    let current = true;
    setState((previous) => ({ ...previous, searching: true }));
    const started = performance.now();
    void callCore('search.query', { query: query.slice(0, MAX_QUERY_LENGTH), limit: LIMIT_PER_KIND }).then((answer) => {
      if (!current) return;
      setState({
        answer: answer.ok ? { status: 'done', query, result: answer.value, milliseconds: performance.now() - started } : { status: 'error', query, error: answer.error },
        searching: false,
      });
    });
    return () => {
      current = false;
    };
  }, [query, attempt]);

  function submit(event: FormEvent) {
    event.preventDefault();
    showResults(refined);
  }

  const duration = (milliseconds: number) =>
    milliseconds < 1000
      ? t('search.results.milliseconds', { value: Math.max(1, Math.round(milliseconds)) })
      : t('search.results.seconds', { value: (milliseconds / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) });

  const answer = state.answer;
  const done = answer?.status === 'done' ? answer : null;

  return (
    <div className="app-search">
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('search.results.heading', { query })}
      </h1>
      <form className="app-form app-search__refine" role="search" aria-label={t('search.results.refineLabel')} onSubmit={submit} noValidate>
        <TextField
          label={t('search.results.refineLabel')}
          description={t('search.results.refineDescription')}
          type="search"
          value={refined}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setRefined(event.target.value)}
          inline={
            <Button type="submit" appearance="primary">
              {t('search.results.submit')}
            </Button>
          }
        />
      </form>

      <p className="utrecht-paragraph app-search__status" role="status">
        {state.searching && (
          <>
            <span className="app-spinner" aria-hidden="true" />
            {t('search.results.searching')}
          </>
        )}
        {!state.searching &&
          done &&
          done.result.total > 0 &&
          t(done.result.totalIsMinimum ? 'search.results.summaryMore' : 'search.results.summary', {
            count: done.result.total,
            duration: duration(done.milliseconds),
          })}
      </p>

      {answer?.status === 'error' && !state.searching && (
        <div className="app-question">
          <Alert type="error">
            {t('search.results.error')} {errorText(answer.error)}
          </Alert>
          <div className="app-button-row">
            <Button onClick={() => setAttempt((value) => value + 1)}>{t('search.results.retry')}</Button>
          </div>
        </div>
      )}

      {done && done.result.total === 0 && !state.searching && <NoResults query={done.query} />}

      {/* The previous results stay while the next query runs, so that typing does not make the page jump. */}
      <div className="app-search__results" aria-busy={state.searching}>
        {done && done.result.groups.map((group) => <HitGroup key={group.kind} group={group} terms={done.query === query ? terms : queryTerms(done.query)} />)}
      </div>
    </div>
  );
}

function NoResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const tipsId = useId();
  return (
    <EmptyState>
      <h2 className="utrecht-heading-2">{t('search.empty.title', { query })}</h2>
      {!hasWords(query) && <p className="utrecht-paragraph">{t('search.empty.noWords')}</p>}
      <h3 className="utrecht-heading-3" id={tipsId}>
        {t('search.empty.tipsTitle')}
      </h3>
      <ul className="utrecht-unordered-list app-search__tips" aria-labelledby={tipsId}>
        <li className="utrecht-unordered-list__item">{t('search.empty.tipPrefix')}</li>
        <li className="utrecht-unordered-list__item">{t('search.empty.tipDiacritics')}</li>
        <li className="utrecht-unordered-list__item">{t('search.empty.tipAllWords')}</li>
        <li className="utrecht-unordered-list__item">{t('search.empty.tipNotSearched')}</li>
      </ul>
    </EmptyState>
  );
}

function HitGroup({ group, terms }: { group: SearchGroup; terms: readonly string[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const count = group.hits.length;
  const capped = count >= LIMIT_PER_KIND;
  return (
    <section className="app-search__group" aria-labelledby={headingId} data-kind={group.kind}>
      <h2 className="utrecht-heading-2 app-search__group-heading" id={headingId}>
        {t(`search.kinds.${group.kind}`)}{' '}
        <span className="app-search__count">({capped ? t('search.results.groupCountCapped', { count }) : t('search.results.groupCount', { count })})</span>
      </h2>
      <ul className="app-search__hits">
        {group.hits.map((hit) => (
          <Hit key={`${hit.kind}-${hit.id}`} hit={hit} terms={terms} />
        ))}
      </ul>
      {capped && <p className="utrecht-paragraph app-muted">{t('search.results.capped', { count })}</p>}
    </section>
  );
}

/** Where a hit opens: its own screen, or the tab of its dossier for a note or an attachment. */
function routeOf(hit: SearchHit): Route | null {
  switch (hit.kind) {
    case 'dossier':
      return { section: 'dossiers', view: 'dossier', dossierId: hit.id };
    case 'signal':
      return { section: 'signals', view: 'signal', signalId: hit.id };
    case 'subject':
      return { section: 'dossiers', view: 'subject', subjectId: hit.id };
    case 'note':
      return hit.dossierId === null ? null : { section: 'dossiers', view: 'dossier', dossierId: hit.dossierId, tab: 'notes' };
    case 'attachment':
      return hit.dossierId === null ? null : { section: 'dossiers', view: 'dossier', dossierId: hit.dossierId, tab: 'attachments' };
  }
}

function Marked({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="app-search__match">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

function Hit({ hit, terms }: { hit: SearchHit; terms: readonly string[] }) {
  const { t } = useTranslation();
  // The core's snippet marks the title when it took the snippet from there; otherwise the title is
  // marked here by the same rule (a word starting with a query word), and the snippet shows beneath.
  const titleParts = markedTitle(hit.title, hit.snippet);
  const title =
    hit.kind === 'note' ? (
      hit.dossierNumber ? (
        t('search.results.noteTitle', { number: hit.dossierNumber })
      ) : (
        t('search.results.noteTitleNoDossier')
      )
    ) : (
      <Marked parts={titleParts ?? markTerms(hit.title, terms)} />
    );
  const route = routeOf(hit);
  const where =
    hit.kind === 'dossier' || hit.kind === 'subject' || hit.kind === 'note'
      ? null
      : hit.dossierNumber
        ? t('search.results.inDossier', { number: hit.dossierNumber })
        : hit.kind === 'signal'
          ? t('search.results.looseSignal')
          : null;
  return (
    <li className="app-search__hit">
      <div className="app-search__hit-title">
        {route ? <RouteLink route={route}>{title}</RouteLink> : <span>{title}</span>}
        {hit.internal && (
          <span className="app-badge app-badge--internal" title={t('search.results.internalLabel')}>
            <span aria-hidden="true">{t('search.results.internal')}</span>
            <span className="app-visually-hidden">{t('search.results.internalLabel')}</span>
          </span>
        )}
      </div>
      {where && <div className="app-search__hit-meta">{where}</div>}
      {!titleParts && hit.snippet && (
        <p className="app-search__snippet">
          <Marked parts={snippetParts(hit.snippet)} />
        </p>
      )}
    </li>
  );
}
