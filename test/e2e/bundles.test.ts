import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { callCore, startHostWithDemoVault, startTestHost, type TestHost } from './support/host';
import { craftBundle, decryptBytes, encryptBytes, makeSigner, untar } from '../integration/support/bundle-craft';
import { checkScreen, unlockRecentVault } from './support/screens';
import { Vault } from '../../electron/core/vault/vault';

/**
 * The demo's provenance made plain for these tests, in the locked vault: every fact the
 * municipality's own and free to use, but the links of the RED bank accounts to their dossiers,
 * which the police supplied under TLP:RED. The sharing regime then lets the poker dossier go whole
 * to the RIEC, and holds the police's RED back.
 */
async function plainProvenance(vaultPath: string, passphrase: string): Promise<void> {
  const key = await Vault.revealDatabaseKey(vaultPath, { passphrase });
  const db = new Database(vaultPath, { fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key}'"`);
    for (const table of ['signals', 'dossier_notes', 'subject_dossier_links', 'subject_links', 'measures', 'attachments']) {
      db.prepare(`UPDATE ${table} SET originator = 'gemeente', received_under = 'eigen_taak_gemeentewet', use_restriction = 'vrij'`).run();
    }
    db.prepare(
      `UPDATE subject_dossier_links SET originator = 'politie', received_under = 'wpg', tlp = 'RED' WHERE subject_id IN (SELECT id FROM subjects WHERE tlp = 'RED')`,
    ).run();
  } finally {
    db.close();
  }
}

const PASSPHRASE = 'twee kluizen wisselen dossiers uit';
const STEP_TIMEOUT = 120_000;
const POKER = 'Pokeravonden in leegstaand pand Testlaan 3';
const HEMP = 'Hennepkwekerij in bedrijfspand Proefstraat 12';
/** A BSN that passes the elfproef, given to a demo person before the export. */
const BSN = '111222333';
const OVERRIDE_REASON = 'Afgestemd met de politie als informatie-eigenaar (test)';
const AGE = '/usr/bin/age';
const hasAge = fs.existsSync(AGE) && fs.existsSync('/usr/bin/age-keygen');

