import { useTranslation } from 'react-i18next';
import type { Audience, Disclosure } from '../../../../shared/domain/sharing';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { TlpBadge } from '../../components/Weighing';
import { formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useSharingListsLoaded } from '../../store/sharing-lists';
import type { DossierTabProps } from './tab-props';
import '../../styles/sharing.css';
import { useFormatCount } from '../../format/count';

/**
 * The dossier's disclosure register (verstrekkingen): every output that took facts of this dossier
 * out of the vault, read back from the audit trail by `disclosure.list`, so that it cannot disagree
 * with the trail. Newest first.
 */
export function DisclosuresTab({ dossier }: DossierTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const disclosures = useCoreQuery('disclosure.list', { dossierId: dossier.id });
  const rows = disclosures.data ? [...disclosures.data].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.auditId - a.auditId) : null;

  return (
    <Section title={t('sharing.disclosures.title')}>
      <p className="utrecht-paragraph">{t('sharing.disclosures.lead')}</p>
      {disclosures.error && <Alert type="error">{errorText(disclosures.error)}</Alert>}
      {!rows && !disclosures.error && <p className="utrecht-paragraph app-muted">{t('sharing.disclosures.loading')}</p>}
      {rows?.length === 0 && (
        <EmptyState>
          <h3 className="utrecht-heading-3">{t('sharing.disclosures.emptyTitle')}</h3>
          <p className="utrecht-paragraph">{t('sharing.disclosures.emptyBody')}</p>
        </EmptyState>
      )}
      {rows && rows.length > 0 && (
        <>
          <p className="utrecht-paragraph app-muted" role="status">
            {t('sharing.disclosures.count', { count: rows.length })}
          </p>
          <div className="app-dossier-table-scroll" tabIndex={0} role="region" aria-label={t('sharing.disclosures.caption', { number: dossier.number })}>
            <table className="utrecht-table utrecht-table--html-table app-dossier-table app-sharing-table" data-testid="disclosures-table">
              <caption className="app-visually-hidden">{t('sharing.disclosures.caption', { number: dossier.number })}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {(['date', 'output', 'channel', 'recipients', 'marking', 'items', 'withheld', 'override'] as const).map((column) => (
                    <th key={column} className="utrecht-table__header-cell" scope="col">
                      {t(`sharing.disclosures.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {rows.map((disclosure) => (
                  <DisclosureRow key={disclosure.auditId} disclosure={disclosure} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}

function DisclosureRow({ disclosure }: { disclosure: Disclosure }) {
  const count = useFormatCount();
  const { t } = useTranslation();
  const language = currentLanguage();
  const { legalBases } = useSharingListsLoaded();
  const bases = disclosure.bases.map((code) => legalBases?.find((basis) => basis.code === code)?.label ?? code);
  return (
    <tr className="utrecht-table__row">
      <td className="utrecht-table__cell app-dossier-nowrap">
        <time dateTime={disclosure.occurredAt}>{formatDateTime(disclosure.occurredAt, language)}</time>
        <span className="app-sharing-table__sub">{t('sharing.disclosures.by', { actor: disclosure.actor })}</span>
      </td>
      <td className="utrecht-table__cell app-sharing-table__wide">
        {t(`sharing.disclosures.outputs.${disclosure.output}`)}
        {bases.length > 0 && <span className="app-sharing-table__sub">{t('sharing.disclosures.bases', { bases: bases.join('; ') })}</span>}
      </td>
      <td className="utrecht-table__cell">{t(`sharing.disclosures.channels.${disclosure.channel}`)}</td>
      <td className="utrecht-table__cell app-sharing-table__wide">
        <AudienceText audience={disclosure.audience} />
      </td>
      <td className="utrecht-table__cell">
        <TlpBadge tlp={disclosure.marking} />
      </td>
      <td className="utrecht-table__cell utrecht-table__cell--numeric">{count(disclosure.items.length)}</td>
      <td className="utrecht-table__cell utrecht-table__cell--numeric">{count(disclosure.withheld)}</td>
      <td className="utrecht-table__cell">
        {disclosure.overridden.length > 0 && disclosure.overrideReason ? (
          t('sharing.disclosures.overridden', { count: disclosure.overridden.length, reason: disclosure.overrideReason })
        ) : (
          <span className="app-muted">{t('sharing.disclosures.noOverride')}</span>
        )}
      </td>
    </tr>
  );
}

/** The recipients as the register names them: organisations by their current name, and the persons named. */
function AudienceText({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const { organisations } = useSharingListsLoaded();
  if (audience.kind === 'internal') return <>{t('sharing.disclosures.internal')}</>;
  if (audience.kind === 'passphrase') return <>{t('sharing.disclosures.passphrase')}</>;
  return (
    <ul className="app-sharing-recipients">
      {audience.members.map((member, index) => {
        const organisation = member.organisation === null ? null : (organisations?.find((entry) => entry.code === member.organisation)?.name ?? member.organisation);
        return <li key={index}>{[member.person, organisation].filter(Boolean).join(', ') || t('sharing.disclosures.unknownOrganisation')}</li>;
      })}
    </ul>
  );
}
