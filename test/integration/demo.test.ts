import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoVault, generateDemoData, testIban } from '../../electron/core/demo/demo-data';
import { coreContextFor } from '../../electron/core/kernel/context';
import { decideForOutput, dossierFacts } from '../../electron/core/sharing/regime';
import { Vault } from '../../electron/core/vault/vault';
import type { Audience } from '../../shared/domain/sharing';
import { validateIban } from '../../shared/domain/validation';
import { DOSSIER_STATUS_LABELS_NL } from '../../shared/domain/labels-nl';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

const cliSource = path.resolve('electron/core/cli/kluis.ts');

function kluis(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: '', KLUIS_NEW_PASSPHRASE: '', ...env },
    input: input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** Generate into a fresh vault and read back what a newcomer would see. */
async function generateAndRead() {
  const { core, call } = await openDossierCore();
  const summary = await generateDemoData(core);
  const signals = await call('signal.list', { limit: 500 });
  const dossiers = await call('dossier.list', { sort: 'number', direction: 'asc', limit: 500 });
  const matches = await Promise.all(dossiers.items.map((dossier) => call('dossier.matches', { dossierId: dossier.id })));
  const audit = await call('audit.verify', {});
  const attachments = await call('attachment.list', { dossierId: dossiers.items[0]!.id });
  await core.dispose();
  return { summary, signals, dossiers, matches, audit, attachments };
}

