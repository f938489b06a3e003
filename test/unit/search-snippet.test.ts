import { describe, expect, it } from 'vitest';
import { markTerms, markedTitle, plainSnippet, queryTerms, snippetParts } from '../../renderer/src/screens/search/snippet';

const S = '\u0001';
const E = '\u0002';

describe('search snippets', () => {
  it('cuts a snippet at the match markers, never reading HTML', () => {
    expect(snippetParts(`…geur van ${S}hennep${E} bij de ${S}loods${E}`)).toEqual([
      { text: '…geur van ', match: false },
      { text: 'hennep', match: true },
      { text: ' bij de ', match: false },
      { text: 'loods', match: true },
    ]);
    expect(snippetParts(`<b>${S}café${E}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'café', match: true },
      { text: '</b>', match: false },
    ]);
    // A lone end marker or an unclosed start does not lose text.
    expect(plainSnippet(`a${E}b${S}c`)).toBe('abc');
    expect(snippetParts('')).toEqual([]);
  });

  it('marks the whole title when the snippet came from it, and only then', () => {
    expect(markedTitle('2026-0001 Hennepkwekerij in bedrijfspand', `2026-0001 ${S}Hennepkwekerij${E} in bedrijfspand`)).toEqual([
      { text: '2026-0001 ', match: false },
      { text: 'Hennepkwekerij', match: true },
      { text: ' in bedrijfspand', match: false },
    ]);
    // The core cut a long title: the ellipses go, the rest of the title comes back.
    expect(markedTitle('Een hele lange titel over hennep en meer', `…over ${S}hennep${E} en…`)).toEqual([
      { text: 'Een hele lange titel over ', match: false },
      { text: 'hennep', match: true },
      { text: ' en meer', match: false },
    ]);
    expect(markedTitle('Signaal over de loods', `Ramen afgeplakt bij ${S}café${E} De Hoek`)).toBeNull();
    expect(markedTitle('', `${S}hennep${E}`)).toBeNull();
    expect(markedTitle('hennep', 'hennep')).toBeNull();
  });

  it('marks the words of a title that start with a query word, case and diacritics folded', () => {
    expect(queryTerms('CLIENTEN, kamer-verh')).toEqual(['clienten', 'kamer', 'verh']);
    expect(markTerms('Ronselen van cliënten in combinatie met kamerverhuur', queryTerms('CLIENTEN kamer'))).toEqual([
      { text: 'Ronselen van ', match: false },
      { text: 'cliënten', match: true },
      { text: ' in combinatie met ', match: false },
      { text: 'kamerverhuur', match: true },
    ]);
    // Only the start of a word counts, as in the index.
    expect(markTerms('Internetcafé Demo', queryTerms('cafe'))).toEqual([{ text: 'Internetcafé Demo', match: false }]);
    expect(markTerms('Café Zonneschijn', queryTerms('café'))).toEqual([
      { text: 'Café', match: true },
      { text: ' Zonneschijn', match: false },
    ]);
  });
});
