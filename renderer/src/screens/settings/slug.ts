/**
 * A code for an organisation or legal basis made from its name, as the core accepts it
 * (`organisationCodeSchema`: a lower-case letter, then letters, digits and underscores, at most 60):
 * "Stichting Woonwel Oost" → `stichting_woonwel_oost`, "Ö&B Zorg" → `o_b_zorg`.
 */
export function codeFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const startsWithLetter = /^[a-z]/.test(slug) ? slug : slug === '' ? '' : `org_${slug}`;
  return startsWithLetter.slice(0, 60).replace(/_+$/, '');
}
