import type { ErrorCode } from '../api/errors';

/**
 * The user-facing sentence for every error code, in Dutch and English. `{{name}}` placeholders are
 * filled from the error's details (i18next interpolation in the UI, `formatError` in the CLI).
 */
export const errorMessages: Record<'nl' | 'en', Record<ErrorCode, string>> = {
  nl: {
    INVALID_INPUT: 'De invoer is niet geldig.',
    UNKNOWN_HANDLER: 'Onbekende opdracht.',
    FORBIDDEN_SENDER: 'Deze opdracht komt niet uit Dossierkluis en is geweigerd.',
    WRONG_PASSPHRASE: 'Het wachtwoord is onjuist.',
    WRONG_RECOVERY_KEY: 'De herstelsleutel is onjuist.',
    TOO_MANY_ATTEMPTS: 'Te veel mislukte pogingen. Probeer het over {{retryAfterSeconds}} seconden opnieuw.',
    WEAK_PASSPHRASE: 'Het wachtwoord moet minstens {{minimumLength}} tekens lang zijn.',
    VAULT_LOCKED: 'De kluis is vergrendeld. Ontgrendel de kluis eerst.',
    VAULT_ALREADY_UNLOCKED: 'Er is al een kluis geopend. Vergrendel die eerst.',
    VAULT_NOT_FOUND: 'Het kluisbestand is niet gevonden.',
    VAULT_EXISTS: 'Op deze plek staat al een kluis. Kies een andere bestandsnaam.',
    VAULT_IN_USE: 'Deze kluis is al geopend in een ander venster of programma.',
    VAULT_TOO_NEW: 'Deze kluis is gemaakt met een nieuwere versie van Dossierkluis. Werk Dossierkluis bij om haar te openen; de kluis is niet gewijzigd.',
    VAULT_CORRUPT: 'Het kluisbestand is beschadigd en kan niet worden geopend. Zet een reservekopie terug.',
    KEY_FILE_MISSING: 'Het sleutelbestand (.keys) naast de kluis ontbreekt. Zet het terug uit de reservekopie.',
    KEY_FILE_INVALID: 'Het sleutelbestand (.keys) naast de kluis is beschadigd. Zet het terug uit de reservekopie.',
    BACKUP_INVALID: 'De reservekopie is beschadigd of onvolledig.',
    DISK_FULL: 'De schijf is vol. Er is niets gewijzigd; maak ruimte vrij en probeer het opnieuw.',
    IO_ERROR: 'Lezen of schrijven van het bestand is mislukt. Is de schijf of USB-stick nog aangesloten? Er is niets gewijzigd.',
    PERMISSION_DENIED: 'Geen toegang tot het bestand of de map.',
    NOT_FOUND: 'Dit onderdeel bestaat niet (meer). Misschien staat het in de prullenbak.',
    FILE_EXISTS: 'Op deze plek staat al een bestand. Kies een andere naam of bevestig dat het mag worden overschreven.',
    FILE_NOT_REGULAR: '‘{{path}}’ is geen gewoon bestand maar een map, pipe, apparaat of socket, en is niet gelezen. Kies een gewoon bestand.',
    FILE_NOT_FOUND: 'Het bestand ‘{{path}}’ bestaat niet. Controleer de naam en de map.',
    FOLDER_NOT_FOUND: 'De map ‘{{path}}’ bestaat niet. Maak de map eerst aan of kies een andere plek.',
    NAME_TOO_LONG: 'De naam ‘{{name}}’ is te lang voor het bestandssysteem. Kies een kortere naam.',
    VAULT_READ_ONLY:
      'Alleen lezen: de kluis staat op een plek waar Dossierkluis niet kan schrijven, zoals een beveiligde USB-stick of een cd. Lezen, zoeken en een reservekopie maken kan; wijzigen en verstrekken niet, omdat het logboek daar niet kan worden bijgewerkt. Maak een reservekopie in een schrijfbare map en open die om te wijzigen.',
    VAULT_READ_ONLY_NEEDS_COPY:
      'Deze kluis staat op een plek waar Dossierkluis niet kan schrijven, en kan daar ook niet alleen-lezen worden geopend: ze is niet afgesloten opgeslagen, of ze moet eerst worden bijgewerkt. Kopieer de hele map met de kluis naar een schrijfbare plek, met het .keys-bestand en de bestanden die eindigen op -wal, -shm of -journal (daarin staan de laatste wijzigingen), en open daar de kopie.',
    INVALID_STATUS_TRANSITION: 'Deze statuswijziging is niet toegestaan vanuit de huidige status van het dossier.',
    CLOSING_REASON_REQUIRED: 'Kies een reden van afsluiten: opgelost, overgedragen, geen grond of verjaard.',
    REOPEN_REASON_REQUIRED: 'Geef een reden op om dit afgehandelde dossier weer te openen.',
    SIGNAL_ALREADY_IN_DOSSIER: 'Dit signaal hoort al bij een ander dossier.',
    MERGE_CONFLICT:
      'Deze subjecten kunnen niet worden samengevoegd: ze zijn van een andere soort, of een identificerend gegeven (zoals BSN, KvK-nummer of geboortedatum) verschilt.',
    PHENOMENON_EXISTS: 'Dit fenomeen staat al in de lijst.',
    DATE_IN_FUTURE: 'Deze datum ligt in de toekomst. Kies vandaag of een eerdere datum.',
    DATE_BEFORE_LAST_CHANGE: 'De datum van een statuswijziging mag niet vóór de vorige statuswijziging ({{lastChangedOn}}) liggen.',
    CANCELLED: 'Afgebroken op uw verzoek. Er is niets bewaard of weggeschreven.',
    OPEN_FAILED:
      'Het bestand kon niet met een ander programma worden geopend. Is er op deze computer een programma voor dit soort bestand? U kunt het ook opslaan met ‘Opslaan als…’.',
    BUNDLE_NOT_AGE: 'Dit bestand is geen Dossierkluis-bundel: het is niet met age versleuteld.',
    BUNDLE_PASSPHRASE_REQUIRED: 'Deze bundel is met een wachtwoord versleuteld. Vul het bundelwachtwoord in dat u van de afzender kreeg.',
    BUNDLE_WRONG_PASSPHRASE: 'Het bundelwachtwoord is onjuist. Er is niets geïmporteerd.',
    BUNDLE_NOT_FOR_THIS_VAULT: 'Deze bundel is niet voor deze kluis versleuteld. Vraag de afzender de bundel opnieuw te maken met uw partnerkaart. Er is niets geïmporteerd.',
    BUNDLE_WRONG_RECIPIENT: 'Deze bundel was volgens de handtekening voor een andere ontvanger bestemd en is daarna opnieuw versleuteld. Er is niets geïmporteerd.',
    BUNDLE_DAMAGED: 'De bundel is beschadigd of onvolledig, bijvoorbeeld doordat het kopiëren is afgebroken. Vraag de afzender om een nieuwe kopie. Er is niets geïmporteerd.',
    BUNDLE_UNSIGNED:
      'Dit bestand is wel voor deze kluis versleuteld, maar het is geen ondertekende Dossierkluis-bundel. Zonder handtekening is niet vast te stellen wie het maakte. Er is niets geïmporteerd.',
    BUNDLE_SIGNATURE_INVALID:
      'De handtekening van de bundel klopt niet: de inhoudslijst is na het ondertekenen gewijzigd of door iemand anders ondertekend. Er is niets geïmporteerd.',
    BUNDLE_TAMPERED:
      'Een onderdeel van de bundel ({{path}}) komt niet overeen met de ondertekende inhoudslijst: het ontbreekt, is extra of is gewijzigd. Er is niets geïmporteerd.',
    BUNDLE_INVALID: 'De bundel bevat een onderdeel dat niet aan het bundelformaat voldoet ({{path}}). Er is niets geïmporteerd.',
    BUNDLE_UNSAFE_PATH: 'De bundel noemt een onveilige bestandsnaam ({{path}}): een pad met "..", een absoluut pad of een koppeling. Er is niets geïmporteerd.',
    BUNDLE_TOO_LARGE: 'Een onderdeel van de bundel ({{path}}) is groter dan toegestaan. Er is niets geïmporteerd.',
    BUNDLE_TOO_NEW:
      'Deze bundel is gemaakt met een nieuwere versie van Dossierkluis (formaatversie {{version}}). Werk Dossierkluis bij om hem te openen. Er is niets geïmporteerd.',
    BUNDLE_SENDER_UNKNOWN:
      'De afzender ({{name}}) staat niet in uw adresboek. Vergelijk de vingerafdruk met de afzender, bijvoorbeeld telefonisch, en accepteer de partnerkaart voordat u importeert.',
    BUNDLE_SENDER_MISMATCH:
      'Let op: de afzender noemt zich {{name}}, maar de sleutel verschilt van de partnerkaart in uw adresboek. Vergelijk de vingerafdruk met de afzender voordat u de bundel accepteert.',
    BUNDLE_CHANGED: 'De bundel is gewijzigd sinds u hem bekeek. Open hem opnieuw. Er is niets geïmporteerd.',
    BUNDLE_ALREADY_IMPORTED: 'Deze bundel is al geïmporteerd op {{importedOn}}. Dezelfde bundel gaat maar één keer de kluis in. Er is niets geïmporteerd.',
    BUNDLE_TLP_BLOCKED:
      'Er is geen bundel gemaakt: volgens de deelregels mag geen van de gekozen dossiers naar deze ontvangers. Kies andere ontvangers, of geef voor de achtergehouden onderdelen een reden op om ze toch mee te geven; die reden komt in het logboek en het verstrekkingenregister.',
    PARTNER_CARD_INVALID:
      'Dit bestand is geen partnerkaart van Dossierkluis en geen age-sleutel (age1…), of de kaart is gewijzigd: de vingerafdruk past niet bij de sleutels.',
    PARTNER_CARD_SECRET_KEY:
      'Dit bestand bevat een geheime sleutel van age (AGE-SECRET-KEY-1…). Die hoort alleen bij de partner zelf. Vraag om de openbare sleutel (age1…, uit age-keygen -y) en laat de partner een nieuwe sleutel maken: de geheime is nu niet meer geheim.',
    PARTNER_EXISTS: 'Deze partner staat al in het adresboek.',
    PARTNER_IS_SELF: 'Dit is de partnerkaart van deze kluis zelf.',
    DOCUMENT_CHANGED:
      'Iemand heeft intussen een nieuwere versie van dit document opgeslagen (versie {{latestVersion}}). Uw tekst is niet opgeslagen; open de nieuwste versie en breng uw wijziging daarin aan.',
    PDF_UNAVAILABLE:
      'Een PDF maken lukt hier niet: er is geen Chromium gevonden (gezocht: {{searched}}). Installeer Chromium of zet CHROME_PATH op het programma; Word-export en afdrukken werken wel.',
    INTERNAL: 'Er ging iets onverwachts mis. Er is niets gewijzigd.',
  },
  en: {
    INVALID_INPUT: 'The input is not valid.',
    UNKNOWN_HANDLER: 'Unknown command.',
    FORBIDDEN_SENDER: 'This request does not come from Dossierkluis and was refused.',
    WRONG_PASSPHRASE: 'The passphrase is wrong.',
    WRONG_RECOVERY_KEY: 'The recovery key is wrong.',
    TOO_MANY_ATTEMPTS: 'Too many failed attempts. Try again in {{retryAfterSeconds}} seconds.',
    WEAK_PASSPHRASE: 'The passphrase must be at least {{minimumLength}} characters long.',
    VAULT_LOCKED: 'The vault is locked. Unlock it first.',
    VAULT_ALREADY_UNLOCKED: 'A vault is already open. Lock it first.',
    VAULT_NOT_FOUND: 'The vault file was not found.',
    VAULT_EXISTS: 'A vault already exists here. Choose another file name.',
    VAULT_IN_USE: 'This vault is already open in another window or program.',
    VAULT_TOO_NEW: 'This vault was made by a newer version of Dossierkluis. Update Dossierkluis to open it; the vault was not changed.',
    VAULT_CORRUPT: 'The vault file is damaged and cannot be opened. Restore a backup.',
    KEY_FILE_MISSING: 'The key file (.keys) beside the vault is missing. Restore it from the backup.',
    KEY_FILE_INVALID: 'The key file (.keys) beside the vault is damaged. Restore it from the backup.',
    BACKUP_INVALID: 'The backup is damaged or incomplete.',
    DISK_FULL: 'The disk is full. Nothing was changed; free some space and try again.',
    IO_ERROR: 'Reading or writing the file failed. Is the disk or USB stick still connected? Nothing was changed.',
    PERMISSION_DENIED: 'No access to the file or folder.',
    NOT_FOUND: 'This item does not exist (any more). It may be in the trash.',
    FILE_EXISTS: 'A file already exists here. Choose another name or confirm that it may be overwritten.',
    FILE_NOT_REGULAR: '‘{{path}}’ is not an ordinary file but a folder, pipe, device or socket, and was not read. Choose an ordinary file.',
    FILE_NOT_FOUND: 'The file ‘{{path}}’ does not exist. Check the name and the folder.',
    FOLDER_NOT_FOUND: 'The folder ‘{{path}}’ does not exist. Create it first or choose another place.',
    NAME_TOO_LONG: 'The name ‘{{name}}’ is too long for the file system. Choose a shorter name.',
    VAULT_READ_ONLY:
      'Read only: the vault is in a place where Dossierkluis cannot write, such as a write-protected USB stick or a CD. Reading, searching and making a backup work; changing and disclosing do not, because the audit trail cannot be updated there. Make a backup in a writable folder and open that to make changes.',
    VAULT_READ_ONLY_NEEDS_COPY:
      'This vault is in a place where Dossierkluis cannot write, and cannot be opened read-only there either: it was not closed properly, or it must be updated first. Copy the whole folder with the vault to a writable place, with the .keys file and the files ending in -wal, -shm or -journal (they hold the latest changes), and open the copy there.',
    INVALID_STATUS_TRANSITION: "This status change is not allowed from the dossier's current status.",
    CLOSING_REASON_REQUIRED: 'Choose a reason for closing: solved, handed over, no grounds or time-barred.',
    REOPEN_REASON_REQUIRED: 'Give a reason to reopen this finished dossier.',
    SIGNAL_ALREADY_IN_DOSSIER: 'This signal already belongs to another dossier.',
    MERGE_CONFLICT: 'These subjects cannot be merged: they are of different kinds, or an identifying detail (such as BSN, KvK number or date of birth) differs.',
    PHENOMENON_EXISTS: 'This phenomenon is already in the list.',
    DATE_IN_FUTURE: 'This date lies in the future. Choose today or an earlier date.',
    DATE_BEFORE_LAST_CHANGE: 'The date of a status change cannot lie before the previous status change ({{lastChangedOn}}).',
    CANCELLED: 'Stopped at your request. Nothing was kept or written.',
    OPEN_FAILED: 'The file could not be opened with another program. Is there a program for this kind of file on this computer? You can also save it with ‘Save as…’.',
    BUNDLE_NOT_AGE: 'This file is not a Dossierkluis bundle: it is not encrypted with age.',
    BUNDLE_PASSPHRASE_REQUIRED: 'This bundle is encrypted with a passphrase. Enter the bundle passphrase you received from the sender.',
    BUNDLE_WRONG_PASSPHRASE: 'The bundle passphrase is wrong. Nothing was imported.',
    BUNDLE_NOT_FOR_THIS_VAULT: 'This bundle is not encrypted for this vault. Ask the sender to make it again with your partner card. Nothing was imported.',
    BUNDLE_WRONG_RECIPIENT: 'According to its signature this bundle was meant for another recipient and was encrypted again afterwards. Nothing was imported.',
    BUNDLE_DAMAGED: 'The bundle is damaged or incomplete, for instance because copying was interrupted. Ask the sender for a new copy. Nothing was imported.',
    BUNDLE_UNSIGNED:
      'This file is encrypted for this vault, but it is not a signed Dossierkluis bundle. Without a signature there is no telling who made it. Nothing was imported.',
    BUNDLE_SIGNATURE_INVALID: 'The bundle’s signature does not match: its list of contents was changed after signing or was signed by someone else. Nothing was imported.',
    BUNDLE_TAMPERED: 'A part of the bundle ({{path}}) does not match the signed list of contents: it is missing, extra or changed. Nothing was imported.',
    BUNDLE_INVALID: 'The bundle contains a part that does not follow the bundle format ({{path}}). Nothing was imported.',
    BUNDLE_UNSAFE_PATH: 'The bundle names an unsafe file name ({{path}}): a path with "..", an absolute path or a link. Nothing was imported.',
    BUNDLE_TOO_LARGE: 'A part of the bundle ({{path}}) is larger than allowed. Nothing was imported.',
    BUNDLE_TOO_NEW: 'This bundle was made by a newer version of Dossierkluis (format version {{version}}). Update Dossierkluis to open it. Nothing was imported.',
    BUNDLE_SENDER_UNKNOWN:
      'The sender ({{name}}) is not in your address book. Compare the fingerprint with the sender, for instance by phone, and accept the partner card before importing.',
    BUNDLE_SENDER_MISMATCH:
      'Warning: the sender calls themselves {{name}}, but the key differs from the partner card in your address book. Compare the fingerprint with the sender before accepting the bundle.',
    BUNDLE_CHANGED: 'The bundle changed since you looked at it. Open it again. Nothing was imported.',
    BUNDLE_ALREADY_IMPORTED: 'This bundle was imported already on {{importedOnEn}}. The same bundle goes into the vault only once. Nothing was imported.',
    BUNDLE_TLP_BLOCKED:
      'No bundle was made: under the sharing rules none of the chosen dossiers may go to these recipients. Choose other recipients, or give a reason to include the withheld items anyway; the reason goes into the audit trail and the disclosure register.',
    PARTNER_CARD_INVALID: 'This file is not a Dossierkluis partner card nor an age key (age1…), or the card was changed: the fingerprint does not match the keys.',
    PARTNER_CARD_SECRET_KEY:
      'This file holds an age secret key (AGE-SECRET-KEY-1…). It belongs to the partner alone. Ask for the public key (age1…, from age-keygen -y) and let the partner make a new key: the secret one is no longer secret.',
    PARTNER_EXISTS: 'This partner is already in the address book.',
    PARTNER_IS_SELF: 'This is the partner card of this vault itself.',
    DOCUMENT_CHANGED:
      'Someone saved a newer version of this document in the meantime (version {{latestVersion}}). Your text was not saved; open the latest version and make your change there.',
    PDF_UNAVAILABLE:
      'A PDF cannot be made here: no Chromium was found (searched: {{searched}}). Install Chromium or set CHROME_PATH to the program; Word export and printing do work.',
    INTERNAL: 'Something unexpected went wrong. Nothing was changed.',
  },
};

/** Fill `{{placeholders}}` from an error's details (the CLI has no i18next). */
export function formatErrorMessage(language: 'nl' | 'en', code: ErrorCode, details: Record<string, string | number | boolean | null> = {}): string {
  return errorMessages[language][code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(details[name] ?? '?'));
}
