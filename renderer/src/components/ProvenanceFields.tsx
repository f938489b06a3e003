import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalBasis, Organisation } from '../../../shared/api';
import { defaultProvenance, ORGANISATION_CATEGORIES, USE_RESTRICTIONS, type Provenance, type UseRestriction } from '../../../shared/domain/sharing';
import { ORGANISATION_CATEGORY_LABELS, USE_RESTRICTION_LABELS } from '../../../shared/i18n/sharing';
import { currentLanguage } from '../i18n';
import { useSharingListsLoaded } from '../store/sharing-lists';
import { Alert } from './Alert';
import { SelectField } from './SelectField';
import { useErrorText } from './useErrorText';
import '../styles/sharing.css';

/** The provenance a new fact starts with: what the core would fill in when the form said nothing. */
export const newFactProvenance = (): Provenance => defaultProvenance(null, null);

/** What the form sends: every field explicit, so the core stores what the user saw. */
export const provenanceInput = (provenance: Provenance) => ({
  originator: provenance.originator,
  receivedUnder: provenance.receivedUnder,
  restriction: provenance.restriction,
});

export const sameProvenance = (a: Provenance, b: Provenance) => a.originator === b.originator && a.receivedUnder === b.receivedUnder && a.restriction === b.restriction;

interface ProvenanceFieldsProps {
  value: Provenance;
  onChange(next: Provenance): void;
  /** The error beside one of the three fields (`originator`, `receivedUnder`, `restriction`), if any. */
  errorFor?(field: 'originator' | 'receivedUnder' | 'restriction'): string | null;
  /** The fieldset's look, for a form whose other groups are framed its own way (the signal form); by default a ruled group. */
  className?: string;
}

/**
 * "Herkomst": who supplied a fact, on what legal basis the municipality received it, and how it may
 * be used. Choosing a supplier proposes the basis and use of `defaultProvenance` (police data under
 * the Wpg, not for a decision without consent; a department's own observation under its own task);
 * a basis or use the user picked in this form stays as picked.
 */
export function ProvenanceFields({ value, onChange, errorFor = () => null, className = 'app-provenance-fields' }: ProvenanceFieldsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const { organisations, legalBases, error } = useSharingListsLoaded();
  // The fields the user chose in this form: a change of supplier leaves those alone and proposes the rest.
  const chosenByHand = useRef({ receivedUnder: false, restriction: false });
  const hintId = useId();

  function chooseOriginator(code: string) {
    const category = organisations?.find((organisation) => organisation.code === code)?.category ?? null;
    // Not known: nothing is guessed, and the fact says to ask the supplier.
    const proposed: Provenance = code === '' ? { originator: null, receivedUnder: null, restriction: 'vraag_leverancier' } : defaultProvenance(code, category);
    onChange({
      originator: proposed.originator,
      receivedUnder: chosenByHand.current.receivedUnder ? value.receivedUnder : proposed.receivedUnder,
      restriction: chosenByHand.current.restriction ? value.restriction : proposed.restriction,
    });
  }

  const originators = pickable(organisations ?? [], value.originator);
  const bases = pickable(legalBases ?? [], value.receivedUnder);
  return (
    <fieldset className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ${className}`} aria-describedby={hintId}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('sharing.provenance.legend')}</legend>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      <div className="app-provenance-fields__row">
        <SelectField
          label={t('sharing.provenance.originator')}
          error={errorFor('originator')}
          value={value.originator ?? ''}
          onChange={(event) => chooseOriginator(event.target.value)}
          disabled={!organisations}
        >
          <option value="">{t('sharing.provenance.originatorUnknown')}</option>
          {ORGANISATION_CATEGORIES.map((category) => {
            const inCategory = originators.filter((organisation) => organisation.category === category);
            if (inCategory.length === 0) return null;
            return (
              <optgroup key={category} label={ORGANISATION_CATEGORY_LABELS[language][category]}>
                {inCategory.map((organisation) => (
                  <option key={organisation.code} value={organisation.code}>
                    {organisation.retired ? t('sharing.provenance.retired', { name: organisation.name }) : organisation.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
          {value.originator !== null && !originators.some((organisation) => organisation.code === value.originator) && (
            <option value={value.originator}>{value.originator}</option>
          )}
        </SelectField>
        <SelectField
          label={t('sharing.provenance.receivedUnder')}
          error={errorFor('receivedUnder')}
          value={value.receivedUnder ?? ''}
          onChange={(event) => {
            chosenByHand.current.receivedUnder = true;
            onChange({ ...value, receivedUnder: event.target.value === '' ? null : event.target.value });
          }}
          disabled={!legalBases}
        >
          <option value="">{t('sharing.provenance.basisUnknown')}</option>
          {bases.map((basis) => (
            <option key={basis.code} value={basis.code}>
              {basis.retired ? t('sharing.provenance.retired', { name: basis.label }) : basis.label}
            </option>
          ))}
          {value.receivedUnder !== null && !bases.some((basis) => basis.code === value.receivedUnder) && <option value={value.receivedUnder}>{value.receivedUnder}</option>}
        </SelectField>
        <SelectField
          label={t('sharing.provenance.restriction')}
          error={errorFor('restriction')}
          value={value.restriction}
          onChange={(event) => {
            chosenByHand.current.restriction = true;
            onChange({ ...value, restriction: event.target.value as UseRestriction });
          }}
          options={USE_RESTRICTIONS.map((restriction) => ({ value: restriction, label: USE_RESTRICTION_LABELS[language][restriction] }))}
        />
      </div>
      <p className="utrecht-paragraph app-muted app-provenance-fields__hint" id={hintId}>
        {organisations && legalBases ? t('sharing.provenance.defaultsHint') : t('sharing.provenance.loading')}
      </p>
    </fieldset>
  );
}

/** The entries a select offers: those in use, and a retired one only when it is the current choice. */
function pickable<T extends Organisation | LegalBasis>(entries: readonly T[], current: string | null): T[] {
  return entries.filter((entry) => !entry.retired || entry.code === current);
}
