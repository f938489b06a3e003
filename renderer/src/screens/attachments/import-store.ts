import { create } from 'zustand';
import type { Attachment, Input, Result } from '../../../../shared/api';
import { callCore } from '../../core-client';
import { registerVaultDataStore } from '../../store/vault-data';

export interface ImportOutcome {
  dossierId: number;
  sourcePath: string;
  result: Result<Attachment>;
}

interface AttachmentImportsState {
  /** The import this window started and that has not answered yet. */
  pending: { dossierId: number; sourcePath: string } | null;
  /** How the last import ended, until the next one starts. */
  outcome: ImportOutcome | null;
  /** Counts finished imports, so that a screen can tell a new outcome from one it has seen. */
  finished: number;
  start(input: Input<'attachment.import'>): Promise<void>;
}

/** Bumped by a lock: an answer that arrives afterwards belongs to a vault that is closed. */
let generation = 0;

/**
 * An import can take minutes and outlives the tab that started it (the user goes on working
 * elsewhere in the dossier): its answer is kept here, not in the form, so that the tab shows the
 * result when it is opened again. Wiped when the vault locks.
 */
export const useAttachmentImports = create<AttachmentImportsState>((set) => ({
  pending: null,
  outcome: null,
  finished: 0,
  start: async (input) => {
    const ticket = generation;
    set({ pending: { dossierId: input.dossierId, sourcePath: input.sourcePath }, outcome: null });
    const result = await callCore('attachment.import', input);
    if (ticket !== generation) return;
    set((state) => ({ pending: null, outcome: { dossierId: input.dossierId, sourcePath: input.sourcePath, result }, finished: state.finished + 1 }));
  },
}));

registerVaultDataStore(() => {
  generation += 1;
  useAttachmentImports.setState({ pending: null, outcome: null });
});
