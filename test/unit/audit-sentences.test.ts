import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ACTION_GROUPS, AUDIT_GROUPS, auditActionsOf, type AuditAction } from '../../shared/domain/audit-actions';
import { AUDIT_SUBJECT_KEYS, subjectIdsOf, type AuditDetails } from '../../shared/domain/audit-details';
import { AUDIT_SENTENCES_EN, AUDIT_SENTENCES_NL, auditSentence } from '../../shared/i18n/audit-sentences';

describe('the audit vocabulary', () => {
  it('gives every action a group, a Dutch and an English sentence, and no sentence to an unknown action', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(90);
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_GROUPS, action).toContain(AUDIT_ACTION_GROUPS[action]);
      expect(typeof AUDIT_SENTENCES_NL[action], action).toBe('function');
      expect(typeof AUDIT_SENTENCES_EN[action], action).toBe('function');
    }
    expect(Object.keys(AUDIT_SENTENCES_NL).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(AUDIT_SENTENCES_EN).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(AUDIT_GROUPS.flatMap((group) => auditActionsOf(group)).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('reads an entry with no details (as an older version may have written it) as a sentence, never as a placeholder', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const language of ['nl', 'en'] as const) {
        const sentence = auditSentence({ action, details: {} }, language);
        expect(sentence, `${language} ${action}`).not.toBe(action);
        expect(sentence, `${language} ${action}`).not.toMatch(/undefined|null|NaN|\[object|{{/);
        expect(sentence.length, `${language} ${action}`).toBeGreaterThan(5);
      }
    }
  });

  it('gives an action this version does not know by its name', () => {
    expect(auditSentence({ action: 'something.newer', details: { a: 1 } }, 'nl')).toBe('something.newer');
    expect(auditSentence({ action: 'toString', details: {} }, 'en')).toBe('toString');
  });

  // The sentences the audit screen showed before they moved to shared, with the details that say more.
  const SAME_AS_BEFORE: Array<[string, Record<string, unknown>, string, string]> = [
    ['vault.unlocked', { method: 'passphrase' }, 'Kluis ontgrendeld met het wachtwoord', 'Vault unlocked with the passphrase'],
    ['vault.unlocked', { method: 'recovery' }, 'Kluis ontgrendeld met de herstelsleutel', 'Vault unlocked with the recovery key'],
    ['vault.backup', { path: '/tmp/backup.dkv', bytes: 5 * 1024 * 1024 }, 'Reservekopie gemaakt: /tmp/backup.dkv (5 MB)', 'Backup made: /tmp/backup.dkv (5 MB)'],
    [
      'settings.updated',
      { autoLockMinutes: 15, language: 'en' },
      'Instellingen gewijzigd: automatisch vergrendelen na 15 minuten, taal English',
      'Settings changed: lock automatically after 15 minutes, language English',
    ],
    ['settings.updated', { somethingNew: true }, 'Instellingen gewijzigd: somethingNew', 'Settings changed: somethingNew'],
    ['search.performed', { hits: 1 }, 'Gezocht: 1 resultaat', 'Searched: 1 result'],
    ['search.performed', { hits: 7 }, 'Gezocht: 7 resultaten', 'Searched: 7 results'],
    [
      'signal.updated',
      {
        signalId: 1,
        fields: ['summary', 'tlp', 'phenomenonIds', 'reporterProtected'],
      },
      'Signaal gewijzigd: samenvatting, rubricering (TLP), fenomenen, afscherming melder',
      'Signal changed: summary, handling code (TLP), phenomena, reporter protection',
    ],
    [
      'dossier.updated',
      { dossierId: 1, fields: ['title', 'priority', 'mystery'] },
      'Dossier gewijzigd: titel, prioriteit, mystery',
      'Dossier changed: title, priority, mystery',
    ],
    [
      'dossier.status-changed',
      {
        dossierId: 1,
        number: '2026-0001',
        from: 'aanpak',
        to: 'afgesloten',
        closingReason: 'geen_grond',
      },
      'Status van dossier 2026-0001 gewijzigd van ‘Projectgroep / casustafel’ naar ‘Afgesloten’, reden: geen grond',
      'Status of dossier 2026-0001 changed from ‘Project group / case meeting’ to ‘Closed’, reason: no grounds',
    ],
    [
      'dossier.status-changed',
      { dossierId: 1, number: '2026-0001', from: 'oud', to: 'in_opwerking' },
      'Status van dossier 2026-0001 gewijzigd van ‘oud’ naar ‘In opwerking’',
      'Status of dossier 2026-0001 changed from ‘oud’ to ‘Being worked up’',
    ],
    ['measure.added', { measureId: 1, dossierId: 1, kind: 'bibob_toets' }, 'Maatregel toegevoegd: Bibob-toets', 'Measure added: Bibob screening'],
    ['subject.created', { subjectId: 1, type: 'bank_account' }, 'Subject vastgelegd: bankrekening', 'Subject recorded: bank account'],
    [
      'subject.linked',
      { linkId: 1, fromSubjectId: 1, toSubjectId: 2, kind: 'works_for' },
      'Twee subjecten met elkaar verbonden: werkt voor',
      'Two subjects linked: works for',
    ],
    [
      'subject.linked-to-dossier',
      { linkId: 1, subjectId: 1, dossierId: 1, role: 'ubo' },
      'Subject aan een dossier gekoppeld als uiteindelijk belanghebbende (UBO)',
      'Subject linked to a dossier as ultimate beneficial owner (UBO)',
    ],
    [
      'subject.merged',
      {
        keptSubjectId: 1,
        mergedSubjectId: 2,
        movedDossierLinks: 2,
        movedSubjectLinks: 1,
        droppedSelfLinks: 0,
        filledFields: [],
      },
      'Dubbel subject samengevoegd: 3 koppelingen overgezet',
      'Duplicate subject merged: 3 links moved',
    ],
    ['attachment.exported', { attachmentId: 4 }, 'Bijlage buiten de kluis opgeslagen (grootte onbekend)', 'Attachment saved outside the vault (size unknown)'],
    [
      'trash.emptied',
      {
        destroyed: {
          signal: [1, 2],
          dossier: [3],
          subject: [],
          note: [],
          measure: [],
          attachment: [],
        },
      },
      'Prullenbak geleegd; definitief vernietigd: 2 signalen, 1 dossier',
      'Trash emptied; permanently destroyed: 2 signals, 1 dossier',
    ],
    ['trash.emptied', { destroyed: { signal: [], dossier: [] } }, 'Prullenbak geleegd; er lag niets in', 'Trash emptied; it held nothing'],
    [
      'bundle.exported',
      {
        bundleId: 'b',
        path: '/tmp/b.dkb',
        bytes: 2048,
        sha256: 'x',
        tlp: 'AMBER',
        dossiers: [
          { id: 1, number: '2025-0001' },
          { id: 2, number: '2025-0004' },
        ],
        to: [
          {
            partnerId: 1,
            name: 'R. Analist',
            organisation: 'RIEC',
            ageRecipient: 'age1',
            fingerprint: null,
            verified: true,
          },
          { ageRecipient: 'age1zz' },
        ],
      },
      'Bundel met 2025-0001, 2025-0004 naar R. Analist (RIEC), age1zz opgeslagen in /tmp/b.dkb (2 kB)',
      'Bundle with 2025-0001, 2025-0004 for R. Analist (RIEC), age1zz saved to /tmp/b.dkb (2 kB)',
    ],
    [
      'bundle.exported',
      {
        bundleId: 'b',
        path: '/tmp/b.dkb',
        bytes: 2048,
        dossiers: [{ id: 1, number: '2025-0001' }],
        to: [{ passphrase: true }],
      },
      'Bundel met 2025-0001 naar een wachtwoord opgeslagen in /tmp/b.dkb (2 kB)',
      'Bundle with 2025-0001 for a passphrase saved to /tmp/b.dkb (2 kB)',
    ],
    [
      'bundle.imported',
      {
        importId: 'i',
        bundleId: 'b',
        sender: { name: 'P. Agent', organisation: 'Politie', fingerprint: 'f' },
        senderAdded: false,
        dossiers: [{ action: 'created', dossierId: 5, number: '2026-0002' }],
        created: 1,
        updated: 0,
        linkedSubjects: 2,
      },
      'Bundel van P. Agent (Politie) geïmporteerd: 2026-0002',
      'Bundle from P. Agent (Politie) imported: 2026-0002',
    ],
    [
      'bundle.tlp-overridden',
      {
        bundleId: 'b',
        reason: 'Afgesproken',
        audience: 'x',
        count: 3,
        items: [],
      },
      'Behandelcode overschreven voor 3 onderdelen, reden: ‘Afgesproken’',
      'Handling code overridden for 3 items, reason: ‘Afgesproken’',
    ],
    [
      'document.composed',
      { documentId: 1, dossierId: 1, version: 2, included: [] },
      'Preweegdocument opgesteld uit het dossier (versie 2)',
      'Preweeg document composed from the dossier (version 2)',
    ],
    [
      'document.composed',
      {
        documentId: 1,
        dossierId: 1,
        version: 2,
        included: ['reporter', 'bsn', 'internalNotes'],
      },
      'Preweegdocument opgesteld uit het dossier (versie 2), met identiteit melder, BSN, interne notities',
      'Preweeg document composed from the dossier (version 2), with reporter’s identity, BSN, internal notes',
    ],
    [
      'document.exported',
      { documentId: 1, version: 2, format: 'docx', path: '/tmp/d.docx' },
      'Preweegdocument geëxporteerd als Word (versie 2) naar /tmp/d.docx',
      'Preweeg document exported as Word (version 2) to /tmp/d.docx',
    ],
    [
      'document.compared',
      { documentId: 1, fromVersion: 1, toVersion: 3 },
      'Versies 1 en 3 van een preweegdocument vergeleken',
      'Versions 1 and 3 of a preweeg document compared',
    ],
    [
      'retention.extended',
      {
        kind: 'dossier',
        id: 1,
        number: '2019-0001',
        from: '2025-01-01',
        to: '2027-03-04',
        reason: 'Lopend onderzoek',
      },
      'Bewaartermijn van Dossier 2019-0001 verlengd tot 04-03-2027; reden: Lopend onderzoek',
      'Retention period of Dossier 2019-0001 extended to 04/03/2027; reason: Lopend onderzoek',
    ],
    [
      'retention.extended',
      {
        kind: 'signal',
        id: 12,
        number: null,
        from: '2025-01-01',
        to: null,
        reason: 'Terug naar dossier',
      },
      'Bewaartermijn van Signaal #12 verlengd tot —; reden: Terug naar dossier',
      'Retention period of Signal #12 extended to —; reason: Terug naar dossier',
    ],
    [
      'retention.shortened',
      {
        kind: 'signal',
        id: 12,
        number: null,
        from: '2027-01-01',
        to: '2026-03-04',
        reason: 'Afgerond',
      },
      'Bewaartermijn van Signaal #12 verkort tot 04-03-2026; reden: Afgerond',
      'Retention period of Signal #12 shortened to 04/03/2026; reason: Afgerond',
    ],
    [
      'retention.destroyed',
      { kind: 'signal', id: 12, number: null, reason: 'Termijn verlopen' },
      'Signaal #12 definitief vernietigd; reden: Termijn verlopen',
      'Signal #12 destroyed permanently; reason: Termijn verlopen',
    ],
    [
      'report.exported',
      { from: '2025-01-01', to: '2025-12-31', format: 'csv' },
      'Jaarrapportage (2025-01-01 t/m 2025-12-31) als CSV opgeslagen',
      'Annual report (2025-01-01 to 2025-12-31) saved as CSV',
    ],
    [
      'meeting.outcome-applied',
      { meetingId: 1, itemId: 2, dossierId: 1, status: null, noteId: 4 },
      'Uitkomst van een overleg verwerkt in het dossier',
      'Outcome of a meeting carried into the dossier',
    ],
    [
      'address-book.added',
      {
        partnerId: 3,
        name: 'R. Analist',
        organisation: 'RIEC',
        fingerprint: 'ab',
        verified: true,
      },
      'Partner R. Analist (RIEC) aan het adresboek toegevoegd',
      'Partner R. Analist (RIEC) added to the address book',
    ],
  ];

  it.each(SAME_AS_BEFORE)('reads %s %j in Dutch and English as the screen did', (action, details, dutch, english) => {
    expect(auditSentence({ action, details }, 'nl')).toBe(dutch);
    expect(auditSentence({ action, details }, 'en')).toBe(english);
  });

  it('says what a refused passphrase was asked for and how many wrong tries in a row it made', () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { purpose: 'recovery-key', failedAttempts: 3 },
        'Onjuist wachtwoord ingevoerd om de herstelsleutel te tonen (3e mislukte poging op rij)',
        'Wrong passphrase entered to show the recovery key (failed attempt 3 in a row)',
      ],
      [
        { purpose: 'passphrase-change', failedAttempts: 1 },
        'Onjuist wachtwoord ingevoerd bij het wijzigen van het wachtwoord (1e mislukte poging op rij)',
        'Wrong passphrase entered to change the passphrase (failed attempt 1 in a row)',
      ],
      [
        { purpose: 'key-rotation', failedAttempts: 6 },
        'Onjuist wachtwoord ingevoerd bij het opnieuw versleutelen van de kluis (6e mislukte poging op rij)',
        'Wrong passphrase entered to re-encrypt the vault (failed attempt 6 in a row)',
      ],
      [{ purpose: 'iets-nieuws', failedAttempts: 'veel' }, 'Onjuist wachtwoord ingevoerd', 'Wrong passphrase entered'],
    ];
    for (const [details, dutch, english] of cases) {
      expect(auditSentence({ action: 'vault.passphrase-refused', details }, 'nl')).toBe(dutch);
      expect(auditSentence({ action: 'vault.passphrase-refused', details }, 'en')).toBe(english);
    }
  });

  it('names the subjects of an entry by its declared keys only, each once', () => {
    expect(
      subjectIdsOf('subject.merged', {
        keptSubjectId: 4,
        mergedSubjectId: 9,
        movedDossierLinks: 1,
        movedSubjectLinks: 0,
        droppedSelfLinks: 0,
        filledFields: [],
      }),
    ).toEqual([4, 9]);
    expect(
      subjectIdsOf('subject.linked', {
        linkId: 7,
        fromSubjectId: 3,
        toSubjectId: 3,
        kind: 'family_of',
      }),
    ).toEqual([3]);
    expect(subjectIdsOf('subject.trashed', { id: 5 })).toEqual([5]);
    expect(subjectIdsOf('dossier.trashed', { id: 5 })).toEqual([]);
    expect(
      subjectIdsOf('subject.linked-to-dossier', {
        linkId: 2,
        subjectId: 8,
        dossierId: 6,
        role: 'huurder',
      }),
    ).toEqual([8]);
    expect(Object.keys(AUDIT_SUBJECT_KEYS).every((action) => action.startsWith('subject.'))).toBe(true);
  });

  it('lets the core write only declared actions with their declared details (checked by the compiler)', () => {
    // The same signature as Vault.audit and the dossier context's audit.
    const write = <A extends AuditAction>(action: A, details: AuditDetails[A]) => subjectIdsOf(action, details);
    // @ts-expect-error an action outside the vocabulary
    write('subject.exploded', {});
    // @ts-expect-error a detail the action does not declare (a name is content, not an id)
    write('subject.viewed', { subjectId: 1, name: 'Anna Bakker' });
    // @ts-expect-error a count written as text
    write('search.performed', { hits: '3' });
    // @ts-expect-error details left out
    write('subject.created', {});
    expect(write('subject.viewed', { subjectId: 12 })).toEqual([12]);
  });
});
