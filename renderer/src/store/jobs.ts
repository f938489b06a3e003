import { create } from 'zustand';
import type { CoreEvent } from '../../../shared/api';
import { registerVaultDataStore } from './vault-data';

type JobProgress = Extract<CoreEvent, { type: 'job.progress' }>;

interface JobsState {
  /** The latest progress per kind of job (backup, rotate-key). */
  progress: Partial<Record<JobProgress['kind'], JobProgress>>;
  record(event: JobProgress): void;
}

export const useJobs = create<JobsState>((set) => ({
  progress: {},
  record: (event) => set((state) => ({ progress: { ...state.progress, [event.kind]: event } })),
}));

registerVaultDataStore(() => useJobs.setState({ progress: {} }));
