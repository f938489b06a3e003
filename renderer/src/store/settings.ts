import { create } from 'zustand';
import type { ApiError, VaultSettings } from '../../../shared/api';
import { callCore } from '../core-client';
import { applyLanguage } from '../i18n';
import { registerVaultDataStore } from './vault-data';

interface SettingsState {
  settings: VaultSettings | null;
  load(): Promise<ApiError | null>;
  update(changes: Partial<VaultSettings>): Promise<ApiError | null>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  load: async () => {
    const result = await callCore('settings.get', {});
    if (!result.ok) return result.error;
    set({ settings: result.value });
    await applyLanguage(result.value.language);
    return null;
  },
  update: async (changes) => {
    const result = await callCore('settings.update', changes);
    if (!result.ok) return result.error;
    set({ settings: result.value });
    await applyLanguage(result.value.language);
    return null;
  },
}));

registerVaultDataStore(() => useSettings.setState({ settings: null }));
