import type { sharingApi } from '../../../shared/api/sharing';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import { listLegalBases, listOrganisations, saveLegalBasis, saveOrganisation } from './organisations';
import { listDisclosures } from './register';

/** The organisation list, the legal bases and the disclosure register. */
export function createSharingHandlers({ context }: HandlerDependencies): HandlerImplementations<keyof typeof sharingApi> {
  return {
    'organisation.list': () => listOrganisations(context()),
    'organisation.save': (input) => saveOrganisation(context(), input),
    'legal-basis.list': () => listLegalBases(context()),
    'legal-basis.save': (input) => saveLegalBasis(context(), input),
    'disclosure.list': ({ dossierId }) => listDisclosures(context(), dossierId ?? null),
  };
}
