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
    INVALID_STATUS_TRANSITION: 'Deze statuswijziging is niet toegestaan vanuit de huidige status van het dossier.',
    CLOSING_REASON_REQUIRED: 'Kies een reden van afsluiten: opgelost, overgedragen, geen grond of verjaard.',
    REOPEN_REASON_REQUIRED: 'Geef een reden op om dit afgehandelde dossier weer te openen.',
    SIGNAL_ALREADY_IN_DOSSIER: 'Dit signaal hoort al bij een ander dossier.',
    MERGE_CONFLICT: 'Deze subjecten kunnen niet worden samengevoegd: ze zijn van een andere soort, of een identificerend gegeven (zoals BSN, KvK-nummer of geboortedatum) verschilt.',
    PHENOMENON_EXISTS: 'Dit fenomeen staat al in de lijst.',
    DATE_IN_FUTURE: 'Deze datum ligt in de toekomst. Kies vandaag of een eerdere datum.',
    DATE_BEFORE_LAST_CHANGE: 'De datum van een statuswijziging mag niet vóór de vorige statuswijziging ({{lastChangedOn}}) liggen.',
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
    INVALID_STATUS_TRANSITION: "This status change is not allowed from the dossier's current status.",
    CLOSING_REASON_REQUIRED: 'Choose a reason for closing: solved, handed over, no grounds or time-barred.',
    REOPEN_REASON_REQUIRED: 'Give a reason to reopen this finished dossier.',
    SIGNAL_ALREADY_IN_DOSSIER: 'This signal already belongs to another dossier.',
    MERGE_CONFLICT: 'These subjects cannot be merged: they are of different kinds, or an identifying detail (such as BSN, KvK number or date of birth) differs.',
    PHENOMENON_EXISTS: 'This phenomenon is already in the list.',
    DATE_IN_FUTURE: 'This date lies in the future. Choose today or an earlier date.',
    DATE_BEFORE_LAST_CHANGE: 'The date of a status change cannot lie before the previous status change ({{lastChangedOn}}).',
    INTERNAL: 'Something unexpected went wrong. Nothing was changed.',
  },
};

/** Fill `{{placeholders}}` from an error's details (the CLI has no i18next). */
export function formatErrorMessage(
  language: 'nl' | 'en',
  code: ErrorCode,
  details: Record<string, string | number | boolean | null> = {},
): string {
  return errorMessages[language][code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(details[name] ?? '?'));
}