describe.skipIf(skipWithoutBrowser)('bundles between two vaults, end to end in Chromium', () => {
  let hostA: TestHost;
  let hostB: TestHost;
  let browser: Browser;
  let sessionA: BrowserSession;
  let sessionB: BrowserSession;
  let pageA: Page;
  let pageB: Page;
  let files: string;
  let pokerNumber: string;
  const cardA = () => path.join(files, 'partnerkaart-a.json');
  const cardB = () => path.join(files, 'partnerkaart-b.json');
  const ageKeyB = () => path.join(files, 'age-sleutel-b.txt');
  const bundle = () => path.join(files, 'pokeravonden.dkbundel');

  const openBundles = async (page: Page, part: string) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitwisselen' }).click();
    await page.getByRole('navigation', { name: 'Onderdelen van Uitwisselen' }).getByRole('link', { name: part }).click();
  };
  const visible = (locator: ReturnType<Page['locator']>, timeout = 20_000) => expect.poll(() => locator.isVisible(), { timeout }).toBe(true);

  beforeAll(async () => {
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-e2e-bundels-'));
    hostA = await startHostWithDemoVault(PASSPHRASE);
    // Vault B belongs to someone else: another name, no data.
    hostB = await startTestHost();
    await callCore(hostB, 'vault.create', { path: path.join(hostB.dataDir, 'Werkbestand.kluis'), passphrase: PASSPHRASE, displayName: 'R. Analist' });
    await callCore(hostB, 'vault.lock', {});

    // A demo person gets a BSN, so that leaving it out can be seen.
    await callCore(hostA, 'vault.unlock', { path: path.join(hostA.dataDir, 'Werkbestand.kluis'), passphrase: PASSPHRASE });
    const [henk] = (await callCore(hostA, 'subject.list', { query: 'Henk Nepkamp', type: 'person' })).items;
    await callCore(hostA, 'subject.update', { subjectId: henk!.id, details: { type: 'person', name: 'Henk Nepkamp', birthDate: '1958-02-28', bsn: BSN } });
    const dossiers = await callCore(hostA, 'dossier.list', { limit: 500 });
    pokerNumber = dossiers.items.find((dossier) => dossier.title === POKER)!.number;
    await callCore(hostA, 'vault.lock', {});
    await plainProvenance(path.join(hostA.dataDir, 'Werkbestand.kluis'), PASSPHRASE);

    browser = await launchBrowser();
    sessionA = await openPage(browser);
    sessionB = await openPage(browser);
    pageA = sessionA.page;
    pageB = sessionB.page;
    await unlockRecentVault(pageA, hostA.host.url, PASSPHRASE);
    await unlockRecentVault(pageB, hostB.host.url, PASSPHRASE);
  }, 180_000);

  afterAll(async () => {
    await sessionA?.context.close();
    await sessionB?.context.close();
    await browser?.close();
    await hostA?.stop();
    await hostB?.stop();
    if (files) fs.rmSync(files, { recursive: true, force: true });
  });

  it('shows each vault its identity and writes both partner cards and B’s age key', { timeout: STEP_TIMEOUT }, async () => {
    await openBundles(pageA, 'Identiteit van deze kluis');
    await visible(pageA.getByRole('heading', { level: 2, name: 'Identiteit van deze kluis' }));
    const identityA = await callCore(hostA, 'bundle.identity', {});
    expect(await pageA.getByTestId('age-recipient').innerText()).toBe(identityA.ageRecipient);
    expect(identityA.ageRecipient).toMatch(/^age1/);
    const fingerprint = pageA.getByTestId('vault-identity').getByTestId('fingerprint');
    expect(await fingerprint.locator('.app-fingerprint__words li').allInnerTexts()).toEqual(identityA.fingerprint.words);
    expect(await fingerprint.locator('.app-fingerprint__hex').innerText()).toBe(identityA.fingerprint.groups.join(' '));

    await pageA.getByLabel('Organisatie', { exact: true }).fill('Gemeente Voorbeeldstad');
    await pageA.getByRole('button', { name: 'Organisatie opslaan' }).click();
    await visible(pageA.getByText('De organisatie is opgeslagen.', { exact: false }));
    await pageA.getByRole('region', { name: 'Partnerkaart' }).getByLabel('Opslaan als').fill(cardA());
    await pageA.getByRole('button', { name: 'Partnerkaart opslaan…' }).click();
    await visible(pageA.getByText(`De partnerkaart is opgeslagen in ${cardA()}.`));
    const card = JSON.parse(fs.readFileSync(cardA(), 'utf8')) as { organisation: string; fingerprint: string; name: string };
    expect(card).toMatchObject({ name: 'J. de Vries', organisation: 'Gemeente Voorbeeldstad', fingerprint: identityA.fingerprint.hex });
    // The secret key is behind a warning and a confirmation.
    const secret = pageA.getByRole('region', { name: 'Geheime sleutel exporteren voor het age-programma' });
    await expect.poll(() => secret.getByRole('button', { name: 'Geheime sleutel exporteren' }).count()).toBe(0);
    expect(await secret.getByRole('alert').innerText()).toContain('kan elke bundel lezen');
    await checkScreen(pageA, 'bundles-01-identity');

    // The same target again: asked first (the shared OverwriteQuestion, with the bundle texts), replaced only on "Vervangen".
    const cardRegion = pageA.getByRole('region', { name: 'Partnerkaart' });
    const cardQuestion = cardRegion.getByRole('group', { name: `Er staat al een bestand op ${cardA()}. Wilt u het vervangen?` });
    await cardRegion.getByRole('button', { name: 'Partnerkaart opslaan…' }).click();
    await visible(cardQuestion);
    expect(await cardQuestion.innerText()).toContain('Het bestaande bestand gaat dan verloren.');
    await expect.poll(() => cardQuestion.locator('.app-question__text').evaluate((element) => element === document.activeElement)).toBe(true);
    await checkScreen(pageA, 'bundles-01b-overwrite-question');
    await cardQuestion.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => cardQuestion.count()).toBe(0);
    await expect.poll(() => cardRegion.getByLabel('Opslaan als').evaluate((element) => element === document.activeElement)).toBe(true);
    fs.writeFileSync(cardA(), 'oud');
    await cardRegion.getByRole('button', { name: 'Partnerkaart opslaan…' }).click();
    await cardQuestion.getByRole('button', { name: 'Vervangen' }).click();
    await visible(pageA.getByText(`De partnerkaart is opgeslagen in ${cardA()}.`));
    expect(JSON.parse(fs.readFileSync(cardA(), 'utf8'))).toMatchObject({ fingerprint: identityA.fingerprint.hex });

    await openBundles(pageB, 'Identiteit van deze kluis');
    await pageB.getByLabel('Organisatie', { exact: true }).fill('RIEC Testregio');
    await pageB.getByRole('button', { name: 'Organisatie opslaan' }).click();
    await visible(pageB.getByText('De organisatie is opgeslagen.', { exact: false }));
    await pageB.getByRole('region', { name: 'Partnerkaart' }).getByLabel('Opslaan als').fill(cardB());
    await pageB.getByRole('button', { name: 'Partnerkaart opslaan…' }).click();
    await visible(pageB.getByText(`De partnerkaart is opgeslagen in ${cardB()}.`));
    const secretB = pageB.getByRole('region', { name: 'Geheime sleutel exporteren voor het age-programma' });
    await secretB.getByLabel('Ik begrijp dat dit bestand toegang geeft tot alle bundels voor deze kluis.').check();
    await secretB.getByLabel('Opslaan als').fill(ageKeyB());
    await secretB.getByRole('button', { name: 'Geheime sleutel exporteren' }).click();
    await visible(secretB.getByText(`De geheime age-sleutel is opgeslagen in ${ageKeyB()}.`, { exact: false }));
    expect(fs.readFileSync(ageKeyB(), 'utf8')).toMatch(/^AGE-SECRET-KEY-1/m);
    expect(fs.statSync(ageKeyB()).mode & 0o077).toBe(0);
  });

  it('exchanges partner cards: the fingerprint first, then added, then verified', { timeout: STEP_TIMEOUT }, async () => {
    const identityB = await callCore(hostB, 'bundle.identity', {});
    await openBundles(pageA, 'Adresboek');
    await visible(pageA.getByText('Het adresboek is nog leeg.', { exact: false }));
    await pageA.getByLabel('Partnerkaart of age-sleutel', { exact: true }).fill(cardB());
    await pageA.getByRole('button', { name: 'Kaart lezen' }).click();
    await visible(pageA.getByRole('heading', { level: 3, name: 'Partnerkaart van R. Analist' }));
    // The words to compare by phone are B's own.
    expect(await pageA.locator('.app-bundle-card-preview .app-fingerprint__words li').allInnerTexts()).toEqual(identityB.fingerprint.words);
    // The card's own organisation is free text; the sharing rules weigh the one chosen from the list.
    await pageA.getByLabel('Organisatie uit de organisatielijst').selectOption('riec');
    await pageA.getByRole('button', { name: 'Toevoegen aan adresboek' }).click();
    await visible(pageA.getByText('R. Analist (RIEC Testregio) is aan het adresboek toegevoegd.'));
    const row = pageA.locator('tr[data-partner="R. Analist"]');
    await visible(row.getByText('Niet geverifieerd'));
    expect(await row.getByTestId('partner-organisation-code').innerText()).toBe('RIEC');

    await row.getByRole('button', { name: 'Geverifieerd… (vingerafdruk van R. Analist vergeleken)' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Vingerafdruk van R. Analist vergelijken' });
    expect(await dialog.locator('.app-fingerprint__hex').innerText()).toBe(identityB.fingerprint.groups.join(' '));
    await dialog.getByRole('button', { name: 'De vingerafdruk is gelijk' }).click();
    await visible(pageA.getByText('R. Analist is geverifieerd.'));
    await expect.poll(() => row.getByText(/^Geverifieerd op \d{2}-\d{2}-\d{4}$/).isVisible()).toBe(true);
    const [partner] = await callCore(hostA, 'addressBook.list', {});
    expect(partner).toMatchObject({ name: 'R. Analist', organisation: 'RIEC Testregio', organisationCode: 'riec', verifiedBy: 'J. de Vries' });
    expect(partner!.verifiedAt).not.toBeNull();
    await checkScreen(pageA, 'bundles-02-partners');

    // B adds A's card, compared at once.
    await openBundles(pageB, 'Adresboek');
    await pageB.getByLabel('Partnerkaart of age-sleutel', { exact: true }).fill(cardA());
    await pageB.getByRole('button', { name: 'Kaart lezen' }).click();
    await pageB.getByLabel('Ik heb de vingerafdruk met de partner vergeleken (telefonisch of persoonlijk).').check();
    await pageB.getByLabel('Organisatie uit de organisatielijst').selectOption('andere_gemeente');
    await pageB.getByRole('button', { name: 'Toevoegen aan adresboek' }).click();
    await visible(pageB.getByText('J. de Vries (Gemeente Voorbeeldstad) is aan het adresboek toegevoegd.'));
    expect((await callCore(hostB, 'addressBook.list', {}))[0]!.verifiedAt).not.toBeNull();
  });

  it('exports one dossier through the wizard to B, leaving out the BSN', { timeout: STEP_TIMEOUT }, async () => {
    await openBundles(pageA, 'Exporteren');
    const steps = pageA.getByRole('list', { name: 'Stappen van de export' });
    expect(await steps.locator('[aria-current="step"]').innerText()).toContain('Dossiers');
    await pageA.getByLabel('Zoeken in nummer en titel').fill('pokeravond');
    const choice = pageA.getByLabel(`Dossier ${pokerNumber} meenemen: ${POKER}`);
    await visible(choice);
    expect(await pageA.locator('table.app-bundle-table tbody tr').count()).toBe(1);
    // Next without a choice: said, and the step stays.
    await pageA.getByRole('button', { name: 'Volgende' }).click();
    await visible(pageA.getByText('Kies ten minste één dossier.'));
    // Keyboard only: Space ticks the box.
    await choice.focus();
    await pageA.keyboard.press('Space');
    expect(await choice.isChecked()).toBe(true);
    expect(await pageA.getByText('1 dossier gekozen').isVisible()).toBe(true);
    await checkScreen(pageA, 'bundles-03-wizard-choose');
    await pageA.getByRole('button', { name: 'Volgende' }).click();

    // 2: the API's defaults: everything goes, the redaction is on.
    await visible(pageA.getByRole('heading', { level: 2, name: /Wat gaat mee, en wat blijft thuis\?/ }));
    expect(await pageA.getByRole('heading', { level: 2, name: /Wat gaat mee/ }).evaluate((element) => element === document.activeElement)).toBe(true);
    for (const label of [
      'Signalen',
      'Subjecten en hun onderlinge verbanden',
      'Journaalnotities',
      'Maatregelen',
      'Bijlagen',
      'Identiteit van melders',
      'BSN van personen',
      'Notities die als intern zijn gemarkeerd',
    ]) {
      expect(await pageA.getByLabel(label, { exact: true }).isChecked(), label).toBe(true);
    }
    await pageA.getByRole('button', { name: 'Volgende' }).click();

    // 3: B from the address book, marked as verified.
    const recipient = pageA.getByLabel(/^R\. Analist \(RIEC Testregio\) Geverifieerd op/);
    await visible(recipient);
    await recipient.check();
    await pageA.getByRole('button', { name: 'Volgende' }).click();

    // 4: exactly what leaves.
    await visible(pageA.getByTestId('export-summary'));
    expect(await pageA.getByTestId('export-summary').locator('tbody tr').count()).toBe(1);
    expect(await pageA.getByTestId('export-summary').locator('tbody th').innerText()).toBe(pokerNumber);
    expect(await pageA.getByTestId('export-left-out').innerText()).toContain('BSN’s: 1');
    expect(await pageA.getByTestId('export-totals').innerText()).toMatch(/^Signalen: \d+ · subjecten: 3 \(onderlinge verbanden: \d+\)/);
    expect(await pageA.getByText('Alles mag volgens de deelregels naar deze ontvangers.').isVisible()).toBe(true);
    await checkScreen(pageA, 'bundles-04-wizard-summary');
    await pageA.getByRole('button', { name: 'Volgende' }).click();

    // 5: the file.
    await pageA.getByLabel('Opslaan als').fill(bundle());
    await pageA.getByRole('button', { name: 'Bundel maken' }).click();
    const done = pageA.getByTestId('export-done');
    await visible(done, 30_000);
    expect(await done.getByRole('heading', { level: 2 }).innerText()).toContain('De bundel is gemaakt');
    const bytes = fs.statSync(bundle()).size;
    expect(await done.getByText(`Opgeslagen in ${bundle()} (`, { exact: false }).isVisible()).toBe(true);
    expect(await done.getByText('Het bestand is versleuteld voor R. Analist (RIEC Testregio): alleen zij kunnen het openen.').isVisible()).toBe(true);
    expect(await done.getByRole('progressbar', { name: 'Voortgang van de export' }).getAttribute('value')).toBe('100');
    expect(bytes).toBeGreaterThan(500);
    expect(fs.readFileSync(bundle()).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    await checkScreen(pageA, 'bundles-05-wizard-done');
  });

  it.skipIf(!hasAge)('is a real age file: B’s key decrypts it, another key does not', { timeout: STEP_TIMEOUT }, () => {
    const otherKey = path.join(files, 'andere-sleutel.txt');
    execFileSync('/usr/bin/age-keygen', ['-o', otherKey], { stdio: 'ignore' });
    const refused = spawnSync(AGE, ['-d', '-i', otherKey, bundle()]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout.length).toBe(0);
    const tar = execFileSync(AGE, ['-d', '-i', ageKeyB(), bundle()]);
    // A ustar archive whose first entry is manifest.json.
    expect(tar.subarray(0, 13).toString()).toBe('manifest.json');
    expect(tar.subarray(257, 262).toString()).toBe('ustar');
    expect(tar.includes(Buffer.from(BSN))).toBe(false);
    expect(tar.includes(Buffer.from('Henk Nepkamp'))).toBe(true);
  });

  it('imports the bundle in B: sender known, dossier new, then in the list with its subjects and without the BSN', { timeout: STEP_TIMEOUT }, async () => {
    await openBundles(pageB, 'Importeren');
    await pageB.getByLabel('Bundel', { exact: true }).fill(bundle());
    await pageB.getByRole('button', { name: 'Bundel openen' }).click();
    const sender = pageB.getByTestId('bundle-sender');
    await visible(sender, 30_000);
    expect(await sender.getAttribute('data-status')).toBe('known');
    expect(await sender.getByText(/^Bekend en geverifieerd \(vingerafdruk vergeleken op \d{2}-\d{2}-\d{4}\)$/).isVisible()).toBe(true);
    expect(await sender.innerText()).toContain('Gemeente Voorbeeldstad');
    const row = pageB.getByTestId('import-dossiers').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('rowheader').innerText()).toContain(POKER);
    expect(await row.getByTestId('dossier-state').innerText()).toBe('Nieuw');
    expect(await row.getByRole('combobox', { name: `Wat te doen met ${POKER}` }).inputValue()).toBe('new');
    expect(await pageB.getByText('BSN', { exact: false }).first().isVisible()).toBe(true);
    const before = (await callCore(hostB, 'dossier.list', { limit: 500 })).total;
    expect(before).toBe(0);
    await checkScreen(pageB, 'bundles-06-import-preview');

    await pageB.getByRole('button', { name: 'Importeren', exact: true }).click();
    const done = pageB.getByTestId('import-done');
    await visible(done, 30_000);
    expect(await done.getByRole('heading', { level: 2 }).innerText()).toBe('De bundel is geïmporteerd');
    expect(await done.getByText('Van J. de Vries (Gemeente Voorbeeldstad).', { exact: false }).isVisible()).toBe(true);
    await checkScreen(pageB, 'bundles-07-import-done');

    const list = await callCore(hostB, 'dossier.list', { limit: 500 });
    expect(list.total).toBe(1);
    const imported = await callCore(hostB, 'dossier.get', { dossierId: list.items[0]!.id });
    expect(imported.title).toBe(POKER);
    expect(imported.subjects.map((link) => link.subject.label).sort()).toEqual(expect.arrayContaining(['Henk Nepkamp']));
    expect(imported.subjects).toHaveLength(3);
    const henk = imported.subjects.find((link) => link.subject.label === 'Henk Nepkamp')!;
    const details = (await callCore(hostB, 'subject.get', { subjectId: henk.subject.id })).details;
    expect(details).toMatchObject({ type: 'person', name: 'Henk Nepkamp' });
    expect((details as { bsn?: string | null }).bsn ?? null).toBeNull();
    const provenance = await callCore(hostB, 'bundle.provenance', { kind: 'dossier', id: imported.id });
    expect(provenance[0]).toMatchObject({ senderName: 'J. de Vries', senderOrganisation: 'Gemeente Voorbeeldstad', originNumber: pokerNumber });

    // The link opens the dossier, whose overview says where it came from; the dossier list shows it.
    await done.getByRole('link', { name: POKER }).click();
    await visible(pageB.getByRole('heading', { level: 1, name: new RegExp(POKER) }));
    const origin = pageB.getByTestId('provenance');
    await visible(origin);
    expect(await origin.innerText()).toMatch(
      new RegExp(
        `^Geïmporteerd op \\d{2}-\\d{2}-\\d{4} uit een bundel van J\\. de Vries \\(Gemeente Voorbeeldstad\\), gemaakt op \\d{2}-\\d{2}-\\d{4}; daar dossier ${pokerNumber}\\.$`,
      ),
    );
    await checkScreen(pageB, 'bundles-10-provenance');
    await pageB.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await visible(pageB.getByRole('link', { name: new RegExp(POKER) }));
  });

  it('refuses a tampered copy in Dutch, and B’s vault is unchanged', { timeout: STEP_TIMEOUT }, async () => {
    const tampered = path.join(files, 'gewijzigd.dkbundel');
    const bytes = fs.readFileSync(bundle());
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    fs.writeFileSync(tampered, bytes);
    const countBefore = (await callCore(hostB, 'dossier.list', { limit: 500 })).total;
    const auditBefore = (await callCore(hostB, 'audit.list', { actions: ['bundle.imported'] })).length;

    await openBundles(pageB, 'Importeren');
    await pageB.getByLabel('Bundel', { exact: true }).fill(tampered);
    await pageB.getByRole('button', { name: 'Bundel openen' }).click();
    const alert = pageB.getByRole('alert').filter({ hasText: 'De bundel is beschadigd of onvolledig' });
    await visible(alert, 30_000);
    expect(await alert.innerText()).toContain('Uw kluis is niet gewijzigd.');
    await expect.poll(() => pageB.getByTestId('bundle-sender').count()).toBe(0);
    await checkScreen(pageB, 'bundles-08-import-error');
    expect((await callCore(hostB, 'dossier.list', { limit: 500 })).total).toBe(countBefore);
    expect((await callCore(hostB, 'audit.list', { actions: ['bundle.imported'] })).length).toBe(auditBefore);
  });

  it(
    'a passphrase bundle: the GREEN dossier stays home until the user sends it with a reason; B asks for the passphrase and updates the dossier',
    { timeout: STEP_TIMEOUT },
    async () => {
      const passphrase = 'een lange zin voor de bundel';
      const target = path.join(files, 'poker-wachtwoord.dkbundel');
      await openBundles(pageA, 'Exporteren');
      await pageA.getByLabel('Zoeken in nummer en titel').fill('pokeravond');
      await pageA.getByLabel(`Dossier ${pokerNumber} meenemen: ${POKER}`).check();
      await pageA.getByRole('button', { name: 'Volgende' }).click();
      await pageA.getByRole('button', { name: 'Volgende' }).click();
      await pageA.getByLabel('Met een wachtwoord').check();
      expect(await pageA.getByText('niet allebei: het age-formaat staat dat niet toe', { exact: false }).isVisible()).toBe(true);
      await pageA.getByLabel('Bundelwachtwoord', { exact: true }).fill(passphrase);
      await pageA.getByLabel('Bundelwachtwoord herhalen', { exact: true }).fill(`${passphrase}!`);
      await pageA.getByRole('button', { name: 'Volgende' }).click();
      await visible(pageA.getByText('De twee wachtwoorden zijn niet gelijk.'));
      await pageA.getByLabel('Bundelwachtwoord herhalen', { exact: true }).fill(passphrase);
      await pageA.getByRole('button', { name: 'Volgende' }).click();

      // A passphrase names nobody: the GREEN dossier, and with it everything in it, stays home.
      const withheld = pageA.getByTestId('withheld-items');
      await visible(withheld);
      expect(await pageA.getByText('Van de gekozen dossiers mag niets naar deze ontvangers.', { exact: false }).isVisible()).toBe(true);
      const dossierRow = withheld.locator(`tbody tr`).filter({ hasText: pokerNumber }).first();
      expect(await dossierRow.innerText()).toContain('TLP:GREEN, niet voor een onbekende ontvanger');
      expect(await pageA.getByTestId('sharing-lines').innerText()).toMatch(/\d+ gegevens?: TLP:GREEN, niet voor een onbekende ontvanger/);
      expect(await pageA.getByRole('button', { name: 'Volgende' }).isDisabled()).toBe(true);
      await dossierRow.getByRole('checkbox').check();
      await pageA.getByLabel('Reden', { exact: true }).fill('Collega zonder eigen kluis, wachtwoord telefonisch (test)');
      await expect.poll(() => pageA.getByRole('button', { name: 'Volgende' }).isDisabled(), { timeout: 20_000 }).toBe(false);
      await pageA.getByRole('button', { name: 'Volgende' }).click();
      await pageA.getByLabel('Opslaan als').fill(target);
      await pageA.getByRole('button', { name: 'Bundel maken' }).click();
      const done = pageA.getByTestId('export-done');
      await visible(done, 30_000);
      expect(await done.getByText('Het bestand is versleuteld met het bundelwachtwoord', { exact: false }).isVisible()).toBe(true);

      await openBundles(pageB, 'Importeren');
      await pageB.getByLabel('Bundel', { exact: true }).fill(target);
      await pageB.getByRole('button', { name: 'Bundel openen' }).click();
      await visible(pageB.getByText('Deze bundel is met een wachtwoord versleuteld.', { exact: false }));
      const field = pageB.getByLabel('Bundelwachtwoord', { exact: true });
      await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
      await field.fill('niet het goede wachtwoord');
      await pageB.getByRole('button', { name: 'Bundel openen' }).click();
      await visible(pageB.getByText('Het bundelwachtwoord is onjuist. Er is niets geïmporteerd.'), 30_000);
      await field.fill(passphrase);
      await pageB.getByRole('button', { name: 'Bundel openen' }).click();
      const row = pageB.getByTestId('import-dossiers').locator('tbody tr');
      await visible(row, 30_000);
      const [local] = (await callCore(hostB, 'dossier.list', { limit: 500 })).items;
      expect(await row.getByTestId('dossier-state').innerText()).toBe(`Bestaat al als ${local!.number}`);
      expect(await row.getByRole('combobox').inputValue()).toBe('update');
      expect(await pageB.getByText('Collega zonder eigen kluis, wachtwoord telefonisch (test)', { exact: false }).isVisible()).toBe(true);
      await pageB.getByRole('button', { name: 'Importeren', exact: true }).click();
      const imported = pageB.getByTestId('import-done');
      await visible(imported, 30_000);
      expect(await imported.getByText(`Dossier ${local!.number} bijgewerkt`, { exact: false }).isVisible()).toBe(true);
      expect((await callCore(hostB, 'dossier.list', { limit: 500 })).total).toBe(1);
      expect(await callCore(hostB, 'bundle.provenance', { kind: 'dossier', id: local!.id })).toHaveLength(2);
    },
  );

  it('an unknown sender: a warning, and the import waits until the user accepts the sender', { timeout: STEP_TIMEOUT }, async () => {
    // B removes A from the address book (asked first), so that A's bundle now comes from a stranger.
    await openBundles(pageB, 'Adresboek');
    await pageB.getByRole('button', { name: 'Verwijderen… (J. de Vries uit het adresboek)' }).click();
    const dialog = pageB.getByRole('dialog', { name: 'J. de Vries verwijderen?' });
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await visible(pageB.getByText('J. de Vries is uit het adresboek verwijderd.'));
    expect(await callCore(hostB, 'addressBook.list', {})).toEqual([]);

    // The first bundle was imported already: refused at once, naming when (replay, issue 14).
    await openBundles(pageB, 'Importeren');
    await pageB.getByLabel('Bundel', { exact: true }).fill(bundle());
    await pageB.getByRole('button', { name: 'Bundel openen' }).click();
    await visible(
      pageB.getByText(/^Deze bundel is al geïmporteerd op \d{2}-\d{2}-\d{4} \d{2}:\d{2}\. Dezelfde bundel gaat maar één keer de kluis in\. Er is niets geïmporteerd\./),
      30_000,
    );
    await checkScreen(pageB, 'bundles-10a-import-already-imported');
    // A new bundle of the same dossier, from A, who is a stranger to B now.
    const poker = (await callCore(hostA, 'dossier.list', { limit: 500 })).items.find((dossier) => dossier.title === POKER)!;
    const { ageRecipient: bRecipient } = await callCore(hostB, 'bundle.identity', {});
    const fresh = path.join(files, 'pokeravonden-opnieuw.dkbundel');
    await callCore(hostA, 'bundle.export', { dossierIds: [poker.id], recipients: [{ ageRecipient: bRecipient }], targetPath: fresh });
    await pageB.getByLabel('Bundel', { exact: true }).fill(fresh);
    await pageB.getByRole('button', { name: 'Bundel openen' }).click();
    const sender = pageB.getByTestId('bundle-sender');
    await visible(sender, 30_000);
    expect(await sender.getAttribute('data-status')).toBe('unknown');
    expect(await sender.getByRole('alert').innerText()).toContain('Onbekende afzender: J. de Vries staat niet in uw adresboek.');
    await pageB.getByRole('button', { name: 'Importeren', exact: true }).click();
    await visible(pageB.getByText('Accepteer eerst de afzender, of importeer niet.'));
    const auditBefore = (await callCore(hostB, 'audit.list', { actions: ['bundle.imported'] })).length;
    await sender.getByLabel(/^Ik heb de vingerafdruk met de afzender vergeleken en accepteer de afzender\./).check();
    await pageB.getByRole('button', { name: 'Importeren', exact: true }).click();
    const done = pageB.getByTestId('import-done');
    await visible(done, 30_000);
    expect(await done.getByText('De partnerkaart van J. de Vries staat nu in het adresboek, als geverifieerd: u hebt de vingerafdruk vergeleken.').isVisible()).toBe(true);
    expect((await callCore(hostB, 'audit.list', { actions: ['bundle.imported'] })).length).toBe(auditBefore + 1);
    // Ticking "Ik heb de vingerafdruk … vergeleken" is a verification: the card is stored as verified.
    const [partner] = await callCore(hostB, 'addressBook.list', {});
    expect(partner).toMatchObject({ name: 'J. de Vries', plainAge: false });
    expect(partner!.verifiedAt).not.toBeNull();
  });

  it('holds the police’s TLP:RED items back, and sends them only with a reason, which the audit trail keeps', { timeout: STEP_TIMEOUT }, async () => {
    await openBundles(pageA, 'Exporteren');
    await pageA.getByLabel('Zoeken in nummer en titel').fill('Hennep');
    await pageA.getByLabel(new RegExp(`meenemen: ${HEMP}$`)).check();
    await pageA.getByRole('button', { name: 'Volgende' }).click();
    await pageA.getByRole('button', { name: 'Volgende' }).click();
    await pageA.getByLabel(/^R\. Analist \(RIEC Testregio\)/).check();
    await pageA.getByRole('button', { name: 'Volgende' }).click();

    const withheld = pageA.getByTestId('withheld-items');
    await visible(withheld);
    const rows = await withheld.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.join('\n')).toContain('TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven');
    expect(rows.some((row) => row.includes('Koppeling aan dossier') && row.includes('TLP:RED'))).toBe(true);
    // Left out is not stopped: the rest of the dossier may go as it is.
    const next = pageA.getByRole('button', { name: 'Volgende' });
    expect(await next.isDisabled()).toBe(false);

    const boxes = withheld.getByRole('checkbox');
    for (let index = 0; index < (await boxes.count()); index++) await boxes.nth(index).check();
    await checkScreen(pageA, 'bundles-09-wizard-tlp-blocked');
    await next.click();
    await visible(pageA.getByText('Geef een reden van minstens 3 tekens.'));
    await pageA.getByLabel('Reden', { exact: true }).fill(OVERRIDE_REASON);
    await next.click();
    const target = path.join(files, 'hennep.dkbundel');
    await pageA.getByLabel('Opslaan als').fill(target);
    await pageA.getByRole('button', { name: 'Bundel maken' }).click();
    await visible(pageA.getByTestId('export-done'), 30_000);
    expect(fs.existsSync(target)).toBe(true);

    const [overridden] = await callCore(hostA, 'audit.list', { actions: ['bundle.tlp-overridden'] });
    expect(overridden!.details.reason).toBe(OVERRIDE_REASON);
    expect(overridden!.details.count).toBeGreaterThanOrEqual(2);
    const [disclosure] = await callCore(hostA, 'disclosure.list', {});
    expect(disclosure).toMatchObject({ channel: 'bundle', marking: 'RED', overrideReason: OVERRIDE_REASON });
    // The audit screen says it in words.
    await pageA.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
    await visible(pageA.getByText(`reden: ‘${OVERRIDE_REASON}’`, { exact: false }).first());
    expect(sessionA.problems).toEqual([]);
    expect(sessionB.problems).toEqual([]);
  });

  it('warns when the signed manifest states a lower marking than the bundle holds, and shows the computed one', { timeout: STEP_TIMEOUT }, async () => {
    // A's bundle taken apart, its dossier marked RED, signed again by a stranger whose manifest says CLEAR.
    const identity = fs.readFileSync(ageKeyB(), 'utf8').trim().split('\n').at(-1)!;
    const items = await untar(await decryptBytes(fs.readFileSync(bundle()), { identity }));
    const content = items.slice(2).map((item) => {
      if (!item.name.startsWith('dossiers/')) return item;
      const dossier = JSON.parse(item.data.toString('utf8')) as { tlp: string };
      return { ...item, data: Buffer.from(JSON.stringify({ ...dossier, tlp: 'RED' })) };
    });
    const { ageRecipient } = await callCore(hostB, 'bundle.identity', {});
    const { archive } = await craftBundle(content, makeSigner('Iemand Anders', 'Elders'), {
      recipients: [ageRecipient],
      edit: (manifest) => {
        manifest.tlp = 'CLEAR';
      },
    });
    const labelled = path.join(files, 'verkeerd-gelabeld.dkbundel');
    fs.writeFileSync(labelled, await encryptBytes(archive, { recipients: [ageRecipient] }));
    const countBefore = (await callCore(hostB, 'dossier.list', { limit: 500 })).total;

    await openBundles(pageB, 'Importeren');
    await pageB.getByLabel('Bundel', { exact: true }).fill(labelled);
    await pageB.getByRole('button', { name: 'Bundel openen' }).click();
    const warning = pageB.getByTestId('tlp-understated');
    await visible(warning, 30_000);
    expect(await warning.innerText()).toBe(
      'Let op: de afzender heeft de bundel gemarkeerd als TLP:CLEAR, maar er zitten onderdelen in met TLP:RED. Behandel de bundel als TLP:RED. Na het importeren houdt elk onderdeel zijn eigen behandelcode.',
    );
    const facts = pageB.getByRole('region', { name: 'Over de bundel' });
    expect(await facts.locator('.app-tlp').first().innerText()).toContain('TLP:RED');
    expect(await facts.getByText('TLP:CLEAR', { exact: true }).count()).toBe(0);
    await checkScreen(pageB, 'bundles-11-import-tlp-understated');
    expect((await callCore(hostB, 'dossier.list', { limit: 500 })).total).toBe(countBefore);
    expect(sessionB.problems).toEqual([]);
  });
  it('flags bidirectional controls in the preview and shows them as markers, never reordering the text', { timeout: STEP_TIMEOUT }, async () => {
    const identity = fs.readFileSync(ageKeyB(), 'utf8').trim().split('\n').at(-1)!;
    const items = await untar(await decryptBytes(fs.readFileSync(bundle()), { identity }));
    const content = items.slice(2).map((item) => {
      if (!item.name.startsWith('dossiers/')) return item;
      const dossier = JSON.parse(item.data.toString('utf8')) as { title: string; signals: Array<{ summary: string }> };
      dossier.title = 'Spoed: \u202Eexe.gnp\u202C';
      dossier.signals[0]!.summary = 'Zie foto\u202Egnp.exe';
      return { ...item, data: Buffer.from(JSON.stringify(dossier)) };
    });
    const { ageRecipient } = await callCore(hostB, 'bundle.identity', {});
    const { archive } = await craftBundle(content, makeSigner('Iemand Anders', 'Elders'), { recipients: [ageRecipient] });
    const crafted = path.join(files, 'omgedraaid.dkbundel');
    fs.writeFileSync(crafted, await encryptBytes(archive, { recipients: [ageRecipient] }));

    await openBundles(pageB, 'Importeren');
    await pageB.getByLabel('Bundel', { exact: true }).fill(crafted);
    await pageB.getByRole('button', { name: 'Bundel openen' }).click();
    const flags = pageB.getByTestId('invisible-text');
    await visible(flags, 30_000);
    expect(await flags.getByRole('heading', { name: 'Onzichtbare stuurtekens' }).isVisible()).toBe(true);
    const lines = await flags.locator('li').allInnerTexts();
    expect(lines.some((line) => line.startsWith('Dossier') && line.includes('title') && line.includes('U+202E, U+202C'))).toBe(true);
    expect(lines.some((line) => line.startsWith('Signaal') && line.includes('summary') && line.includes('Zie fotoU+202Egnp.exe'))).toBe(true);
    // The dossier's title in the table: the controls as visible codes, no raw control in the page's text.
    const title = pageB.getByTestId('import-dossiers').locator('tbody tr').getByRole('rowheader');
    expect(await title.getByTestId('invisible-control').allInnerTexts()).toEqual(['U+202E', 'U+202C']);
    expect(await title.innerText()).toContain('Spoed: U+202Eexe.gnpU+202C');
    const pageText = await pageB.locator('main').innerText();
    expect(pageText).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await checkScreen(pageB, 'bundles-12-import-invisible-controls');
    expect(sessionB.problems).toEqual([]);
  });

  it.skipIf(!hasAge)('adds a partner who uses plain age by its age-keygen key, marked as able to receive only', { timeout: STEP_TIMEOUT }, async () => {
    const secret = path.join(files, 'politie-age.txt');
    execFileSync('age-keygen', ['-o', secret], { stdio: 'ignore' });
    const publicKey = execFileSync('age-keygen', ['-y', secret], { encoding: 'utf8' }).trim();
    const publicFile = path.join(files, 'politie-age.pub');
    fs.writeFileSync(publicFile, `${publicKey}\n`);

    await openBundles(pageB, 'Adresboek');
    await pageB.getByLabel('Partnerkaart of age-sleutel', { exact: true }).fill(publicFile);
    await pageB.getByRole('button', { name: 'Kaart lezen' }).click();
    await visible(pageB.getByRole('heading', { name: 'Age-sleutel zonder partnerkaart' }));
    expect(await pageB.getByTestId('plain-age-explained').innerText()).toContain('kan dus nooit als van deze partner worden herkend');
    expect(await pageB.getByText(publicKey).isVisible()).toBe(true);
    await pageB.getByRole('button', { name: 'Toevoegen aan adresboek' }).click();
    await visible(pageB.getByText('Vul de naam van de partner in: een age-sleutel noemt geen naam.'));
    await pageB.getByLabel('Naam van de partner').fill('K. Rechercheur');
    await pageB.getByLabel('Organisatie (zoals de partner die noemt)').fill('Politie Testregio');
    await checkScreen(pageB, 'bundles-13-add-plain-age-key');
    await pageB.getByRole('button', { name: 'Toevoegen aan adresboek' }).click();
    const row = pageB.locator('tr[data-partner="K. Rechercheur"]');
    await visible(row);
    expect(await row.getByTestId('partner-plain-age').innerText()).toBe('Alleen age-sleutel kan ontvangen, niet als afzender te herkennen');
    const partner = (await callCore(hostB, 'addressBook.list', {})).find((entry) => entry.name === 'K. Rechercheur');
    expect(partner).toMatchObject({ plainAge: true, signingKey: null, ageRecipient: publicKey, organisation: 'Politie Testregio' });
    await checkScreen(pageB, 'bundles-14-address-book-plain-age');
    expect(sessionB.problems).toEqual([]);
  });
  it('an older bundle of a dossier: the preview says so, and the import keeps the newer values', { timeout: STEP_TIMEOUT }, async () => {
    const poker = (await callCore(hostA, 'dossier.list', { limit: 500 })).items.find((dossier) => dossier.title === POKER)!;
    const { ageRecipient } = await callCore(hostB, 'bundle.identity', {});
    const older = path.join(files, 'poker-ouder.dkbundel');
    await callCore(hostA, 'bundle.export', { dossierIds: [poker.id], recipients: [{ ageRecipient }], targetPath: older });
    const newerTitle = `${POKER} (nieuwere versie)`;
    await callCore(hostA, 'dossier.update', { dossierId: poker.id, title: newerTitle });
    const newer = path.join(files, 'poker-nieuwer.dkbundel');
    await callCore(hostA, 'bundle.export', { dossierIds: [poker.id], recipients: [{ ageRecipient }], targetPath: newer });
    const inspected = await callCore(hostB, 'bundle.inspect', { path: newer });
    const imported = await callCore(hostB, 'bundle.import', { path: newer, manifestSha256: inspected.manifestSha256 });
    const localId = imported.dossiers[0]!.dossierId!;
    expect((await callCore(hostB, 'dossier.get', { dossierId: localId })).title).toBe(newerTitle);

    await openBundles(pageB, 'Importeren');
    await pageB.getByLabel('Bundel', { exact: true }).fill(older);
    await pageB.getByRole('button', { name: 'Bundel openen' }).click();
    const flag = pageB.getByTestId('dossier-older');
    await visible(flag, 30_000);
    expect(await flag.innerText()).toMatch(
      /^Ouder: deze kluis importeerde al een nieuwere bundel van deze afzender voor dit dossier \(gemaakt op \d{2}-\d{2}-\d{4} \d{2}:\d{2}\)\. Wat die bundel schreef blijft staan; alleen wat hier nog niet is komt erbij\.$/,
    );
    await checkScreen(pageB, 'bundles-15-import-older-bundle');
    await pageB.getByRole('button', { name: 'Importeren', exact: true }).click();
    const done = pageB.getByTestId('import-done');
    await visible(done, 30_000);
    expect(await done.getByTestId('kept-newer').innerText()).toMatch(/^Niet overschreven, omdat een nieuwere bundel van deze afzender ze schreef: dossiers 1, /);
    expect((await callCore(hostB, 'dossier.get', { dossierId: localId })).title).toBe(newerTitle);
    expect(sessionB.problems).toEqual([]);
  });
});
