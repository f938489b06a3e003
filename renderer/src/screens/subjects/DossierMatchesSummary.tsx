/** "Komt ook voor in" for a whole dossier, for its overview tab. Placeholder: being built. */
export function DossierMatchesSummary({ dossierId }: { dossierId: number }) {
  return <div data-dossier-id={dossierId} />;
}
