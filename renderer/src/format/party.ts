/**
 * "P. Leider (RIEC Oost)", or just "P. Leider" when the organisation is not filled in: an empty
 * optional part leaves no "()" behind. The same in both languages.
 */
export function nameWithOrganisation(name: string, organisation: string | null | undefined): string {
  const trimmed = organisation?.trim() ?? '';
  return trimmed === '' ? name : `${name} (${trimmed})`;
}
