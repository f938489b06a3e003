import type { ProtectedKind } from '../api/documents';
import { TRASH_KINDS, type TrashKind } from '../api/dossier-types';
import { isAuditAction, type AuditAction } from '../domain/audit-actions';
import type { AuditDetails, PassphrasePurpose } from '../domain/audit-details';
import {
  CLOSING_REASON_LABELS_EN,
  DOSSIER_STATUS_LABELS_EN,
  MEASURE_KIND_LABELS_EN,
  SUBJECT_LINK_KIND_LABELS_EN,
  SUBJECT_ROLE_LABELS_EN,
  SUBJECT_TYPE_LABELS_EN,
} from '../domain/labels-en';
import {
  CLOSING_REASON_LABELS_NL,
  DOSSIER_STATUS_LABELS_NL,
  MEASURE_KIND_LABELS_NL,
  SUBJECT_LINK_KIND_LABELS_NL,
  SUBJECT_ROLE_LABELS_NL,
  SUBJECT_TYPE_LABELS_NL,
} from '../domain/labels-nl';
import { formatBytes, formatDate, type TextLanguage } from './format';

/**
 * The sentence for each audit action, in Dutch and in English, and `auditSentence`, which the audit
 * screen, the access-request PDF and anything else that shows the trail use. One table per
 * language, keyed by every AuditAction: an action without a sentence does not compile.
 *
 * The details are read as stored, not as the core writes them today: an entry written by an older
 * version may lack a key or hold another value, so every value is checked where it is used and a
 * sentence never shows "undefined". Ids are left out: the screen shows them as links beside it.
 */

export type AuditSentenceLanguage = TextLanguage;

type KeysOf<T> = T extends unknown ? keyof T : never;

/** An entry's details as read back: the keys its action writes, each of unknown value. */
export type StoredDetails<A extends AuditAction> = {
  readonly [K in KeysOf<AuditDetails[A]>]?: unknown;
};

type SentenceTable = {
  readonly [A in AuditAction]: (details: StoredDetails<A>, words: Words) => string;
};

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A label inside a sentence: "als betrokkene", but "als UBO" (a word in capitals stays as it is). */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The label of a machine value, or the value itself when this version does not know it. */
function labelOf(labels: Readonly<Record<string, string>>, value: unknown): string {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value]! : text(value);
}

function labelInSentence(labels: Readonly<Record<string, string>>, value: unknown): string {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? inSentence(labels[value]!) : text(value);
}

/** The words one language needs besides its sentences. */
interface Vocabulary {
  language: TextLanguage;
  /** The fields an update entry lists; a name not here stays as it is. */
  fields: Readonly<Record<string, string>>;
  status: Readonly<Record<string, string>>;
  closingReason: Readonly<Record<string, string>>;
  measureKind: Readonly<Record<string, string>>;
  subjectType: Readonly<Record<string, string>>;
  role: Readonly<Record<string, string>>;
  linkKind: Readonly<Record<string, string>>;
  trashCount: Readonly<Record<TrashKind, (count: number) => string>>;
  included: Readonly<Record<ProtectedKind, string>>;
  unknownSize: string;
  passphrase: string;
  dossierNumber: (number: string) => string;
  signalNumber: (id: string) => string;
}

/** Helpers over a vocabulary that the sentences share. */
class Words {
  constructor(readonly vocabulary: Vocabulary) {}

  text = text;
  count = count;

  size(bytes: unknown): string {
    return typeof bytes === 'number' ? formatBytes(bytes, this.vocabulary.language) : this.vocabulary.unknownSize;
  }

  /** A plain date as the user writes it; none: a dash. */
  date(value: unknown): string {
    return typeof value === 'string' ? formatDate(value, this.vocabulary.language) : '—';
  }

  fields(fields: unknown): string {
    if (!Array.isArray(fields)) return '';
    return fields.map((field) => labelOf(this.vocabulary.fields, field)).join(', ');
  }

  status(value: unknown): string {
    return labelOf(this.vocabulary.status, value);
  }

  closingReason(value: unknown): string | null {
    return typeof value === 'string' && Object.hasOwn(this.vocabulary.closingReason, value) ? inSentence(this.vocabulary.closingReason[value]!) : null;
  }

  measureKind(value: unknown): string {
    return labelOf(this.vocabulary.measureKind, value);
  }

  subjectType(value: unknown): string {
    return labelInSentence(this.vocabulary.subjectType, value);
  }

  role(value: unknown): string {
    return labelInSentence(this.vocabulary.role, value);
  }

  linkKind(value: unknown): string {
    return labelInSentence(this.vocabulary.linkKind, value);
  }

