import type { searchApi } from '../../../shared/api/search';
import { coreContextFor } from '../kernel/context';
import { search } from '../dossiers/search';
import type { Vault } from '../vault/vault';
import type { HandlerImplementations } from '../kernel/handler-types';

/** The search over the open vault (electron/core/dossiers/search.ts). */
export function createSearchHandlers(requireVault: () => Vault, now?: () => Date): HandlerImplementations<keyof typeof searchApi> {
  return {
    'search.query': (input) => search(coreContextFor(requireVault(), now), input),
  };
}
