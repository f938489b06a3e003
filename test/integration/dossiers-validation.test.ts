import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../../shared/api';
import { errorMessages } from '../../shared/i18n/errors';
import { validationMessages } from '../../shared/i18n/validation';
import type { ValidationCode } from '../../shared/domain/validation';
import { openDossierCore } from './support/dossier-core';

/** Every validation rule, sent through the core as the renderer would, answers INVALID_INPUT with the field and a translatable reason. */
describe('dossier input validation at the core boundary', () => {
  it('answers every broken rule with INVALID_INPUT, the field and a reason that has a Dutch sentence', async () => {
    const { call, fail, core } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Fictief dossier' });
    const person = await call('subject.create', { details: { type: 'person', name: 'Fictief Persoon' } });
    const phenomena = await call('phenomenon.list', {});
    const subForm = phenomena.find((phenomenon) => phenomenon.code === 'drugs.hennepteelt')!;

    const person_ = (fields: Record<string, unknown>) => ({ details: { type: 'person', name: 'Fictief Persoon', ...fields } });
    const address = (fields: Record<string, unknown>) => ({ details: { type: 'address', postcode: '1234 AB', houseNumber: 1, ...fields } });
    const cases: Array<[string, string, unknown, string, ValidationCode]> = [
      ['BSN failing the elfproef', 'subject.create', person_({ bsn: '111222334' }), 'details.bsn', 'bsn.checksum'],
      ['BSN of eight digits', 'subject.create', person_({ bsn: '11122233' }), 'details.bsn', 'bsn.invalid'],
      ['birth date that does not exist', 'subject.create', person_({ birthDate: '1980-02-30' }), 'details.birthDate', 'date.invalid'],
      ['birth date in Dutch notation (the API takes ISO)', 'subject.create', person_({ birthDate: '31-01-1980' }), 'details.birthDate', 'date.invalid'],
      ['empty name', 'subject.create', { details: { type: 'person', name: '   ' } }, 'details.name', 'text.required'],
      ['KvK of seven digits', 'subject.create', { details: { type: 'organisation', name: 'Fictief BV', kvkNumber: '1234567' } }, 'details.kvkNumber', 'kvk.invalid'],
      [
        'vestigingsnummer of eight digits',
        'subject.create',
        { details: { type: 'organisation', name: 'Fictief BV', vestigingsnummer: '12345678' } },
        'details.vestigingsnummer',
        'vestigingsnummer.invalid',
      ],
      ['postcode starting with 0', 'subject.create', address({ postcode: '0123 AB' }), 'details.postcode', 'postcode.invalid'],
      ['postcode with SS', 'subject.create', address({ postcode: '1234 SS' }), 'details.postcode', 'postcode.reserved-letters'],
      ['address without house number', 'subject.create', address({ houseNumber: undefined }), 'details.houseNumber', 'address.incomplete'],
      ['address with neither postcode nor street', 'subject.create', { details: { type: 'address', city: 'Fictiefstad' } }, 'details.postcode', 'address.incomplete'],
      ['house number 0', 'subject.create', address({ houseNumber: 0 }), 'details.houseNumber', 'house-number.invalid'],
      ['BAG id too short', 'subject.create', address({ bagId: '0599' }), 'details.bagId', 'bag-id.invalid'],
      ['kenteken of no side code', 'subject.create', { details: { type: 'vehicle', kenteken: 'ABC-123' } }, 'details.kenteken', 'kenteken.invalid'],
      ['IBAN with a wrong check digit', 'subject.create', { details: { type: 'bank_account', iban: 'NL00TEST0123456789' } }, 'details.iban', 'iban.checksum'],
      ['Dutch IBAN too short', 'subject.create', { details: { type: 'bank_account', iban: 'NL00TEST012345678' } }, 'details.iban', 'iban.length'],
      ['phone number of three digits', 'subject.create', { details: { type: 'phone', number: '112' } }, 'details.number', 'phone.invalid'],
      ['e-mail without domain', 'subject.create', { details: { type: 'email', address: 'iemand@' } }, 'details.address', 'email.invalid'],
      ['signal received on a day that does not exist', 'signal.create', { howReceived: 'meldpunt', summary: 'x', receivedOn: '2026-02-30' }, 'receivedOn', 'date.invalid'],
      ['signal without summary', 'signal.create', { howReceived: 'meldpunt', summary: ' ' }, 'summary', 'text.required'],
      ['summary too long', 'signal.create', { howReceived: 'meldpunt', summary: 'x'.repeat(201) }, 'summary', 'text.too-long'],
      ['anonymous signal with a reporter', 'signal.create', { howReceived: 'anoniem', summary: 'x', reporterName: 'Fictieve Melder' }, 'reporterName', 'reporter.anonymous'],
      ['signal period backwards', 'signal.list', { receivedFrom: '2026-03-01', receivedUntil: '2026-02-01' }, 'receivedUntil', 'date.range'],
      [
        'link period backwards',
        'subject.linkToDossier',
        { subjectId: person.id, dossierId: dossier.id, role: 'bewoner', validFrom: '2026-03-01', validUntil: '2025-03-01' },
        'validUntil',
        'date.range',
      ],
      ['subject linked to itself', 'subject.link', { fromSubjectId: person.id, toSubjectId: person.id, kind: 'family_of' }, 'toSubjectId', 'subject-link.self'],
      ['merging a subject with itself', 'subject.merge', { keepSubjectId: person.id, mergeSubjectId: person.id }, 'mergeSubjectId', 'merge.same-subject'],
      [
        'closing reason without closing',
        'dossier.changeStatus',
        { dossierId: dossier.id, to: 'in_opwerking', closingReason: 'opgelost' },
        'closingReason',
        'closing-reason.not-closing',
      ],
      ['subject changing its type', 'subject.update', { subjectId: person.id, details: { type: 'organisation', name: 'Fictief BV' } }, 'details.type', 'subject.type-fixed'],
      ['sub-form under a sub-form', 'phenomenon.add', { label: 'Nog dieper', parentId: subForm.id }, 'parentId', 'phenomenon.too-deep'],
    ];
    for (const [description, handler, input, field, reason] of cases) {
      const error = await fail(handler as never, input);
      expect(error, description).toMatchObject({ code: 'INVALID_INPUT', details: { field, reason } });
      expect(validationMessages.nl[reason], reason).toMatch(/\S/);
    }
    await core.dispose();
  });

  it('refuses values outside the vocabularies, naming the field', async () => {
    const { fail, core } = await openDossierCore();
    const cases: Array<[string, unknown, string]> = [
      ['signal.create', { howReceived: 'telefoon', summary: 'x' }, 'howReceived'],
      ['signal.create', { howReceived: 'meldpunt', summary: 'x', tlp: 'TLP:RED' }, 'tlp'],
      ['signal.create', { howReceived: 'meldpunt', summary: 'x', sourceGrade: 'D' }, 'sourceGrade'],
      ['signal.create', { howReceived: 'meldpunt', summary: 'x', informationGrade: 5 }, 'informationGrade'],
      ['dossier.create', { title: 'x', priority: 'spoed' }, 'priority'],
      ['dossier.list', { statuses: ['gesloten'] }, 'statuses.0'],
      ['dossier.list', { limit: 100_000 }, 'limit'],
      ['subject.create', { details: { type: 'ship', name: 'x' } }, 'details.type'],
      ['subject.create', { details: { type: 'person', name: 'x', nickname: 'y' } }, 'details'],
      ['measure.add', { dossierId: 1, kind: 'huiszoeking' }, 'kind'],
    ];
    for (const [handler, input, field] of cases) {
      expect(await fail(handler as never, input), `${handler} ${field}`).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
    }
    await core.dispose();
  });

  it('gives every new domain error code a Dutch and an English sentence', () => {
    for (const code of [
      'NOT_FOUND',
      'INVALID_STATUS_TRANSITION',
      'CLOSING_REASON_REQUIRED',
      'REOPEN_REASON_REQUIRED',
      'SIGNAL_ALREADY_IN_DOSSIER',
      'MERGE_CONFLICT',
      'PHENOMENON_EXISTS',
    ]) {
      expect(isErrorCode(code), code).toBe(true);
      if (!isErrorCode(code)) continue;
      expect(errorMessages.nl[code]).toMatch(/\S/);
      expect(errorMessages.en[code]).toMatch(/\S/);
    }
  });

  it('stores identifiers normalised and answers them so', async () => {
    const { call, core } = await openDossierCore();
    const address = await call('subject.create', {
      details: { type: 'address', postcode: '1234 ab', houseNumber: 12, houseNumberAddition: 'a', street: 'Fictiefstraat', city: 'Voorbeeldstad', bagId: '' },
    });
    expect(address.details).toEqual({
      type: 'address',
      postcode: '1234AB',
      houseNumber: 12,
      houseNumberAddition: 'A',
      street: 'Fictiefstraat',
      city: 'Voorbeeldstad',
      bagId: null,
    });
    expect(address.label).toBe('Fictiefstraat 12A, 1234 AB Voorbeeldstad');
    const vehicle = await call('subject.create', { details: { type: 'vehicle', kenteken: 'ab-123-c' } });
    expect(vehicle).toMatchObject({ details: { kenteken: 'AB123C' }, label: 'AB-123-C' });
    const phone = await call('subject.create', { details: { type: 'phone', number: '06-12345678' } });
    expect(phone).toMatchObject({ details: { number: '+31612345678' } });
    const person = await call('subject.create', { details: { type: 'person', name: '  Fictief Persoon ', bsn: '111 222 333' } });
    expect(person).toMatchObject({ details: { name: 'Fictief Persoon', bsn: '111222333' }, sourceGrade: 'X', informationGrade: 4, tlp: 'AMBER+STRICT' });
    await core.dispose();
  });

  it('refuses dates in the future (today allowed) and a status change dated before the previous one, by the core clock', async () => {
    // 23:30 local time on 10 June 2026: "today" is the local date, the evening still counts.
    const { call, fail, core } = await openDossierCore({ now: () => new Date(2026, 5, 10, 23, 30) });
    expect(await fail('dossier.create', { title: 'Fictief', openedOn: '2026-06-11' })).toMatchObject({ code: 'DATE_IN_FUTURE', details: { field: 'openedOn' } });
    const dossier = await call('dossier.create', { title: 'Fictief', openedOn: '2026-03-01' });
    expect(await fail('signal.create', { howReceived: 'meldpunt', summary: 'Fictief', receivedOn: '2026-06-11' })).toMatchObject({
      code: 'DATE_IN_FUTURE',
      details: { field: 'receivedOn' },
    });
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Fictief', receivedOn: '2026-06-10' });
    expect(await fail('signal.update', { signalId: signal.id, receivedOn: '2027-01-01' })).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(await fail('note.add', { dossierId: dossier.id, body: 'Fictief', notedOn: '2026-06-11' })).toMatchObject({ code: 'DATE_IN_FUTURE', details: { field: 'notedOn' } });
    expect((await call('note.add', { dossierId: dossier.id, body: 'Fictief' })).notedOn).toBe('2026-06-10');

    // Before the dossier's first status (its opening date), then before the last change.
    expect(await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'in_opwerking', changedOn: '2026-02-28' })).toMatchObject({
      code: 'DATE_BEFORE_LAST_CHANGE',
      details: { field: 'changedOn', lastChangedOn: '2026-03-01' },
    });
    expect(await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'in_opwerking', changedOn: '2026-06-11' })).toMatchObject({ code: 'DATE_IN_FUTURE' });
    await call('dossier.changeStatus', { dossierId: dossier.id, to: 'in_opwerking', changedOn: '2026-04-01' });
    expect(await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'regulier_afgehandeld', changedOn: '2026-03-31' })).toMatchObject({
      code: 'DATE_BEFORE_LAST_CHANGE',
    });
    const sameDay = await call('dossier.changeStatus', { dossierId: dossier.id, to: 'regulier_afgehandeld', changedOn: '2026-04-01' });
    expect(sameDay.change.changedOn).toBe('2026-04-01');
    for (const code of ['DATE_IN_FUTURE', 'DATE_BEFORE_LAST_CHANGE'] as const) {
      expect(isErrorCode(code)).toBe(true);
      expect(errorMessages.nl[code]).toBeTruthy();
      expect(errorMessages.en[code]).toBeTruthy();
    }
    await core.dispose();
  });
});