  /** "2 signalen, 1 dossier" from the ids destroyed per kind; empty when there were none. */
  destroyed(destroyed: unknown): string {
    const lists = (destroyed ?? {}) as Partial<Record<TrashKind, unknown>>;
    return TRASH_KINDS.map((kind) => [kind, Array.isArray(lists[kind]) ? lists[kind].length : 0] as const)
      .filter(([, number]) => number > 0)
      .map(([kind, number]) => this.vocabulary.trashCount[kind](number))
      .join(', ');
  }

  /** "2025-0001, 2025-0004" from a list of { number }. */
  dossierNumbers(list: unknown): string {
    if (!Array.isArray(list)) return '';
    return list
      .map((item) => text((item as Record<string, unknown> | null)?.number))
      .filter(Boolean)
      .join(', ');
  }

  /** "R. Analist (RIEC), …" or "een wachtwoord" from a bundle export's `to`. */
  recipients(to: unknown): string {
    if (!Array.isArray(to)) return '';
    return to
      .map((item) => {
        const recipient = (item ?? {}) as Record<string, unknown>;
        if (recipient.passphrase === true) return this.vocabulary.passphrase;
        return recipient.name ? `${text(recipient.name)} (${text(recipient.organisation)})` : text(recipient.ageRecipient);
      })
      .join(', ');
  }

  /** "R. Analist (RIEC)" from a bundle's sender. */
  sender(sender: unknown): string {
    const { name, organisation } = (sender ?? {}) as Record<string, unknown>;
    return `${text(name)} (${text(organisation)})`;
  }

  /** The protected material a document included, in words. */
  included(included: unknown): string {
    return (Array.isArray(included) ? included : [])
      .filter((kind): kind is ProtectedKind => typeof kind === 'string' && Object.hasOwn(this.vocabulary.included, kind))
      .map((kind) => this.vocabulary.included[kind])
      .join(', ');
  }

  /** "Dossier 2019-0001" or "Signaal #12" for a retention entry (the item itself may be destroyed). */
  retentionItem(details: { readonly kind?: unknown; readonly number?: unknown; readonly id?: unknown }): string {
    return details.kind === 'dossier' ? this.vocabulary.dossierNumber(text(details.number)) : this.vocabulary.signalNumber(text(details.id));
  }
}

/** Settings as words: the two the app has, by name; any other key as it is. */
function settingsChanges(details: StoredDetails<'settings.updated'>, autoLock: (minutes: number) => string, language: (name: string) => string): string {
  const changes: string[] = [];
  if (typeof details.autoLockMinutes === 'number') changes.push(autoLock(details.autoLockMinutes));
  if (details.language === 'nl' || details.language === 'en') changes.push(language(LANGUAGE_NAMES[details.language]));
  for (const key of Object.keys(details)) if (key !== 'autoLockMinutes' && key !== 'language') changes.push(key);
  return changes.join(', ');
}

/** Each language by its own name, as the language setting offers it. */
const LANGUAGE_NAMES = { nl: 'Nederlands', en: 'English' } as const;

const plural = (one: string, other: string) => (number: number) => (number === 1 ? one : other.replace('#', String(number)));

const NL: Vocabulary = {
  language: 'nl',
  fields: {
    receivedOn: 'ontvangstdatum',
    howReceived: 'binnengekomen via',
    reporterName: 'naam melder',
    reporterContact: 'contactgegevens melder',
    reporterProtected: 'afscherming melder',
    origin: 'herkomst',
    phenomenonId: 'fenomeen',
    phenomenonIds: 'fenomenen',
    summary: 'samenvatting',
    description: 'omschrijving',
    location: 'locatie',
    sourceGrade: 'betrouwbaarheid bron',
    informationGrade: 'betrouwbaarheid informatie',
    tlp: 'rubricering (TLP)',
    legalBasis: 'grondslag',
    purpose: 'doel',
    retentionUntil: 'bewaartermijn',
    title: 'titel',
    priority: 'prioriteit',
    owner: 'eigenaar',
    partners: 'betrokken partners',
    kind: 'soort',
    partner: 'partner',
    plannedOn: 'gepland op',
    startedOn: 'gestart op',
    decidedOn: 'besloten op',
    stage: 'fase',
    outcome: 'uitkomst',
    details: 'gegevens',
    provenance: 'leverancier, grondslag of gebruiksbeperking',
  },
  status: DOSSIER_STATUS_LABELS_NL,
  closingReason: CLOSING_REASON_LABELS_NL,
  measureKind: MEASURE_KIND_LABELS_NL,
  subjectType: SUBJECT_TYPE_LABELS_NL,
  role: SUBJECT_ROLE_LABELS_NL,
  linkKind: SUBJECT_LINK_KIND_LABELS_NL,
  trashCount: {
    signal: plural('1 signaal', '# signalen'),
    dossier: plural('1 dossier', '# dossiers'),
    subject: plural('1 subject', '# subjecten'),
    note: plural('1 notitie', '# notities'),
    measure: plural('1 maatregel', '# maatregelen'),
    attachment: plural('1 bijlage', '# bijlagen'),
  },
  included: {
    reporter: 'identiteit melder',
    bsn: 'BSN',
    internalNotes: 'interne notities',
  },
  unknownSize: 'grootte onbekend',
  passphrase: 'een wachtwoord',
  dossierNumber: (number) => `Dossier ${number}`,
  signalNumber: (id) => `Signaal #${id}`,
};

