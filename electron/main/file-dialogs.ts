import { dialog, type BrowserWindow } from 'electron';
import { chosenOpenPath, chosenSavePath, planFileDialog } from './file-dialog-options';

/**
 * Shows the native dialog for a renderer's request, modal to our window, and resolves to the
 * chosen path; null when the user cancelled or the request was not valid.
 */
export async function showFileDialog(window: BrowserWindow, request: unknown): Promise<string | null> {
  const plan = planFileDialog(request);
  if (!plan) return null;
  if (plan.kind === 'save') return chosenSavePath(await dialog.showSaveDialog(window, plan.options), { keepName: plan.keepName, extension: plan.extension });
  return chosenOpenPath(await dialog.showOpenDialog(window, plan.options));
}
