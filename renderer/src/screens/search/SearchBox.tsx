import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../store/navigation';

/** The one search box in the header. Placeholder: being built. */
export function SearchBox() {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.open);
  const [query, setQuery] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (query.trim()) open({ section: 'search', query: query.trim() });
  }
  return (
    <form role="search" onSubmit={submit}>
      <input className="utrecht-textbox utrecht-textbox--html-input" aria-label={t('search.title')} value={query} onChange={(event) => setQuery(event.target.value)} />
    </form>
  );
}
