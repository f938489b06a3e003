import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputAudience } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/CheckboxField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';

/**
 * Who an output is for: "Intern gebruik", or organisations from the vault's organisation list,
 * each with an optional named person (TLP:RED of the municipality's own may go to a named person
 * only). The sharing regime decides from this what the output may hold.
 */
export function AudiencePicker({ value, onChange }: { value: OutputAudience; onChange(audience: OutputAudience): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const organisations = useCoreQuery('organisation.list', {});
  const name = useId();
  const members = value.kind === 'recipients' ? value.members : [];
  const memberOf = (code: string) => members.find((member) => member.organisation === code);

  function setMembers(next: typeof members) {
    // An audience names at least one recipient: with none left, the output is for internal use.
    onChange(next.length === 0 ? { kind: 'internal' } : { kind: 'recipients', members: next });
  }

  return (
    <fieldset className="app-document-audience">
      <legend className="utrecht-form-label">{t('documents.sharing.audience')}</legend>
      <div className="utrecht-form-field utrecht-form-field--radio">
        <input
          type="radio"
          className="utrecht-radio-button utrecht-radio-button--html-input"
          id={`${name}-internal`}
          name={name}
          checked={value.kind === 'internal'}
          onChange={() => onChange({ kind: 'internal' })}
        />
        <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${name}-internal`}>
          {t('documents.sharing.internal')}
        </label>
      </div>
      <p className="utrecht-paragraph app-document-hint">{t('documents.sharing.recipientsHint')}</p>
      {organisations.error && <Alert type="error">{errorText(organisations.error)}</Alert>}
      <ul className="app-document-audience__list">
        {(organisations.data ?? [])
          .filter((organisation) => !organisation.retired || memberOf(organisation.code))
          .map((organisation) => {
            const member = memberOf(organisation.code);
            return (
              <li key={organisation.code}>
                <CheckboxField
                  label={organisation.name}
                  checked={member !== undefined}
                  onChange={(event) =>
                    setMembers(
                      event.target.checked
                        ? [...members, { organisation: organisation.code, person: null, verified: false }]
                        : members.filter((other) => other.organisation !== organisation.code),
                    )
                  }
                />
                {member && (
                  <input
                    className="utrecht-textbox utrecht-textbox--html-input app-document-audience__person"
                    aria-label={t('documents.sharing.person', { organisation: organisation.name })}
                    placeholder={t('documents.sharing.personPlaceholder')}
                    value={member.person ?? ''}
                    maxLength={200}
                    onChange={(event) =>
                      setMembers(
                        members.map((other) =>
                          other.organisation === organisation.code ? { ...other, person: event.target.value.trim() === '' ? null : event.target.value } : other,
                        ),
                      )
                    }
                  />
                )}
              </li>
            );
          })}
      </ul>
    </fieldset>
  );
}
