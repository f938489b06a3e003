import { fileChoiceRequestSchema, type DossierkluisBridge, type FileChoicePurpose } from '../../../shared/api';

/** Opens the native dialog starting from the field's current path; the chosen path, or null. */
export type FileChooser = (currentPath: string) => Promise<string | null>;

/**
 * The "browse" action for a path field, or null where the bridge has no native dialog (the browser
 * host): then the field stays a plain text field and no button is shown.
 */
export function fileChooserFor(bridge: DossierkluisBridge | null, purpose: FileChoicePurpose): FileChooser | null {
  const chooseFile = bridge?.chooseFile;
  if (typeof chooseFile !== 'function') return null;
  return async (currentPath) => {
    const request = { purpose, defaultPath: currentPath.trim() };
    // A field the dialog cannot start from still lets the user browse, from the dialog's own folder.
    const sent = fileChoiceRequestSchema.safeParse(request).success ? request : { purpose };
    try {
      const chosen: unknown = await chooseFile.call(bridge, sent);
      return typeof chosen === 'string' && chosen !== '' ? chosen : null;
    } catch {
      return null;
    }
  };
}
