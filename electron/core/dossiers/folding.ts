/**
 * Folding text for matching: two spellings of the same name fold to the same key. Folding is part
 * of the stored match keys, so a change here needs the keys rebuilt (a migration that recomputes
 * them from the subjects' details).
 */

/** Lower case, no diacritics, no punctuation, single spaces: " Café  d'Óude-Haven " → "cafe d oude haven". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Dutch name particles (tussenvoegsels): written, left out, or moved behind the surname at will. */
const NAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 't', 'ter', 'ten', 'te', 'in', 'op', 'la', 'le', 'du', 'da', 'di', 'del', 'von', 'vd']);

/**
 * Common Dutch spelling variants of one name part: ij/y (Rijn, Ryn), ph/f (Philips, Filips), ck/k
 * (Dicke, Dike), doubled letters (Janssen, Jansen) and the final d/dt/t (Smid, Smidt, Smit).
 */
function foldNameToken(token: string): string {
  return token
    .replace(/ij/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/(dt|d)$/, 't');
}

/**
 * A person's name as a key that does not care about case, diacritics, spacing, punctuation, the
 * order of the parts ("Vries, Jan de" = "Jan de Vries"), the particles, or the variants above.
 * Initials stay initials: "J. de Vries" does not match "Jan de Vries", and is not meant to.
 */
export function foldPersonName(name: string): string {
  return foldText(name)
    .split(' ')
    .filter((token) => token && !NAME_PARTICLES.has(token))
    .map(foldNameToken)
    .sort()
    .join(' ');
}

/** Legal forms that are written with or without: "Autohandel de Brug B.V." = "Autohandel De Brug". */
const LEGAL_FORM_WORDS = new Set(['bv', 'nv', 'vof', 'cv']);

/** A company name as a key: folded, without its legal form, and without spaces ("Auto Handel" = "Autohandel"). */
export function foldOrganisationName(name: string): string {
  return foldText(name)
    .split(' ')
    .filter((token) => token && !LEGAL_FORM_WORDS.has(token))
    .join('');
}