describe('demo data', () => {
  it('fills a real vault through the core: ~40 signals, 12 dossiers in many states, shared subjects, deterministic', async () => {
    const first = await generateAndRead();
    expect(first.signals.total).toBeGreaterThanOrEqual(35);
    expect(first.signals.total).toBeLessThanOrEqual(45);
    expect(first.summary.signals).toBe(first.signals.total);
    expect(first.dossiers.total).toBe(12);
    expect(first.summary.notes).toBeGreaterThan(0);
    expect(first.summary.measures).toBeGreaterThan(0);
    // A photo, a report, an e-mail and a spreadsheet on the first dossier, their types sniffed from the content.
    expect(first.summary.attachments).toBe(4);
    expect(first.attachments.map((attachment) => [attachment.fileName.split('.').pop(), attachment.mediaType])).toEqual([
      ['png', 'image/png'],
      ['pdf', 'application/pdf'],
      ['eml', 'message/rfc822'],
      ['csv', 'text/csv'],
    ]);

    const statuses = new Set(first.dossiers.items.map((dossier) => dossier.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    expect(first.dossiers.items.find((dossier) => dossier.status === 'afgesloten')?.closingReason).toBeTruthy();

    // All five phenomena of the source are covered.
    const phenomenonCodes = new Set(first.dossiers.items.flatMap((dossier) => dossier.phenomena.map((phenomenon) => phenomenon.code.split('.')[0])));
    expect([...phenomenonCodes].sort()).toEqual(['arbeidsuitbuiting', 'drugs', 'illegaal_gokken', 'milieu', 'zorgfraude']);

    // "Komt ook voor in": subjects shared across dossiers, and look-alikes (same KvK, same person).
    const allMatches = first.matches.flat();
    expect(allMatches.filter((match) => match.dossiers.length > 0).length).toBeGreaterThanOrEqual(5);
    const matchedOn = new Set(allMatches.flatMap((match) => match.lookalikes.flatMap((lookalike) => lookalike.matchedOn)));
    expect(matchedOn).toContain('kvk');
    expect(matchedOn).toContain('name_birth_date');
    expect(matchedOn).toContain('address');

    // Created through the handlers, so audited with an intact chain.
    expect(first.audit.intact).toBe(true);

    const second = await generateAndRead();
    expect(second.summary).toEqual(first.summary);
    expect(second.dossiers.items.map((dossier) => [dossier.number, dossier.title, dossier.status, dossier.openedOn])).toEqual(
      first.dossiers.items.map((dossier) => [dossier.number, dossier.title, dossier.status, dossier.openedOn]),
    );
    expect(second.signals.items.map((signal) => [signal.receivedOn, signal.summary])).toEqual(first.signals.items.map((signal) => [signal.receivedOn, signal.summary]));
  });

  it('shows the sharing regime: partners’ facts, every restriction, a RED police note, and a GREEN casustafel that holds them back', async () => {
    const { core, call, vaultPath } = await openDossierCore();
    const summary = await generateDemoData(core);
    expect(summary.meetings).toBe(2);
    const meetings = await call('meeting.list', {});
    expect(meetings.map((meeting) => meeting.kind).sort()).toEqual(['casustafel', 'informatieplein']);
    const casustafel = await call('meeting.get', { meetingId: meetings.find((meeting) => meeting.kind === 'casustafel')!.id });
    expect(casustafel.tlp).toBe('GREEN');
    expect(casustafel.items[0]!.dossier?.number).toBe('2025-0001');
    expect(casustafel.participants).toContainEqual(expect.objectContaining({ organisationCode: 'woningcorporatie' }));

    // The agenda as the table would get it: the RED police note and the RED accounts stay out, and it says why.
    const agenda = await call('meeting.preview', { meetingId: casustafel.id, part: 'agenda' });
    // The woningcorporatie sits at this table and the dossiers have a summary (art. 10 data): their items are left out whole.
    expect(agenda.items.map((item) => item.title)).not.toContainEqual(expect.stringContaining('2025-0001'));
    expect(agenda.notIncluded).toContainEqual(expect.stringMatching(/^\d+ agendapunten? helemaal weggelaten/));
    expect(agenda.marking).not.toBe('RED');
    for (const item of agenda.items) {
      expect(item.tlp).not.toBe('RED');
      expect(item.summary).not.toContain('katvanger');
      expect(item.summary).not.toMatch(/NL\d{2} ?TEST/);
    }
    expect(agenda.notIncluded).toContainEqual(expect.stringMatching(/^\d+ gegevens?: TLP:RED/));
    expect(agenda.notIncluded).toContainEqual(expect.stringMatching(/^\d+ gegevens?: strafrechtelijke persoonsgegevens/));
    await call('vault.lock', {});
    await core.dispose();

    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      const context = coreContextFor(vault);
      const db = vault.database;
      const participantCodes = casustafel.participants.map((participant) => participant.organisationCode);
      expect(participantCodes).toContain('woningcorporatie');

      const provenance = db
        .prepare(
          ['signals', 'dossier_notes', 'subject_dossier_links', 'subject_links', 'measures', 'attachments']
            .map((table) => `SELECT '${table}' AS kind, originator, received_under, use_restriction, tlp FROM ${table}`)
            .join(' UNION ALL '),
        )
        .all() as Array<{ kind: string; originator: string | null; received_under: string | null; use_restriction: string; tlp: string }>;
      const originators = new Set(provenance.map((row) => row.originator));
      for (const partner of ['politie', 'belastingdienst', 'woningcorporatie', 'riec', 'gemeente_handhaving', 'gemeente']) expect(originators).toContain(partner);
      expect(new Set(provenance.map((row) => row.use_restriction))).toEqual(
        new Set(['vrij', 'geen_besluit_zonder_toestemming', 'niet_verder_verstrekken', 'vraag_leverancier']),
      );
      expect(provenance).toContainEqual({
        kind: 'measures',
        originator: 'belastingdienst',
        received_under: 'awr',
        use_restriction: 'niet_verder_verstrekken',
        tlp: 'AMBER+STRICT',
      });
      expect(provenance).toContainEqual({
        kind: 'signals',
        originator: 'woningcorporatie',
        received_under: 'eigen_taak_gemeentewet',
        use_restriction: 'geen_besluit_zonder_toestemming',
        tlp: 'AMBER+STRICT',
      });
      expect(provenance.filter((row) => row.kind === 'dossier_notes' && row.tlp === 'RED' && row.originator === 'politie' && row.received_under === 'wpg')).toHaveLength(1);

      // The regime on 2025-0001 for the casustafel's table: the RED police note and the two RED bank accounts stay, and so does art. 10 data.
      const dossierId = casustafel.items[0]!.dossier!.id;
      const audience: Audience = {
        kind: 'recipients',
        members: casustafel.participants.map((participant) => ({ organisation: participant.organisationCode, person: participant.name, verified: false })),
      };
      const decision = decideForOutput(context, dossierFacts(context, dossierId), audience);
      const withheldRed = decision.summary.withheld.filter((fact) => fact.tlp === 'RED').map((fact) => fact.ref.kind);
      expect(withheldRed.sort()).toEqual(['dossier-link', 'dossier-link', 'note', 'note', 'subject-link', 'subject-link']);
      expect(decision.summary.withheldCounts.art10).toBeGreaterThan(0);
      expect(decision.summary.withheldCounts.restriction_unknown).toBeGreaterThanOrEqual(1);
      expect(decision.going.some((fact) => fact.tlp === 'RED')).toBe(false);
      expect(decision.going.length).toBeGreaterThan(0);
      // For the user's own use nothing is held back.
      expect(decideForOutput(context, dossierFacts(context, dossierId), { kind: 'internal' }).summary.withheld).toEqual([]);
    } finally {
      vault.lock();
    }
  });

  it('uses IBANs with the test bank code that pass mod-97', () => {
    for (const account of [1, 101, 9_999_999_999]) {
      const iban = testIban(account);
      expect(iban).toMatch(/^NL\d{2}TEST\d{10}$/);
      expect(validateIban(iban)).toEqual({ ok: true, value: iban });
    }
  });

  it('refuses an existing vault', async () => {
    const vaultPath = path.join(makeTempFolder(), 'Demo.kluis');
    await createDemoVault(vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS);
    await expect(createDemoVault(vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS)).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
  });
});

describe('kluis demo and kluis dossiers', () => {
  it('creates a demo vault with a generated passphrase that unlocks it, and lists its dossiers', () => {
    const vaultPath = path.join(makeTempFolder(), 'nieuw', 'Demo.kluis');
    const created = kluis(['demo', vaultPath]);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('wachtwoord');
    const [passphrase, ...summary] = created.stdout.split('\n');
    expect(passphrase).toMatch(/^[a-z]+( [a-z]+){4}$/);
    expect(summary.join('\n')).toMatch(/\d+ signalen, 12 dossiers/);
    expect(fs.existsSync(vaultPath)).toBe(true);

    const listed = kluis(['dossiers', vaultPath], { KLUIS_PASSPHRASE: passphrase! });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines).toHaveLength(12);
    const labels = Object.values(DOSSIER_STATUS_LABELS_NL);
    for (const line of lines) {
      const match = /^(\d{4}-\d{4}) {2}(.+?) {2,}(\S.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      expect(labels).toContain(match![2]);
    }
    expect(lines[0]).toMatch(/^2025-0001 {2}Interventie\(s\) lopen {2,}Hennepkwekerij/);

    // The passphrase also works from a pipe; a wrong one fails in Dutch.
    expect(kluis(['dossiers', vaultPath], {}, `${passphrase}\n`).stdout).toBe(listed.stdout);
    expect(kluis(['dossiers', vaultPath], { KLUIS_PASSPHRASE: 'niet het wachtwoord' })).toMatchObject({ code: 1, stderr: 'kluis: Het wachtwoord is onjuist.' });

    // A second run refuses politely and leaves the vault alone.
    const again = kluis(['demo', vaultPath], { KLUIS_PASSPHRASE: 'een ander lang wachtwoord' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^kluis: Er staat al een kluis op /);
    expect(kluis(['dossiers', vaultPath], { KLUIS_PASSPHRASE: passphrase! }).code).toBe(0);
  });

  it('uses KLUIS_PASSPHRASE when set and prints no passphrase', () => {
    const vaultPath = path.join(makeTempFolder(), 'Demo.kluis');
    const created = kluis(['demo', vaultPath], { KLUIS_PASSPHRASE: TEST_PASSPHRASE });
    expect(created.code).toBe(0);
    expect(created.stdout).not.toContain(TEST_PASSPHRASE);
    expect(created.stdout.split('\n')[0]).toMatch(/^Demokluis aangemaakt: /);
    expect(kluis(['dossiers', vaultPath], { KLUIS_PASSPHRASE: TEST_PASSPHRASE }).stdout.split('\n')).toHaveLength(12);
    expect(kluis(['demo']).code).toBe(2);
  });
});
