import { describe, expect, it } from 'vitest';
import { escapeForTerminal, hasInvisibleControls, invisibleControlsIn, isBidiControl, splitInvisibleControls } from '../../shared/text/bidi';

describe('invisible and bidirectional controls (shared/text/bidi.ts)', () => {
  const title = 'Spoed: \u202Eexe.gnp\u202C';
  const fileName = 'foto\u202Egnp.exe';

  it('finds every bidi control of the issue, and other invisible format characters', () => {
    for (const codePoint of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      const text = `a${String.fromCodePoint(codePoint)}b`;
      expect(hasInvisibleControls(text), codePoint.toString(16)).toBe(true);
      expect(isBidiControl(codePoint)).toBe(true);
    }
    for (const codePoint of [0x200b, 0xfeff, 0x2060, 0xe0041]) expect(hasInvisibleControls(`a${String.fromCodePoint(codePoint)}b`)).toBe(true);
    expect(invisibleControlsIn(title)).toEqual(['U+202E', 'U+202C']);
  });

  it('leaves ordinary text alone, right-to-left letters and emoji joiners included', () => {
    for (const text of ['Hennepkwekerij Proefstraat 12', 'شركة', 'עברית', '👩\u200D👩\u200D👧', 'café – één']) {
      expect(hasInvisibleControls(text)).toBe(false);
      expect(escapeForTerminal(text)).toBe(text);
      expect(splitInvisibleControls(text)).toEqual([{ text }]);
    }
  });

  it('escapes them for a terminal, with control characters such as ESC and CR', () => {
    expect(escapeForTerminal(title)).toBe('Spoed: <U+202E>exe.gnp<U+202C>');
    expect(escapeForTerminal(fileName)).toBe('foto<U+202E>gnp.exe');
    expect(escapeForTerminal('rood\u001b[31m\rweg\ttab\nregel')).toBe('rood<U+001B>[31m<U+000D>weg\ttab\nregel');
    expect(escapeForTerminal('tag\u{E0041}')).toBe('tag<U+E0041>');
    expect(escapeForTerminal(title)).not.toMatch(/[\u202A-\u202E]/);
  });

  it('splits the text around each control for a visible marker, losing nothing', () => {
    const pieces = splitInvisibleControls(title);
    expect(pieces).toEqual([{ text: 'Spoed: ' }, { control: 0x202e }, { text: 'exe.gnp' }, { control: 0x202c }]);
    expect(pieces.map((piece) => ('text' in piece ? piece.text : String.fromCodePoint(piece.control))).join('')).toBe(title);
  });
});
