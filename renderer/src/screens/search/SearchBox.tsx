import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../store/navigation';
import { showResults, useLiveSearch } from './useLiveSearch';

/** The core refuses longer queries; more words only make a search slower, not better. */
export const MAX_QUERY_LENGTH = 200;

/** Input types where "/" is a character the user types, not a shortcut. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** True when the key goes into a field: "/" there is typing, not the shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * The one search box in the header, over signals, dossiers, subjects, notes and attachment names.
 * Ctrl+K (or ⌘K) focuses it from anywhere, "/" too when the user is not typing in a field; the
 * results show as the user types (useLiveSearch), Enter shows them at once; Escape empties it.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  // On the results screen the box holds that screen's query; elsewhere it starts empty. A query
  // that came from this box is left as typed (a trailing space is the start of the next word).
  const routeQuery = useNavigation((state) => (state.screen.name === 'main' && state.screen.route.section === 'search' ? state.screen.route.query : null));
  useEffect(() => setQuery((typed) => (routeQuery !== null && routeQuery === typed.trim() ? typed : (routeQuery ?? ''))), [routeQuery]);
  useLiveSearch(query);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = `${inputId}-hint`;

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      const input = inputRef.current;
      if (!input || event.defaultPrevented || event.altKey) return;
      // A modal dialog keeps the focus inside it: the shortcut must not reach behind it.
      if (document.querySelector('dialog[open]')) return;
      const ctrlK = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
      if (!ctrlK && !slash) return;
      event.preventDefault();
      input.focus();
      input.select();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    showResults(query);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  }

  return (
    <form role="search" className="app-header__search" aria-label={t('search.box.label')} onSubmit={submit}>
      <label className="app-visually-hidden" htmlFor={inputId}>
        {t('search.box.label')}
      </label>
      <span className="app-header__search-field">
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          className="utrecht-textbox utrecht-textbox--html-input app-header__search-input"
          placeholder={t('search.box.placeholder')}
          value={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-keyshortcuts="Control+K /"
          aria-describedby={hintId}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <kbd className="app-header__search-hint" aria-hidden="true">
          {t('search.box.shortcutHint')}
        </kbd>
        <span className="app-visually-hidden" id={hintId}>
          {t('search.box.shortcutHintLong')}
        </span>
      </span>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action app-header__search-button">
        {t('search.box.submit')}
      </button>
    </form>
  );
}
