import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/api';
import { ORGANISATION_CATEGORIES } from '../../../../shared/domain/sharing';
import { ORGANISATION_CATEGORY_LABELS } from '../../../../shared/i18n/sharing';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { currentLanguage } from '../../i18n';

/** Participants as the form edits them: a name and an organisation from the list. */
export type ParticipantDraft = Pick<Participant, 'name' | 'organisationCode'> & { organisation?: string };

/**
 * The organisations of the list as a select, grouped by category: the meeting's participants (and
 * so its audience) point to these, because the sharing regime decides by the organisation's category.
 */
export function OrganisationSelect({ label, value, onChange, emptyLabel }: { label: string; value: string; onChange(code: string): void; emptyLabel?: string }) {
  const language = currentLanguage();
  const organisations = useCoreQuery('organisation.list', {});
  const active = (organisations.data ?? []).filter((organisation) => !organisation.retired || organisation.code === value);
  return (
    <SelectField label={label} value={value} emptyLabel={emptyLabel} onChange={(event) => onChange(event.target.value)}>
      {ORGANISATION_CATEGORIES.map((category) => (
        <optgroup key={category} label={ORGANISATION_CATEGORY_LABELS[language][category]}>
          {active
            .filter((organisation) => organisation.category === category)
            .map((organisation) => (
              <option key={organisation.code} value={organisation.code}>
                {organisation.name}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/** The participants of a meeting: who they are and which organisation each speaks for. */
export function ParticipantsField({ value, onChange }: { value: ParticipantDraft[]; onChange(participants: ParticipantDraft[]): void }) {
  const { t } = useTranslation();
  const organisations = useCoreQuery('organisation.list', {});
  const names = new Map((organisations.data ?? []).map((organisation) => [organisation.code, organisation.name]));
  const [name, setName] = useState('');
  const [code, setCode] = useState('');

  return (
    <fieldset className="app-meetings-participants">
      <legend className="utrecht-form-label">{t('meetings.participants.legend')}</legend>
      <p className="utrecht-paragraph app-document-hint">{t('meetings.participants.hint')}</p>
      {value.length === 0 ? (
        <p className="utrecht-paragraph">{t('meetings.participants.none')}</p>
      ) : (
        <ul className="app-meetings-participants__list">
          {value.map((participant, index) => {
            const organisation = participant.organisationCode
              ? (names.get(participant.organisationCode) ?? participant.organisationCode)
              : participant.organisation || t('meetings.participants.unknown');
            return (
              <li key={`${participant.name}-${index}`}>
                {participant.name} ({organisation}){' '}
                <Button
                  appearance="subtle"
                  aria-label={t('meetings.participants.remove', { name: participant.name })}
                  onClick={() => onChange(value.filter((_, other) => other !== index))}
                >
                  ✕
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="app-meetings-form__row">
        <TextField label={t('meetings.participants.name')} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        <OrganisationSelect label={t('meetings.participants.organisation')} emptyLabel={t('meetings.participants.chooseOrganisation')} value={code} onChange={setCode} />
        <Button
          disabled={name.trim() === '' || code === ''}
          onClick={() => {
            onChange([...value, { name: name.trim(), organisationCode: code }]);
            setName('');
            setCode('');
          }}
        >
          {t('meetings.participants.add')}
        </Button>
      </div>
    </fieldset>
  );
}

/** What meeting.create and meeting.update take: the organisation's free text is kept only for entries without a code. */
export function participantsInput(participants: ParticipantDraft[]): Array<{ name: string; organisation?: string; organisationCode: string | null }> {
  return participants.map((participant) => ({
    name: participant.name,
    organisationCode: participant.organisationCode,
    ...(participant.organisationCode === null && participant.organisation ? { organisation: participant.organisation } : {}),
  }));
}
