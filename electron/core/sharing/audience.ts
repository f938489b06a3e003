import type { Audience, AudienceMember, OrganisationCategory } from '../../../shared/domain/sharing';
import type { CoreContext } from '../kernel/context';
import type { ResolvedAudience, ResolvedMember } from './policy';

/**
 * Audiences as the regime needs them: each member with the category of its organisation. A member
 * whose organisation is not in the list (or not given) has no category, and the regime treats it as
 * it treats anyone it cannot place: outside the community.
 */
export function resolveAudience(context: CoreContext, audience: Audience, viaKey = false): ResolvedAudience {
  if (audience.kind !== 'recipients') return audience;
  const categories = organisationCategories(context);
  return { kind: 'recipients', members: audience.members.map((member) => resolveMember(member, categories, viaKey)) };
}

function resolveMember(member: AudienceMember, categories: Map<string, OrganisationCategory>, viaKey: boolean): ResolvedMember {
  return { ...member, category: member.organisation === null ? null : (categories.get(member.organisation) ?? null), viaKey };
}

export function organisationCategories(context: CoreContext): Map<string, OrganisationCategory> {
  const rows = context.db.prepare('SELECT code, category FROM organisations').all() as Array<{ code: string; category: OrganisationCategory }>;
  return new Map(rows.map((row) => [row.code, row.category]));
}

export function organisationNames(context: CoreContext): Map<string, string> {
  const rows = context.db.prepare('SELECT code, name FROM organisations').all() as Array<{ code: string; name: string }>;
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** "Politie (J. de Vries), Woningcorporatie": how outputs and the register name an audience. */
export function describeAudience(audience: Audience, names: ReadonlyMap<string, string>): string {
  if (audience.kind === 'internal') return 'intern gebruik';
  if (audience.kind === 'passphrase') return 'wie het wachtwoord heeft';
  return audience.members
    .map((member) => {
      const organisation = member.organisation === null ? 'organisatie onbekend' : (names.get(member.organisation) ?? member.organisation);
      return member.person ? `${organisation} (${member.person})` : organisation;
    })
    .join(', ');
}