const EN: Vocabulary = {
  language: 'en',
  fields: {
    receivedOn: 'date received',
    howReceived: 'received through',
    reporterName: 'reporter’s name',
    reporterContact: 'reporter’s contact details',
    reporterProtected: 'reporter protection',
    origin: 'origin',
    phenomenonId: 'phenomenon',
    phenomenonIds: 'phenomena',
    summary: 'summary',
    description: 'description',
    location: 'location',
    sourceGrade: 'source reliability',
    informationGrade: 'information reliability',
    tlp: 'handling code (TLP)',
    legalBasis: 'legal basis',
    purpose: 'purpose',
    retentionUntil: 'retention period',
    title: 'title',
    priority: 'priority',
    owner: 'owner',
    partners: 'partners involved',
    kind: 'kind',
    partner: 'partner',
    plannedOn: 'planned on',
    startedOn: 'started on',
    decidedOn: 'decided on',
    stage: 'stage',
    outcome: 'outcome',
    details: 'details',
    provenance: 'supplier, basis or use restriction',
  },
  status: DOSSIER_STATUS_LABELS_EN,
  closingReason: CLOSING_REASON_LABELS_EN,
  measureKind: MEASURE_KIND_LABELS_EN,
  subjectType: SUBJECT_TYPE_LABELS_EN,
  role: SUBJECT_ROLE_LABELS_EN,
  linkKind: SUBJECT_LINK_KIND_LABELS_EN,
  trashCount: {
    signal: plural('1 signal', '# signals'),
    dossier: plural('1 dossier', '# dossiers'),
    subject: plural('1 subject', '# subjects'),
    note: plural('1 note', '# notes'),
    measure: plural('1 measure', '# measures'),
    attachment: plural('1 attachment', '# attachments'),
  },
  included: {
    reporter: 'reporter’s identity',
    bsn: 'BSN',
    internalNotes: 'internal notes',
  },
  unknownSize: 'size unknown',
  passphrase: 'a passphrase',
  dossierNumber: (number) => `Dossier ${number}`,
  signalNumber: (id) => `Signal #${id}`,
};

const PASSPHRASE_PURPOSES_NL: Readonly<Record<PassphrasePurpose, string>> = {
  'recovery-key': ' om de herstelsleutel te tonen',
  'passphrase-change': ' bij het wijzigen van het wachtwoord',
  'key-rotation': ' bij het opnieuw versleutelen van de kluis',
};

const PASSPHRASE_PURPOSES_EN: Readonly<Record<PassphrasePurpose, string>> = {
  'recovery-key': ' to show the recovery key',
  'passphrase-change': ' to change the passphrase',
  'key-rotation': ' to re-encrypt the vault',
};

/** What the passphrase was asked for, or nothing for a purpose this version does not know. */
function passphrasePurpose(purpose: unknown, phrases: Readonly<Record<PassphrasePurpose, string>>): string {
  return typeof purpose === 'string' && Object.hasOwn(phrases, purpose) ? phrases[purpose as PassphrasePurpose] : '';
}

function failedInARow(value: unknown, phrase: (count: number) => string): string {
  const attempts = count(value);
  return attempts > 0 ? phrase(attempts) : '';
}

