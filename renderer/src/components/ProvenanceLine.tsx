import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../shared/domain/sharing';
import { USE_RESTRICTION_LABELS } from '../../../shared/i18n/sharing';
import { currentLanguage } from '../i18n';
import { useSharingListsLoaded } from '../store/sharing-lists';
import '../styles/sharing.css';

/**
 * A fact's provenance in one line: "Politie · Wet politiegegevens · Niet voor een besluit zonder
 * toestemming van de leverancier". A fact whose supplier or use was never recorded says so as a
 * warning, in words and with a mark, not by colour alone: it stays behind in every output until
 * someone asks the supplier.
 */
export function ProvenanceLine({ provenance }: { provenance: Provenance | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { organisations, legalBases } = useSharingListsLoaded();
  // Older read types (before provenance) carry none: nothing to say.
  if (!provenance) return null;
  const unknown = provenance.originator === null || provenance.restriction === 'vraag_leverancier';
  if (provenance.originator === null) {
    return (
      <span className="app-provenance-line app-provenance-line--unknown" data-testid="provenance-line">
        <span className="app-provenance-line__mark" aria-hidden="true">
          !
        </span>
        <span className="app-visually-hidden">{t('sharing.provenance.warningPrefix')} </span>
        {t('sharing.provenance.unknown')}
      </span>
    );
  }
  const originator = organisations?.find((organisation) => organisation.code === provenance.originator)?.name ?? provenance.originator;
  const basis =
    provenance.receivedUnder === null
      ? t('sharing.provenance.basisNotRecorded')
      : (legalBases?.find((entry) => entry.code === provenance.receivedUnder)?.label ?? provenance.receivedUnder);
  return (
    <span className={`app-provenance-line${unknown ? ' app-provenance-line--unknown' : ''}`} data-testid="provenance-line">
      {unknown && (
        <>
          <span className="app-provenance-line__mark" aria-hidden="true">
            !
          </span>
          <span className="app-visually-hidden">{t('sharing.provenance.warningPrefix')} </span>
        </>
      )}
      <span className="app-visually-hidden">{t('sharing.provenance.lineLabel')}: </span>
      {[originator, basis, USE_RESTRICTION_LABELS[language][provenance.restriction]].join(' · ')}
    </span>
  );
}
