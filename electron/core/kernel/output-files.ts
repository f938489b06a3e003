import fs from 'node:fs';
import path from 'node:path';
import { fileError } from './file-errors';
import { CoreError } from './errors';
import { writeFileAtomic } from './atomic-write';
import { isOwnedBy } from '../vault/vault-files';
import type { Vault } from '../vault/vault';

/**
 * Where a save path leads: a folder that exists takes the suggested file name inside it (the user
 * typed or chose a folder: "Opslaan als" a folder means "in that folder"); anything else is the file.
 * Decided here, in the core, so that the CLI and the UI write the same file for the same input.
 */
export function resolveTargetPath(targetPath: string, suggestedName: string): string {
  const target = path.resolve(targetPath);
  let isFolder = false;
  try {
    isFolder = fs.statSync(target).isDirectory();
  } catch {
    isFolder = false;
  }
  return isFolder ? path.join(target, suggestedName) : target;
}

/**
 * A file the user chose to write (a folder: `suggestedName` inside it): never one of the vault's
 * own, an existing one only with `overwrite`.
 */
export function writableTarget(vault: Vault, targetPath: string, overwrite: boolean | undefined, suggestedName: string): string {
  const target = resolveTargetPath(targetPath, suggestedName);
  if (isOwnedBy(vault.path, target)) throw new CoreError('INVALID_INPUT', 'the vault’s own files are not a target', { field: 'targetPath', reason: 'file.vault' });
  let stats: fs.Stats | null = null;
  try {
    stats = fs.statSync(target);
  } catch {
    stats = null;
  }
  if (stats?.isDirectory()) throw new CoreError('INVALID_INPUT', 'the target is a folder', { field: 'targetPath', reason: 'file.is-folder' });
  if (stats && !overwrite) throw new CoreError('FILE_EXISTS', `${target} exists`);
  return target;
}

/** Writes a file the user asked for (a PDF, a Word document, a partner card) whole or not at all, readable by the owner only. */
export function writeOutputFile(target: string, content: string | Uint8Array, what: string): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    writeFileAtomic(target, content, 0o600);
  } catch (error) {
    throw fileError(error, what, target);
  }
}