export const AUDIT_SENTENCES_NL: SentenceTable = {
  'access-request.exported': () => 'Overzicht van een inzageverzoek als PDF opgeslagen',
  'access-request.handled': () => 'Inzageverzoek afgehandeld',
  'address-book.added': (d, w) => `Partner ${w.text(d.name)} (${w.text(d.organisation)}) aan het adresboek toegevoegd`,
  'address-book.removed': (d, w) => `Partner #${w.text(d.partnerId)} uit het adresboek verwijderd`,
  'address-book.verified': (d, w) => `Vingerafdruk van partner #${w.text(d.partnerId)} vergeleken`,
  'address-book.organisation-set': (d, w) => `Organisatie van partner #${w.text(d.partnerId)} in het adresboek vastgelegd`,
  'attachment.copies-removed': (d, w) =>
    w.count(d.left) > 0
      ? `Tijdelijke kopieën van bijlagen verwijderd bij het vergrendelen: ${w.count(d.removed)}; niet verwijderd: ${w.count(d.left)}`
      : `Tijdelijke kopieën van bijlagen verwijderd bij het vergrendelen: ${w.count(d.removed)}`,
  'attachment.copy-opened': (d, w) => `Tijdelijke kopie van een bijlage gemaakt om te openen (${w.size(d.bytes)})`,
  'attachment.exported': (d, w) => `Bijlage buiten de kluis opgeslagen (${w.size(d.bytes)})`,
  'attachment.imported': (d, w) => `Bijlage toegevoegd (${w.size(d.bytes)})`,
  'attachment.list-viewed': () => 'Bijlagen van een dossier bekeken',
  'attachment.restored': () => 'Bijlage uit de prullenbak teruggezet',
  'attachment.trashed': () => 'Bijlage naar de prullenbak verplaatst',
  'attachment.viewed': () => 'Bijlage bekeken',
  'audit.viewed': () => 'Logboek ingezien',
  'bundle.age-identity-written': (d, w) => `Geheime age-sleutel geëxporteerd naar ${w.text(d.path)}`,
  'bundle.card-written': (d, w) => `Partnerkaart opgeslagen in ${w.text(d.path)}`,
  'bundle.exported': (d, w) => `Bundel met ${w.dossierNumbers(d.dossiers)} naar ${w.recipients(d.to)} opgeslagen in ${w.text(d.path)} (${w.size(d.bytes)})`,
  'bundle.imported': (d, w) => `Bundel van ${w.sender(d.sender)} geïmporteerd: ${w.dossierNumbers(d.dossiers)}`,
  'bundle.organisation-set': (d, w) => `Organisatie op de partnerkaart gewijzigd in ‘${w.text(d.organisation)}’`,
  'bundle.tlp-overridden': (d, w) => `Behandelcode overschreven voor ${w.count(d.count)} onderdelen, reden: ‘${w.text(d.reason)}’`,
  'document.compared': (d, w) => `Versies ${w.text(d.fromVersion)} en ${w.text(d.toVersion)} van een preweegdocument vergeleken`,
  'document.composed': (d, w) => {
    const included = w.included(d.included);
    return included
      ? `Preweegdocument opgesteld uit het dossier (versie ${w.text(d.version)}), met ${included}`
      : `Preweegdocument opgesteld uit het dossier (versie ${w.text(d.version)})`;
  },
  'document.exported': (d, w) => `Preweegdocument geëxporteerd als ${d.format === 'docx' ? 'Word' : 'PDF'} (versie ${w.text(d.version)}) naar ${w.text(d.path)}`,
  'document.printed': (d, w) => `Preweegdocument afgedrukt (versie ${w.text(d.version)})`,
  'document.saved': (d, w) => `Preweegdocument opgeslagen als versie ${w.text(d.version)}`,
  'document.signal-sheet-exported': (d, w) => `Signaalblad voor het informatieplein opgeslagen naar ${w.text(d.path)}`,
  'document.viewed': (d, w) => `Preweegdocument bekeken (versie ${w.text(d.version)})`,
  'disclosure.recorded': (d, w) =>
    `Verstrekt: ${w.text(d.output)} (${w.text(d.channel)}), TLP:${w.text(d.marking)}, ${w.count(Array.isArray(d.items) ? d.items.length : 0)} gegevens; achtergehouden: ${w.count(d.withheld)}${d.overrideReason ? `; overschreven met reden ‘${w.text(d.overrideReason)}’` : ''}`,
  'dossier.created': (d, w) => `Dossier ${w.text(d.number)} aangemaakt`,
  'dossier.matches-viewed': () => '‘Komt ook voor in’ van een dossier bekeken',
  'dossier.restored': () => 'Dossier uit de prullenbak teruggezet',
  'dossier.status-changed': (d, w) => {
    const change = `Status van dossier ${w.text(d.number)} gewijzigd van ‘${w.status(d.from)}’ naar ‘${w.status(d.to)}’`;
    const reason = w.closingReason(d.closingReason);
    return reason ? `${change}, reden: ${reason}` : change;
  },
  'dossier.timeline-viewed': () => 'Tijdlijn van een dossier bekeken',
  'dossier.trashed': () => 'Dossier naar de prullenbak verplaatst',
  'dossier.updated': (d, w) => `Dossier gewijzigd: ${w.fields(d.fields)}`,
  'dossier.viewed': (d, w) => `Dossier ${w.text(d.number)} geopend`,
  'measure.added': (d, w) => `Maatregel toegevoegd: ${w.measureKind(d.kind)}`,
  'measure.restored': () => 'Maatregel uit de prullenbak teruggezet',
  'measure.trashed': () => 'Maatregel naar de prullenbak verplaatst',
  'measure.updated': (d, w) => `Maatregel gewijzigd: ${w.fields(d.fields)}`,
  'meeting.action-added': () => 'Actie vastgelegd bij een overleg',
  'meeting.action-done': () => 'Actie uit een overleg afgerond',
  'meeting.action-reopened': () => 'Actie uit een overleg heropend',
  'meeting.created': () => 'Overleg aangemaakt',
  'meeting.exported': () => 'Agenda of verslag van een overleg als PDF opgeslagen',
  'meeting.item-added': () => 'Agendapunt toegevoegd aan een overleg',
  'meeting.item-removed': () => 'Agendapunt van een overleg verwijderd',
  'meeting.item-updated': () => 'Agendapunt van een overleg gewijzigd',
  'meeting.outcome-applied': () => 'Uitkomst van een overleg verwerkt in het dossier',
  'meeting.updated': () => 'Overleg gewijzigd',
  'meeting.viewed': () => 'Overleg bekeken',
  'legal-basis.saved': (d, w) => `Grondslag ‘${w.text(d.label)}’ ${d.added ? 'toegevoegd' : 'gewijzigd'}`,
  'note.added': () => 'Notitie toegevoegd',
  'organisation.saved': (d, w) => `Organisatie ‘${w.text(d.name)}’ ${d.added ? 'toegevoegd' : 'gewijzigd'}`,
  'note.list-viewed': () => 'Notities van een dossier gelezen',
  'note.restored': () => 'Notitie uit de prullenbak teruggezet',
  'note.trashed': () => 'Notitie naar de prullenbak verplaatst',
  'phenomenon.added': () => 'Fenomeen toegevoegd aan de keuzelijst',
  'register.exported': () => 'Verwerkingsregister als document opgeslagen',
  'register.updated': () => 'Verwerkingsregister gewijzigd',
  'report.exported': (d, w) => `Jaarrapportage (${w.text(d.from)} t/m ${w.text(d.to)}) als ${d.format === 'pdf' ? 'PDF' : 'CSV'} opgeslagen`,
  'retention.defaults-updated': () => 'Standaardbewaartermijnen gewijzigd',
  'retention.destroyed': (d, w) => `${w.retentionItem(d)} definitief vernietigd; reden: ${w.text(d.reason)}`,
  'retention.extended': (d, w) => `Bewaartermijn van ${w.retentionItem(d)} verlengd tot ${w.date(d.to)}; reden: ${w.text(d.reason)}`,
  'retention.shortened': (d, w) => `Bewaartermijn van ${w.retentionItem(d)} verkort tot ${w.date(d.to)}; reden: ${w.text(d.reason)}`,
  'search.performed': (d, w) => (w.count(d.hits) === 1 ? 'Gezocht: 1 resultaat' : `Gezocht: ${w.count(d.hits)} resultaten`),
  'settings.updated': (d) =>
    `Instellingen gewijzigd: ${settingsChanges(
      d,
      (minutes) => `automatisch vergrendelen na ${minutes} minuten`,
      (name) => `taal ${name}`,
    )}`,
  'signal.attached': (d, w) => `Signaal gekoppeld aan dossier ${w.text(d.number)}`,
  'signal.created': () => 'Signaal vastgelegd',
  'signal.restored': () => 'Signaal uit de prullenbak teruggezet',
  'signal.trashed': () => 'Signaal naar de prullenbak verplaatst',
  'signal.updated': (d, w) => `Signaal gewijzigd: ${w.fields(d.fields)}`,
  'signal.viewed': () => 'Signaal bekeken',
  'subject.created': (d, w) => `Subject vastgelegd: ${w.subjectType(d.type)}`,
  'subject.linked': (d, w) => `Twee subjecten met elkaar verbonden: ${w.linkKind(d.kind)}`,
  'subject.linked-to-dossier': (d, w) => `Subject aan een dossier gekoppeld als ${w.role(d.role)}`,
  'subject.matches-viewed': () => '‘Komt ook voor in’ van een subject bekeken',
  'subject.merged': (d, w) => `Dubbel subject samengevoegd: ${w.count(d.movedDossierLinks) + w.count(d.movedSubjectLinks)} koppelingen overgezet`,
  'subject.restored': () => 'Subject uit de prullenbak teruggezet',
  'subject.trashed': () => 'Subject naar de prullenbak verplaatst',
  'subject.unlinked': () => 'Verbinding tussen twee subjecten verwijderd',
  'subject.unlinked-from-dossier': () => 'Koppeling van een subject aan een dossier verwijderd',
  'subject.updated': (d, w) => `Subject gewijzigd: ${w.fields(d.fields)}`,
  'subject.viewed': () => 'Subject bekeken',
  'trash.emptied': (d, w) => {
    const destroyed = w.destroyed(d.destroyed);
    return destroyed ? `Prullenbak geleegd; definitief vernietigd: ${destroyed}` : 'Prullenbak geleegd; er lag niets in';
  },
  'vault.backup': (d, w) => `Reservekopie gemaakt: ${w.text(d.path)} (${w.size(d.bytes)})`,
  'vault.checked': () => 'Kluis gecontroleerd met de opdrachtregel (kluis check)',
  'vault.created': () => 'Kluis aangemaakt',
  'vault.integrity-problem': () => 'De controle na het ontgrendelen vond een fout in het kluisbestand',
  'vault.key-rotated': () => 'Kluis opnieuw versleuteld met een nieuwe sleutel',
  'vault.locked': () => 'Kluis vergrendeld',
  'vault.passphrase-changed': () => 'Wachtwoord gewijzigd',
  'vault.passphrase-refused': (d) =>
    `Onjuist wachtwoord ingevoerd${passphrasePurpose(d.purpose, PASSPHRASE_PURPOSES_NL)}${failedInARow(d.failedAttempts, (n) => ` (${n}e mislukte poging op rij)`)}`,
  'vault.recovery-key-renewed': () => 'Nieuwe herstelsleutel gemaakt',
  'vault.recovery-key-shown': () => 'Herstelsleutel opnieuw getoond',
  'vault.restored': (d, w) => `Kluis teruggezet uit de reservekopie ${w.text(d.from)}`,
  'vault.unlocked': (d) => (d.method === 'recovery' ? 'Kluis ontgrendeld met de herstelsleutel' : 'Kluis ontgrendeld met het wachtwoord'),
};

