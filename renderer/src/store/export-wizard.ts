import { create } from 'zustand';
import type { ExportInclude, ExportRedaction, ExportResult } from '../../../shared/api';
import type { FactRef } from '../../../shared/domain/sharing';
import type { NewPassphraseValue } from '../components/NewPassphraseFields';
import { registerVaultDataStore } from './vault-data';

export const EXPORT_STEPS = ['choose', 'content', 'recipients', 'summary', 'write'] as const;
export type ExportStep = (typeof EXPORT_STEPS)[number];
export type ExportMode = 'partners' | 'passphrase';

/** The API's defaults: everything goes, and the redaction is on. */
const DEFAULT_INCLUDE: ExportInclude = { signals: true, subjects: true, notes: true, measures: true, attachments: true };
const DEFAULT_REDACT: ExportRedaction = { reporterIdentity: true, bsn: true, internalNotes: true };

export interface ExportWizardValues {
  step: ExportStep;
  dossierIds: number[];
  include: ExportInclude;
  redact: ExportRedaction;
  mode: ExportMode;
  partnerIds: number[];
  passphrase: NewPassphraseValue;
  overrideItems: FactRef[];
  reason: string;
  result: ExportResult | null;
}

const START: ExportWizardValues = {
  step: 'choose',
  dossierIds: [],
  include: DEFAULT_INCLUDE,
  redact: DEFAULT_REDACT,
  mode: 'partners',
  partnerIds: [],
  passphrase: { passphrase: '', repeat: '' },
  overrideItems: [],
  reason: '',
  result: null,
};

interface ExportWizardState extends ExportWizardValues {
  change(values: Partial<ExportWizardValues>): void;
  /** Finished or cancelled: the next export starts at step 1 with nothing chosen. */
  reset(): void;
}

/**
 * The export wizard's choices, outside the screen: the wizard itself sends the user to the
 * address book ("Naar het adresboek"), and coming back must not start again at step 1 with
 * nothing chosen. Kept until the export finishes or is cancelled, and wiped by a lock (the
 * dossier ids and a bundle passphrase are vault data).
 */
export const useExportWizard = create<ExportWizardState>((set) => ({
  ...START,
  change: (values) => set(values),
  reset: () => set(START),
}));

registerVaultDataStore(() => useExportWizard.setState(START));
