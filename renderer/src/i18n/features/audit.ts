import type { TranslationShape } from '../nl';

/**
 * UI text of the audit screens, under `audit.*`. English is typed by the Dutch, key for key.
 * The sentence of each entry is not here: shared/i18n/audit-sentences.ts holds them for the screen
 * and the PDFs alike.
 */
export const auditNl = {
  title: 'Logboek',
  lead: 'Alles wat er met deze kluis gebeurt: wie, wanneer, wat en bij welk onderdeel. Regels kunnen niet worden gewijzigd of verwijderd; elke regel is met een hash verbonden aan de vorige, zodat een wijziging opvalt bij de controle.',
  loading: 'Het logboek wordt geladen…',
  loadingOlder: 'Oudere regels worden geladen…',
  loadOlder: 'Oudere regels laden',
  reload: 'Opnieuw laden',
  end: 'Dit is het begin van het logboek.',
  endFiltered: 'Er zijn geen oudere regels van deze soort.',
  shown_one: '1 regel getoond, nieuwste eerst.',
  shown_other: '{{count}} regels getoond, nieuwste eerst.',
  empty: 'Er zijn geen regels van deze soort.',
  tableCaption: 'Logboekregels, nieuwste eerst',
  columns: { when: 'Wanneer', who: 'Wie', what: 'Wat', item: 'Onderdeel' },
  filter: {
    label: 'Soort gebeurtenis',
    all: 'Alles',
    access: 'Toegang en inzage',
    changes: 'Wijzigingen',
    exports: 'Exports en reservekopieën',
    deletions: 'Verwijderen',
  },
  chain: {
    title: 'Controle van de keten',
    body: 'Rekent de hash van elke regel opnieuw uit. Is een regel veranderd of verwijderd, dan klopt de keten vanaf die regel niet meer.',
    verify: 'Keten controleren',
    verifying: 'De keten wordt gecontroleerd…',
    intact_one: 'De keten is intact: 1 regel gecontroleerd.',
    intact_other: 'De keten is intact: {{count}} regels gecontroleerd.',
    broken:
      'Het logboek is gewijzigd: de keten klopt niet vanaf regel {{id}}. De {{entries}} regels daarvoor zijn in orde. Regel {{id}} of een latere regel is veranderd of verwijderd buiten Dossierkluis om. Maak geen wijzigingen meer en meld dit bij uw informatiebeveiliger (CISO).',
  },
  items: {
    dossier: 'Dossier #{{id}}',
    dossierNumber: 'Dossier {{number}}',
    signal: 'Signaal #{{id}}',
    subject: 'Subject #{{id}}',
    note: 'Notitie #{{id}}',
    attachment: 'Bijlage #{{id}}',
    measure: 'Maatregel #{{id}}',
    gone: 'niet meer te openen',
    goneLabel: '{{item}}: verwijderd of in de prullenbak, niet meer te openen',
    none: '—',
  },
};

export const auditEn: TranslationShape<typeof auditNl> = {
  title: 'Audit trail',
  lead: 'Everything that happens in this vault: who, when, what and to which item. Entries cannot be changed or removed; each entry is linked to the previous one by a hash, so that a change shows up in the check.',
  loading: 'Loading the audit trail…',
  loadingOlder: 'Loading older entries…',
  loadOlder: 'Load older entries',
  reload: 'Load again',
  end: 'This is the start of the audit trail.',
  endFiltered: 'There are no older entries of this kind.',
  shown_one: '1 entry shown, newest first.',
  shown_other: '{{count}} entries shown, newest first.',
  empty: 'There are no entries of this kind.',
  tableCaption: 'Audit trail entries, newest first',
  columns: { when: 'When', who: 'Who', what: 'What', item: 'Item' },
  filter: {
    label: 'Kind of event',
    all: 'Everything',
    access: 'Access and viewing',
    changes: 'Changes',
    exports: 'Exports and backups',
    deletions: 'Deleting',
  },
  chain: {
    title: 'Checking the chain',
    body: 'Recomputes the hash of every entry. If an entry was changed or removed, the chain no longer holds from that entry on.',
    verify: 'Check the chain',
    verifying: 'Checking the chain…',
    intact_one: 'The chain is intact: 1 entry checked.',
    intact_other: 'The chain is intact: {{count}} entries checked.',
    broken:
      'The audit trail has been changed: the chain breaks at entry {{id}}. The {{entries}} entries before it are sound. Entry {{id}} or a later one was changed or removed outside Dossierkluis. Make no further changes and report this to your information security officer (CISO).',
  },
  items: {
    dossier: 'Dossier #{{id}}',
    dossierNumber: 'Dossier {{number}}',
    signal: 'Signal #{{id}}',
    subject: 'Subject #{{id}}',
    note: 'Note #{{id}}',
    attachment: 'Attachment #{{id}}',
    measure: 'Measure #{{id}}',
    gone: 'can no longer be opened',
    goneLabel: '{{item}}: deleted or in the trash, can no longer be opened',
    none: '—',
  },
};