export const AUDIT_SENTENCES_EN: SentenceTable = {
  'access-request.exported': () => 'Access request report saved as PDF',
  'access-request.handled': () => 'Access request handled',
  'address-book.added': (d, w) => `Partner ${w.text(d.name)} (${w.text(d.organisation)}) added to the address book`,
  'address-book.removed': (d, w) => `Partner #${w.text(d.partnerId)} removed from the address book`,
  'address-book.verified': (d, w) => `Fingerprint of partner #${w.text(d.partnerId)} compared`,
  'address-book.organisation-set': (d, w) => `Organisation of partner #${w.text(d.partnerId)} set in the address book`,
  'attachment.copies-removed': (d, w) =>
    w.count(d.left) > 0
      ? `Temporary copies of attachments removed on locking: ${w.count(d.removed)}; not removed: ${w.count(d.left)}`
      : `Temporary copies of attachments removed on locking: ${w.count(d.removed)}`,
  'attachment.copy-opened': (d, w) => `Temporary copy of an attachment made to open it (${w.size(d.bytes)})`,
  'attachment.exported': (d, w) => `Attachment saved outside the vault (${w.size(d.bytes)})`,
  'attachment.imported': (d, w) => `Attachment added (${w.size(d.bytes)})`,
  'attachment.list-viewed': () => 'Attachments of a dossier viewed',
  'attachment.restored': () => 'Attachment restored from the trash',
  'attachment.trashed': () => 'Attachment moved to the trash',
  'attachment.viewed': () => 'Attachment viewed',
  'audit.viewed': () => 'Audit trail viewed',
  'bundle.age-identity-written': (d, w) => `Secret age key exported to ${w.text(d.path)}`,
  'bundle.card-written': (d, w) => `Partner card saved to ${w.text(d.path)}`,
  'bundle.exported': (d, w) => `Bundle with ${w.dossierNumbers(d.dossiers)} for ${w.recipients(d.to)} saved to ${w.text(d.path)} (${w.size(d.bytes)})`,
  'bundle.imported': (d, w) => `Bundle from ${w.sender(d.sender)} imported: ${w.dossierNumbers(d.dossiers)}`,
  'bundle.organisation-set': (d, w) => `Organisation on the partner card changed to ‘${w.text(d.organisation)}’`,
  'bundle.tlp-overridden': (d, w) => `Handling code overridden for ${w.count(d.count)} items, reason: ‘${w.text(d.reason)}’`,
  'document.compared': (d, w) => `Versions ${w.text(d.fromVersion)} and ${w.text(d.toVersion)} of a preweeg document compared`,
  'document.composed': (d, w) => {
    const included = w.included(d.included);
    return included
      ? `Preweeg document composed from the dossier (version ${w.text(d.version)}), with ${included}`
      : `Preweeg document composed from the dossier (version ${w.text(d.version)})`;
  },
  'document.exported': (d, w) => `Preweeg document exported as ${d.format === 'docx' ? 'Word' : 'PDF'} (version ${w.text(d.version)}) to ${w.text(d.path)}`,
  'document.printed': (d, w) => `Preweeg document printed (version ${w.text(d.version)})`,
  'document.saved': (d, w) => `Preweeg document saved as version ${w.text(d.version)}`,
  'document.signal-sheet-exported': (d, w) => `Signal sheet for the informatieplein saved to ${w.text(d.path)}`,
  'document.viewed': (d, w) => `Preweeg document viewed (version ${w.text(d.version)})`,
  'disclosure.recorded': (d, w) =>
    `Disclosed: ${w.text(d.output)} (${w.text(d.channel)}), TLP:${w.text(d.marking)}, ${w.count(Array.isArray(d.items) ? d.items.length : 0)} items; withheld: ${w.count(d.withheld)}${d.overrideReason ? `; overridden with reason ‘${w.text(d.overrideReason)}’` : ''}`,
  'dossier.created': (d, w) => `Dossier ${w.text(d.number)} created`,
  'dossier.matches-viewed': () => '‘Also appears in’ of a dossier viewed',
  'dossier.restored': () => 'Dossier restored from the trash',
  'dossier.status-changed': (d, w) => {
    const change = `Status of dossier ${w.text(d.number)} changed from ‘${w.status(d.from)}’ to ‘${w.status(d.to)}’`;
    const reason = w.closingReason(d.closingReason);
    return reason ? `${change}, reason: ${reason}` : change;
  },
  'dossier.timeline-viewed': () => 'Timeline of a dossier viewed',
  'dossier.trashed': () => 'Dossier moved to the trash',
  'dossier.updated': (d, w) => `Dossier changed: ${w.fields(d.fields)}`,
  'dossier.viewed': (d, w) => `Dossier ${w.text(d.number)} opened`,
  'measure.added': (d, w) => `Measure added: ${w.measureKind(d.kind)}`,
  'measure.restored': () => 'Measure restored from the trash',
  'measure.trashed': () => 'Measure moved to the trash',
  'measure.updated': (d, w) => `Measure changed: ${w.fields(d.fields)}`,
  'meeting.action-added': () => 'Action recorded at a meeting',
  'meeting.action-done': () => 'Action from a meeting done',
  'meeting.action-reopened': () => 'Action from a meeting reopened',
  'meeting.created': () => 'Meeting created',
  'meeting.exported': () => 'Agenda or minutes of a meeting saved as PDF',
  'meeting.item-added': () => 'Agenda item added to a meeting',
  'meeting.item-removed': () => 'Agenda item of a meeting removed',
  'meeting.item-updated': () => 'Agenda item of a meeting changed',
  'meeting.outcome-applied': () => 'Outcome of a meeting carried into the dossier',
  'meeting.updated': () => 'Meeting changed',
  'meeting.viewed': () => 'Meeting viewed',
  'legal-basis.saved': (d, w) => `Legal basis ‘${w.text(d.label)}’ ${d.added ? 'added' : 'changed'}`,
  'note.added': () => 'Note added',
  'organisation.saved': (d, w) => `Organisation ‘${w.text(d.name)}’ ${d.added ? 'added' : 'changed'}`,
  'note.list-viewed': () => 'Notes of a dossier read',
  'note.restored': () => 'Note restored from the trash',
  'note.trashed': () => 'Note moved to the trash',
  'phenomenon.added': () => 'Phenomenon added to the list',
  'register.exported': () => 'Register of processing saved as a document',
  'register.updated': () => 'Register of processing changed',
  'report.exported': (d, w) => `Annual report (${w.text(d.from)} to ${w.text(d.to)}) saved as ${d.format === 'pdf' ? 'PDF' : 'CSV'}`,
  'retention.defaults-updated': () => 'Default retention periods changed',
  'retention.destroyed': (d, w) => `${w.retentionItem(d)} destroyed permanently; reason: ${w.text(d.reason)}`,
  'retention.extended': (d, w) => `Retention period of ${w.retentionItem(d)} extended to ${w.date(d.to)}; reason: ${w.text(d.reason)}`,
  'retention.shortened': (d, w) => `Retention period of ${w.retentionItem(d)} shortened to ${w.date(d.to)}; reason: ${w.text(d.reason)}`,
  'search.performed': (d, w) => (w.count(d.hits) === 1 ? 'Searched: 1 result' : `Searched: ${w.count(d.hits)} results`),
  'settings.updated': (d) =>
    `Settings changed: ${settingsChanges(
      d,
      (minutes) => `lock automatically after ${minutes} minutes`,
      (name) => `language ${name}`,
    )}`,
  'signal.attached': (d, w) => `Signal attached to dossier ${w.text(d.number)}`,
  'signal.created': () => 'Signal recorded',
  'signal.restored': () => 'Signal restored from the trash',
  'signal.trashed': () => 'Signal moved to the trash',
  'signal.updated': (d, w) => `Signal changed: ${w.fields(d.fields)}`,
  'signal.viewed': () => 'Signal viewed',
  'subject.created': (d, w) => `Subject recorded: ${w.subjectType(d.type)}`,
  'subject.linked': (d, w) => `Two subjects linked: ${w.linkKind(d.kind)}`,
  'subject.linked-to-dossier': (d, w) => `Subject linked to a dossier as ${w.role(d.role)}`,
  'subject.matches-viewed': () => '‘Also appears in’ of a subject viewed',
  'subject.merged': (d, w) => `Duplicate subject merged: ${w.count(d.movedDossierLinks) + w.count(d.movedSubjectLinks)} links moved`,
  'subject.restored': () => 'Subject restored from the trash',
  'subject.trashed': () => 'Subject moved to the trash',
  'subject.unlinked': () => 'Link between two subjects removed',
  'subject.unlinked-from-dossier': () => 'Link of a subject to a dossier removed',
  'subject.updated': (d, w) => `Subject changed: ${w.fields(d.fields)}`,
  'subject.viewed': () => 'Subject viewed',
  'trash.emptied': (d, w) => {
    const destroyed = w.destroyed(d.destroyed);
    return destroyed ? `Trash emptied; permanently destroyed: ${destroyed}` : 'Trash emptied; it held nothing';
  },
  'vault.backup': (d, w) => `Backup made: ${w.text(d.path)} (${w.size(d.bytes)})`,
  'vault.checked': () => 'Vault checked from the command line (kluis check)',
  'vault.created': () => 'Vault created',
  'vault.integrity-problem': () => 'The check after unlocking found an error in the vault file',
  'vault.key-rotated': () => 'Vault re-encrypted with a new key',
  'vault.locked': () => 'Vault locked',
  'vault.passphrase-changed': () => 'Passphrase changed',
  'vault.passphrase-refused': (d) =>
    `Wrong passphrase entered${passphrasePurpose(d.purpose, PASSPHRASE_PURPOSES_EN)}${failedInARow(d.failedAttempts, (n) => ` (failed attempt ${n} in a row)`)}`,
  'vault.recovery-key-renewed': () => 'New recovery key made',
  'vault.recovery-key-shown': () => 'Recovery key shown again',
  'vault.restored': (d, w) => `Vault restored from the backup ${w.text(d.from)}`,
  'vault.unlocked': (d) => (d.method === 'recovery' ? 'Vault unlocked with the recovery key' : 'Vault unlocked with the passphrase'),
};

export const AUDIT_SENTENCES: Readonly<Record<AuditSentenceLanguage, SentenceTable>> = { nl: AUDIT_SENTENCES_NL, en: AUDIT_SENTENCES_EN };

const WORDS: Readonly<Record<AuditSentenceLanguage, Words>> = {
  nl: new Words(NL),
  en: new Words(EN),
};

/**
 * What an entry says, in words, in `language`: what happened with the details that say more (ids
 * are not in it). An action this version does not know (a newer vault's) is given by its name.
 */
export function auditSentence(entry: { action: string; details: Readonly<Record<string, unknown>> }, language: AuditSentenceLanguage): string {
  const { action } = entry;
  if (!isAuditAction(action)) return action;
  const sentence = AUDIT_SENTENCES[language][action] as (details: Readonly<Record<string, unknown>>, words: Words) => string;
  const details = entry.details !== null && typeof entry.details === 'object' ? entry.details : {};
  return sentence(details, WORDS[language]);
}
