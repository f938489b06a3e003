// What the native file dialog shows for each purpose, and which answer counts. Pure (no 'electron'
// import), so the mapping is unit-tested without the Electron binary; file-dialogs.ts shows it.
import { fileChoiceRequestSchema, type FileChoicePurpose } from '../../shared/api/file-choice';

const VAULT_EXTENSION = 'kluis';
/** The filter every vault dialog offers; Windows and macOS also add the extension for it. */
const VAULT_FILTERS = [{ name: 'Dossierkluis-kluis', extensions: [VAULT_EXTENSION] }];

// The main process has no i18n: its few words are Dutch, like its start-up error box.
const TITLES: Record<FileChoicePurpose, string> = {
  'create-vault': 'Plaats van de nieuwe kluis kiezen',
  'open-vault': 'Kluisbestand openen',
  backup: 'Plaats van de reservekopie kiezen',
  'attachment-import': 'Bestand kiezen om als bijlage toe te voegen',
  'attachment-export': 'Bijlage opslaan als',
  'bundle-export': 'Bundel opslaan als',
  'bundle-import': 'Bundel openen',
  'partner-card-export': 'Partnerkaart opslaan als',
  'partner-card-import': 'Partnerkaart openen',
  'age-identity-export': 'Geheime age-sleutel opslaan als',
  'document-export': 'Document opslaan als',
  'report-export': 'Rapport opslaan als',
};

/** Bundles (docs/bundle-format.md) and partner cards have their own extension and filter. */
const OWN_FILES: Partial<Record<FileChoicePurpose, DialogFilter>> = {
  'bundle-export': { name: 'Dossierkluis-bundel', extensions: ['dkbundel'] },
  'bundle-import': { name: 'Dossierkluis-bundel', extensions: ['dkbundel'] },
  'partner-card-export': { name: 'Partnerkaart', extensions: ['json'] },
  'partner-card-import': { name: 'Partnerkaart', extensions: ['json'] },
  'age-identity-export': { name: 'age-sleutel', extensions: ['txt'] },
};
const OPEN_PURPOSES: ReadonlySet<FileChoicePurpose> = new Set(['open-vault', 'attachment-import', 'bundle-import', 'partner-card-import']);

/** Attachments are any kind of file: no filter, and a chosen name is kept exactly as it is. */
const ANY_FILE: ReadonlySet<FileChoicePurpose> = new Set(['attachment-import', 'attachment-export', 'document-export', 'report-export']);

interface DialogFilter {
  name: string;
  extensions: string[];
}

/** Shaped like Electron's SaveDialogOptions / OpenDialogOptions, so they pass straight through. */
export type FileDialogPlan =
  | {
      kind: 'save';
      options: { title: string; defaultPath?: string; filters: DialogFilter[]; properties: Array<'createDirectory'> };
      /** The name is the user's, as typed: no vault extension is added (attachments). */
      keepName?: true;
      /** The extension added where the dialog did not (default: the vault's). */
      extension?: string;
    }
  | {
      kind: 'open';
      options: { title: string; defaultPath?: string; filters: DialogFilter[]; properties: Array<'openFile'> };
    };

/** The dialog for a request from the renderer, or null when the request is not one we accept. */
export function planFileDialog(request: unknown): FileDialogPlan | null {
  const parsed = fileChoiceRequestSchema.safeParse(request);
  if (!parsed.success) return null;
  const { purpose, defaultPath } = parsed.data;
  const common = {
    title: TITLES[purpose],
    // An empty field gives no starting point; the dialog then opens in its own default folder.
    ...(defaultPath?.trim() ? { defaultPath: defaultPath.trim() } : {}),
    filters: ANY_FILE.has(purpose) ? [] : (OWN_FILES[purpose] ? [OWN_FILES[purpose]] : VAULT_FILTERS).map((filter) => ({ ...filter, extensions: [...filter.extensions] })),
  };
  if (OPEN_PURPOSES.has(purpose)) return { kind: 'open', options: { ...common, properties: ['openFile'] } };
  if (ANY_FILE.has(purpose)) return { kind: 'save', options: { ...common, properties: ['createDirectory'] }, keepName: true };
  const own = OWN_FILES[purpose];
  if (own) return { kind: 'save', options: { ...common, properties: ['createDirectory'] }, extension: own.extensions[0]! };
  // No native overwrite question: the app asks its own (backup) or refuses (new vault), the same
  // way in the desktop app and the browser host, and only once.
  return { kind: 'save', options: { ...common, properties: ['createDirectory'] } };
}

/**
 * The path a save dialog returned, with the vault extension added where the dialog did not (the
 * GTK dialog on Linux keeps the name as typed), so that a new vault or backup is recognisable.
 */
export function chosenSavePath(
  result: { canceled: boolean; filePath?: string },
  { keepName = false, extension = VAULT_EXTENSION }: { keepName?: boolean; extension?: string } = {},
): string | null {
  if (result.canceled || !result.filePath) return null;
  if (keepName) return acceptablePath(result.filePath);
  const withExtension = new RegExp(`\\.${extension}$`, 'i').test(result.filePath) ? result.filePath : `${result.filePath}.${extension}`;
  return acceptablePath(withExtension);
}

/** The one file an open dialog returned, or null when cancelled. */
export function chosenOpenPath(result: { canceled: boolean; filePaths: string[] }): string | null {
  if (result.canceled) return null;
  const [first] = result.filePaths;
  return first ? acceptablePath(first) : null;
}

/** A path the renderer may put in a field: within the bounds the core's path input accepts. */
function acceptablePath(filePath: string): string | null {
  return filePath.length <= 4096 && !filePath.includes('\0') ? filePath : null;
}
