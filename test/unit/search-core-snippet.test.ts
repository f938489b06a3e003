import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../electron/core/dossiers/search';
import { SEARCH_MATCH_END as E, SEARCH_MATCH_START as S } from '../../shared/api/search';

describe('snippetOf', () => {
  it('marks every word that starts with a term, folding case and diacritics like the index', () => {
    expect(snippetOf('Het Café aan de Haven, cafetaria ernaast', ['cafe'], 16)).toBe(`Het ${S}Café${E} aan de Haven, ${S}cafetaria${E} ernaast`);
    expect(snippetOf('CAFÉ', ['café'], 16)).toBe(`${S}CAFÉ${E}`);
  });

  it('cuts a window around the first match and says where it cut', () => {
    const words = Array.from({ length: 40 }, (_, i) => `woord${i}`);
    words[20] = 'hennepkwekerij';
    const snippet = snippetOf(words.join(' '), ['hennep'], 8)!;
    expect(snippet.startsWith('…woord18 woord19 ')).toBe(true);
    expect(snippet).toContain(`${S}hennepkwekerij${E}`);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.split(' ')).toHaveLength(8);
  });

  it('answers null when no word matches (the match was in another column)', () => {
    expect(snippetOf('Niets hier', ['hennep'], 16)).toBeNull();
    expect(snippetOf('', ['hennep'], 16)).toBeNull();
  });

  it('does not match inside a word, only at its start', () => {
    expect(snippetOf('Bijenkorf', ['korf'], 16)).toBeNull();
  });
});
