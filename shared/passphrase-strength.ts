import { PASSPHRASE_MIN_LENGTH } from './api/vault';

/**
 * A rough strength estimate for a passphrase being chosen, to guide the user while typing. It is
 * advice, not a gate: the only hard rule is the minimum length, which the core enforces too.
 */
export type PassphraseStrengthLevel = 0 | 1 | 2 | 3 | 4;

/** Keys under `passphraseStrength.hints` in the UI translations. */
export type PassphraseHintKey = 'tooShort' | 'longerIsStronger' | 'addVariety' | 'avoidRepeats' | 'avoidSequences' | 'avoidCommonWords' | 'avoidYears' | 'notOnlyDigits';

export interface PassphraseStrength {
  level: PassphraseStrengthLevel;
  meetsMinimumLength: boolean;
  hints: PassphraseHintKey[];
}

/** Words and passwords that guessing tools try first, Dutch and English, lower case. */
const COMMON_WORDS = [
  'wachtwoord',
  'password',
  'passw0rd',
  'welkom',
  'welcome',
  'geheim',
  'secret',
  'qwerty',
  'azerty',
  'letmein',
  'admin',
  'gemeente',
  'dossier',
  'kluis',
  'ondermijning',
  'voorjaar',
  'zomer',
  'herfst',
  'winter',
  'lente',
  'januari',
  'februari',
  'maart',
  'april',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'monkey',
  'dragon',
  'iloveyou',
  'football',
  'voetbal',
  'ajax',
  'feyenoord',
];

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];

const LEVEL_THRESHOLDS_BITS = [28, 40, 60, 80] as const;

export function scorePassphrase(passphrase: string): PassphraseStrength {
  const characters = [...passphrase];
  const length = characters.length;
  const meetsMinimumLength = length >= PASSPHRASE_MIN_LENGTH;
  if (length === 0) return { level: 0, meetsMinimumLength, hints: ['tooShort'] };

  const hints: PassphraseHintKey[] = [];
  const lower = passphrase.toLowerCase();

  const repeatedCharacters = countRepeatedCharacters(characters);
  const sequenceCharacters = countSequenceCharacters(lower);
  const commonWordCharacters = countCommonWordCharacters(lower);
  const yearCharacters = (lower.match(/(19|20)\d\d/g) ?? []).length * 4;
  const onlyDigits = /^\d+$/.test(passphrase);

  // Predictable parts add almost nothing for a guesser: count each such character as a fifth.
  const predictable = Math.min(length, repeatedCharacters + sequenceCharacters + commonWordCharacters + yearCharacters);
  const effectiveLength = length - predictable + predictable * 0.2;
  const bits = effectiveLength * Math.log2(alphabetSize(passphrase));

  let level = levelFor(bits);
  if (!meetsMinimumLength) level = Math.min(level, 1) as PassphraseStrengthLevel;
  if (onlyDigits) level = Math.min(level, 1) as PassphraseStrengthLevel;

  if (!meetsMinimumLength) hints.push('tooShort');
  else if (level < 4) hints.push('longerIsStronger');
  if (characterClassCount(passphrase) < 2 && length < 20) hints.push('addVariety');
  if (repeatedCharacters > 0) hints.push('avoidRepeats');
  if (sequenceCharacters > 0) hints.push('avoidSequences');
  if (commonWordCharacters > 0) hints.push('avoidCommonWords');
  if (yearCharacters > 0) hints.push('avoidYears');
  if (onlyDigits) hints.push('notOnlyDigits');

  return { level, meetsMinimumLength, hints };
}

function levelFor(bits: number): PassphraseStrengthLevel {
  const passed = LEVEL_THRESHOLDS_BITS.filter((threshold) => bits >= threshold).length;
  return passed as PassphraseStrengthLevel;
}

function characterClassCount(passphrase: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((pattern) => pattern.test(passphrase)).length;
}

/** The number of symbols a guesser must consider, from the kinds of characters used. */
function alphabetSize(passphrase: string): number {
  let size = 0;
  if (/[a-z]/.test(passphrase)) size += 26;
  if (/[A-Z]/.test(passphrase)) size += 26;
  if (/\d/.test(passphrase)) size += 10;
  if (/ /.test(passphrase)) size += 1;
  if (/[!-/:-@[-`{-~]/.test(passphrase)) size += 33;
  if (/[^\x00-\x7f]/.test(passphrase)) size += 40;
  return Math.max(size, 2);
}

/** Characters in runs of three or more of the same ("aaaa" counts 3); a double letter is ordinary Dutch. */
function countRepeatedCharacters(characters: string[]): number {
  let count = 0;
  let runLength = 1;
  for (let index = 1; index <= characters.length; index += 1) {
    if (index < characters.length && characters[index] === characters[index - 1]) {
      runLength += 1;
      continue;
    }
    if (runLength >= 3) count += runLength - 1;
    runLength = 1;
  }
  return count;
}

/** Characters in runs of three or more along the alphabet, the digits or a keyboard row, either way. */
function countSequenceCharacters(lower: string): number {
  const flagged = new Array<boolean>(lower.length).fill(false);
  for (const row of KEYBOARD_ROWS) {
    const reversed = [...row].reverse().join('');
    for (const line of [row, reversed]) {
      for (let start = 0; start + 3 <= line.length; start += 1) {
        const run = line.slice(start, start + 3);
        for (let at = lower.indexOf(run); at >= 0; at = lower.indexOf(run, at + 1)) flagged.fill(true, at, at + 3);
      }
    }
  }
  return flagged.filter(Boolean).length;
}

function countCommonWordCharacters(lower: string): number {
  const flagged = new Array<boolean>(lower.length).fill(false);
  for (const word of COMMON_WORDS) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) flagged.fill(true, at, at + word.length);
  }
  return flagged.filter(Boolean).length;
}
