import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { Signal } from '../../../../shared/api/dossier-types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';

interface AttachToDossierDialogProps {
  signal: Signal;
  onClose(): void;
  onAttached(signal: Signal): void;
}

interface Choice {
  dossierId: number;
  /** Number and title: "2026-0012 Hennepteelt Nepweg". */
  title: string;
}

const SEARCH_DELAY_MS = 250;
const RECENT_COUNT = 8;

/**
 * Choosing one dossier among thousands: the full-text search (number, title, summary), and
 * before anything is typed the dossiers changed last, which is usually the one meant.
 */
export function AttachToDossierDialog({ signal, onClose, onAttached }: AttachToDossierDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearched(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const searching = searched !== '';
  const search = useCoreQuery('search.query', searching ? { query: searched, limit: 20 } : null);
  const recent = useCoreQuery('dossier.list', searching ? null : { sort: 'updatedAt', direction: 'desc', limit: RECENT_COUNT });

  const choices: Choice[] | null = searching
    ? (search.data?.groups.find((group) => group.kind === 'dossier')?.hits.map((hit) => ({ dossierId: hit.id, title: hit.title })) ?? (search.data ? [] : null))
    : (recent.data?.items.map((dossier) => ({ dossierId: dossier.id, title: `${dossier.number} ${dossier.title}` })) ?? null);
  const loadError = searching ? search.error : recent.error;
  const stale = searching && (search.loading || query.trim() !== searched);

  async function attach(choice: Choice) {
    if (busyId !== null) return;
    setBusyId(choice.dossierId);
    setError(null);
    const result = await callCore('signal.attachToDossier', { signalId: signal.id, dossierId: choice.dossierId });
    setBusyId(null);
    if (result.ok) onAttached(result.value);
    else setError(result.error);
  }

  return (
    <Dialog title={t('signals.signal.attachDialog.title')} onClose={onClose}>
      <div className="app-form signals-attach">
        <TextField
          label={t('signals.signal.attachDialog.search')}
          description={t('signals.signal.attachDialog.searchHint')}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches at once instead of waiting for the pause.
            if (event.key === 'Enter') {
              event.preventDefault();
              setSearched(query.trim());
            }
          }}
          autoComplete="off"
          autoFocus
          aria-controls={listId}
        />
        <h3 className="utrecht-heading-3 signals-attach__heading">{searching ? t('signals.signal.attachDialog.results') : t('signals.signal.attachDialog.recent')}</h3>
        {loadError && <Alert type="error">{errorText(loadError)}</Alert>}
        {error && <Alert type="error">{errorText(error)}</Alert>}
        <div id={listId} aria-live="polite" aria-busy={stale || undefined}>
          {choices === null || stale ? (
            <p className="utrecht-paragraph app-muted">{t('signals.signal.attachDialog.searching')}</p>
          ) : choices.length === 0 ? (
            <p className="utrecht-paragraph">{t('signals.signal.attachDialog.none')}</p>
          ) : (
            <ul className="signals-attach__list">
              {choices.map((choice) => (
                <li key={choice.dossierId} className="signals-attach__item">
                  <span className="signals-attach__title">{choice.title}</span>
                  <Button
                    appearance="secondary"
                    busy={busyId === choice.dossierId}
                    aria-label={t('signals.signal.attachDialog.attachLabel', { title: choice.title })}
                    onClick={() => void attach(choice)}
                  >
                    {t('signals.signal.attachDialog.attach')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="app-button-row">
          <Button appearance="secondary" onClick={onClose}>
            {t('signals.form.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
