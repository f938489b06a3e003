/**
 * Invisible characters that change how text is shown (issue 14, security 9): the bidirectional
 * controls that reorder it (a file name `foto\u202Egnp.exe` shows as "fotoexe.png") and other
 * invisible format characters that hide or join text. Text from a bundle may carry them; the CLI
 * prints them escaped and the screens show a visible marker instead, so that nothing reorders.
 * The stored text stays as it came: only what is shown changes.
 */

/** Code point → short English name, shown beside the marker. */
const CONTROL_NAMES: ReadonlyMap<number, string> = new Map([
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x206a, 'INHIBIT SYMMETRIC SWAPPING'],
  [0x206b, 'ACTIVATE SYMMETRIC SWAPPING'],
  [0x206c, 'INHIBIT ARABIC FORM SHAPING'],
  [0x206d, 'ACTIVATE ARABIC FORM SHAPING'],
  [0x206e, 'NATIONAL DIGIT SHAPES'],
  [0x206f, 'NOMINAL DIGIT SHAPES'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xfff9, 'INTERLINEAR ANNOTATION ANCHOR'],
  [0xfffa, 'INTERLINEAR ANNOTATION SEPARATOR'],
  [0xfffb, 'INTERLINEAR ANNOTATION TERMINATOR'],
]);

/**
 * The bidirectional controls proper: these reorder the text around them. Zero-width joiner and
 * non-joiner (U+200C/U+200D) are left alone: emoji and Persian need them and they reorder nothing.
 */
const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** Tag characters (U+E0000–U+E007F) spell hidden ASCII; they are invisible everywhere. */
function isTag(codePoint: number): boolean {
  return codePoint >= 0xe0000 && codePoint <= 0xe007f;
}

export function isInvisibleControl(codePoint: number): boolean {
  return CONTROL_NAMES.has(codePoint) || isTag(codePoint);
}

export function isBidiControl(codePoint: number): boolean {
  return BIDI_CONTROLS.has(codePoint);
}

/** "U+202E", as the marker and the escape write a code point. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function controlName(codePoint: number): string {
  return CONTROL_NAMES.get(codePoint) ?? (isTag(codePoint) ? 'TAG CHARACTER' : 'CONTROL CHARACTER');
}

// Matched by code point (flag u), so that tag characters, outside the BMP, are seen whole.
const INVISIBLE_SOURCE = '[\\u061C\\u200B\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}]';
const INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'u');
const INVISIBLE_ALL = new RegExp(INVISIBLE_SOURCE, 'gu');

export function hasInvisibleControls(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The distinct invisible controls in the text, as "U+202E" labels, in order of first appearance. */
export function invisibleControlsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(INVISIBLE_ALL)) {
    const label = codePointLabel(match[0].codePointAt(0)!);
    if (!found.includes(label)) found.push(label);
  }
  return found;
}

/** A piece of text to show: plain text, or an invisible control to show as a marker. */
export type TextPiece = { text: string } | { control: number };

/** The text cut at every invisible control, for a screen that shows each as a marker. */
export function splitInvisibleControls(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE_ALL)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ control: match[0].codePointAt(0)! });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/**
 * For a terminal: every invisible control as `<U+202E>`, and every other control character
 * (C0 but tab and newline, DEL, C1: an ESC could rewrite the screen) as `<U+001B>` too.
 */
export function escapeForTerminal(text: string): string {
  return text
    .replace(INVISIBLE_ALL, (control) => `<${codePointLabel(control.codePointAt(0)!)}>`)
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (control) => `<${codePointLabel(control.codePointAt(0)!)}>`);
}

/** For text that is interpolated into a sentence: every invisible control as a visible "⟨U+202E⟩". */
export function markInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_ALL, (control) => `⟨${codePointLabel(control.codePointAt(0)!)}⟩`);
}
