import { z } from 'zod';
import { requiredTextSchema } from '../domain/validation';
import { legalBasisCodeSchema, organisationCodeSchema, ORGANISATION_CATEGORIES, type Disclosure, type OrganisationCategory } from '../domain/sharing';
import { defineHandler } from './define';

/**
 * The sharing regime's lists and register: the organisations (partners, with their category), the
 * legal bases a fact can be received under, and the disclosure register (verstrekkingen) read back
 * from the audit trail. The regime itself runs inside each output's own call.
 */

export interface Organisation {
  code: string;
  name: string;
  category: OrganisationCategory;
  /** Hidden from pick lists; kept for the facts and meetings that name it. */
  retired: boolean;
  seeded: boolean;
}

export interface LegalBasis {
  code: string;
  label: string;
  criminalLaw: boolean;
  retired: boolean;
  seeded: boolean;
}

export const sharingApi = {
  'organisation.list': defineHandler<Organisation[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  /** Adds an organisation (no `code` yet in the list) or changes one; a code never changes once stored. */
  'organisation.save': defineHandler<Organisation>({ access: 'write', passive: false, lane: 'queue', audits: ['organisation.saved'] })(
    z.object({ code: organisationCodeSchema, name: requiredTextSchema(200), category: z.enum(ORGANISATION_CATEGORIES), retired: z.boolean().default(false) }).strict(),
  ),
  'legal-basis.list': defineHandler<LegalBasis[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  'legal-basis.save': defineHandler<LegalBasis>({ access: 'write', passive: false, lane: 'queue', audits: ['legal-basis.saved'] })(
    z.object({ code: legalBasisCodeSchema, label: requiredTextSchema(200), criminalLaw: z.boolean().default(false), retired: z.boolean().default(false) }).strict(),
  ),
  /** The disclosure register: of one dossier, or of the whole vault when `dossierId` is absent. */
  'disclosure.list': defineHandler<Disclosure[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z.object({ dossierId: z.number().int().positive().optional() }).strict(),
  ),
};
