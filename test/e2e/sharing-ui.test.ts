import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { coreCaller, startHostWithDemoVault, type TestHost } from './support/host';
import { checkScreen, SCREENSHOT_DIR, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'wie leverde dit en wat mag ermee';
const STEP_TIMEOUT = 120_000;
const NEW_ORGANISATION = 'Stichting Fictief Wonen Oost';
const UNKNOWN_NOTE_BODY = 'Anonieme tip, doorgestuurd zonder afzender: fictieve opslag in een loods.';
const NOTE_BODY = 'Wijkagent meldt fictief: veel bezoek in korte tijd aan de Voorbeeldstraat.';
/** Where the screenshots are kept to look at after the run, besides the suite's own folder. */
const SHOTS_DIR = '/tmp/shots';

/** The sharing regime in the UI: the organisations in Settings, provenance on a note, the disclosure register's tab. */
describe.skipIf(skipWithoutBrowser)('the sharing regime in the UI, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;

  /** The core the UI talks to, asked directly: what the screen shows must agree with it. */
  const core = coreCaller(() => testHost);
  const navigation = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const organisations = () => page.getByRole('region', { name: 'Organisaties', exact: true });
  const addOrganisation = () => organisations().getByRole('form', { name: 'Organisatie toevoegen' });
  const panel = () => page.locator('[role="tabpanel"]:not([hidden])');

  /** The whole screen (checked by axe), and the part of it that matters at a readable size. */
  async function shot(name: string, part: Locator) {
    await checkScreen(page, name);
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(SHOTS_DIR, `${name}.png`));
    await part.screenshot({ path: path.join(SHOTS_DIR, `${name}-part.png`) });
  }

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('adds an organisation in Settings, with a code made from its name, and refuses a code in use', { timeout: STEP_TIMEOUT }, async () => {
    await navigation().getByRole('link', { name: 'Instellingen' }).click();
    await expect.poll(() => organisations().getByRole('table').getByRole('row').count()).toBeGreaterThan(20);

    // A name whose code already exists: the form says so beside the code, and nothing is changed.
    await addOrganisation().getByLabel('Naam').fill('Politie');
    expect(await addOrganisation().getByLabel('Code').inputValue()).toBe('politie');
    await addOrganisation().getByLabel('Categorie').selectOption({ label: 'Private partij' });
    await addOrganisation().getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect.poll(() => addOrganisation().getByText('Deze code is al in gebruik door Politie. Kies een andere code.').isVisible()).toBe(true);
    expect((await core('organisation.list', {})).find((organisation) => organisation.code === 'politie')).toMatchObject({ name: 'Politie', category: 'convenantpartner' });

    // Without a category: asked for, not guessed (the category decides what may go to it).
    await addOrganisation().getByLabel('Naam').fill(NEW_ORGANISATION);
    expect(await addOrganisation().getByLabel('Code').inputValue()).toBe('stichting_fictief_wonen_oost');
    await addOrganisation().getByLabel('Categorie').selectOption({ value: '' });
    await addOrganisation().getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect.poll(() => addOrganisation().getByText('Kies de categorie: die bepaalt wat naar deze organisatie mag.').isVisible()).toBe(true);
    expect((await core('organisation.list', {})).some((organisation) => organisation.code === 'stichting_fictief_wonen_oost')).toBe(false);

    await addOrganisation().getByLabel('Categorie').selectOption({ label: 'Private partij' });
    await addOrganisation().getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect.poll(() => organisations().getByText(`Organisatie ‘${NEW_ORGANISATION}’ is toegevoegd.`).isVisible()).toBe(true);
    const row = organisations().getByRole('row').filter({ hasText: NEW_ORGANISATION });
    await expect.poll(() => row.innerText()).toContain('Private partij');
    expect((await core('organisation.list', {})).find((organisation) => organisation.code === 'stichting_fictief_wonen_oost')).toMatchObject({
      name: NEW_ORGANISATION,
      category: 'private_partij',
      retired: false,
      seeded: false,
    });
    // The form is empty again for the next one.
    expect(await addOrganisation().getByLabel('Naam').inputValue()).toBe('');
    await shot('sharing-01-settings', organisations());
  });

  it('renames an organisation, changes its category, retires one and brings it back', { timeout: STEP_TIMEOUT }, async () => {
    const stored = async (code: string) => (await core('organisation.list', {})).find((organisation) => organisation.code === code);
    await organisations()
      .getByRole('button', { name: `${NEW_ORGANISATION} wijzigen` })
      .click();
    let editor = organisations().getByRole('form', { name: `${NEW_ORGANISATION} wijzigen` });
    await shot('sharing-01b-organisation-editor', organisations().locator('tr', { has: page.locator('form') }));
    await editor.getByLabel('Naam').fill(`${NEW_ORGANISATION} en Zorg`);
    await editor.getByLabel('Categorie').selectOption({ label: 'Andere overheid' });
    await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => organisations().getByText(`Organisatie ‘${NEW_ORGANISATION} en Zorg’ is opgeslagen.`).isVisible()).toBe(true);
    expect(await stored('stichting_fictief_wonen_oost')).toMatchObject({ name: `${NEW_ORGANISATION} en Zorg`, category: 'overige_overheid', retired: false });

    // Bank leaves the list of choices: retired, not deleted.
    await organisations().getByRole('button', { name: 'Bank wijzigen' }).click();
    editor = organisations().getByRole('form', { name: 'Bank wijzigen' });
    await editor.getByRole('button', { name: 'Buiten gebruik zetten' }).click();
    await expect.poll(() => organisations().getByText('Organisatie ‘Bank’ staat buiten gebruik.').isVisible()).toBe(true);
    expect(await stored('bank')).toMatchObject({ name: 'Bank', retired: true });
    await expect.poll(() => organisations().getByRole('row').filter({ hasText: 'Bank' }).first().innerText()).toContain('Buiten gebruik');

    // And back the other way for the Netbeheerder, to see the round trip.
    await organisations().getByRole('button', { name: 'Netbeheerder wijzigen' }).click();
    editor = organisations().getByRole('form', { name: 'Netbeheerder wijzigen' });
    await editor.getByRole('button', { name: 'Buiten gebruik zetten' }).click();
    await expect.poll(async () => (await stored('netbeheerder'))?.retired).toBe(true);
    await organisations().getByRole('button', { name: 'Netbeheerder wijzigen' }).click();
    editor = organisations().getByRole('form', { name: 'Netbeheerder wijzigen' });
    await editor.getByRole('button', { name: 'Weer in gebruik nemen' }).click();
    await expect.poll(() => organisations().getByText('Organisatie ‘Netbeheerder’ is weer in gebruik.').isVisible()).toBe(true);
    expect(await stored('netbeheerder')).toMatchObject({ retired: false });
  });

  it('adds a legal basis for criminal-law data', { timeout: STEP_TIMEOUT }, async () => {
    const bases = page.getByRole('region', { name: 'Grondslagen van ontvangst', exact: true });
    const form = bases.getByRole('form', { name: 'Grondslag toevoegen' });
    await form.getByLabel('Omschrijving').fill('Advies Landelijk Bureau Bibob');
    expect(await form.getByLabel('Code').inputValue()).toBe('advies_landelijk_bureau_bibob');
    await form.getByRole('checkbox', { name: 'Strafrechtelijke gegevens (art. 10 AVG)' }).check();
    await form.getByRole('button', { name: 'Grondslag toevoegen' }).click();
    await expect.poll(() => bases.getByText('Grondslag ‘Advies Landelijk Bureau Bibob’ is toegevoegd.').isVisible()).toBe(true);
    expect((await core('legal-basis.list', {})).find((basis) => basis.code === 'advies_landelijk_bureau_bibob')).toMatchObject({
      label: 'Advies Landelijk Bureau Bibob',
      criminalLaw: true,
      retired: false,
    });
    await expect.poll(() => bases.getByRole('row').filter({ hasText: 'Advies Landelijk Bureau Bibob' }).innerText()).toContain('Art. 10 AVG');
  });

  it('records a police note with the Wpg defaults and shows its provenance on the dossier', { timeout: STEP_TIMEOUT }, async () => {
    // The newest dossier: the first row of the list as it opens.
    const dossier = (await core('dossier.list', {})).items[0]!;
    await navigation().getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('grid', { name: 'Dossiers' }).getByRole('row').filter({ hasText: dossier.title }).getByRole('link').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`${dossier.number} ${dossier.title}`);
    await page.getByRole('tab', { name: 'Journaal', exact: true }).click();
    await panel().getByRole('button', { name: 'Notitie toevoegen' }).click();
    const form = panel().getByRole('form', { name: 'Notitie toevoegen' });
    await form.getByLabel('Notitie', { exact: true }).fill(NOTE_BODY);

    const supplier = form.getByLabel('Leverancier');
    const basis = form.getByLabel('Grondslag van ontvangst');
    const use = form.getByLabel('Gebruik');
    // A new note starts as the municipality's own, under its own task.
    await expect.poll(() => supplier.inputValue()).toBe('gemeente');
    expect(await basis.inputValue()).toBe('eigen_taak_gemeentewet');
    expect(await use.inputValue()).toBe('vrij');
    // The organisation just added is offered, under its (changed) category; a retired one is not.
    expect(await form.locator('optgroup[label="Andere overheid"] option', { hasText: NEW_ORGANISATION }).count()).toBe(1);
    expect(await supplier.locator('option', { hasText: 'Netbeheerder' }).count()).toBe(1);
    expect(await supplier.locator('option', { hasText: 'Bank' }).count()).toBe(0);

    await supplier.selectOption({ label: 'Politie' });
    // The older partner field follows the supplier, so earlier views and prints keep working.
    expect(await form.getByLabel('Partner', { exact: true }).inputValue()).toBe('politie');
    expect(await basis.inputValue()).toBe('wpg');
    expect(await use.inputValue()).toBe('geen_besluit_zonder_toestemming');
    await form.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expect.poll(() => panel().getByText('De notitie is aan het journaal toegevoegd.').isVisible()).toBe(true);

    const stored = (await core('note.list', { dossierId: dossier.id })).items.find((note) => note.body === NOTE_BODY)!;
    expect(stored.provenance).toEqual({ originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' });
    expect(stored.partner).toBe('politie');

    const item = panel().getByRole('listitem').filter({ hasText: NOTE_BODY });
    await expect
      .poll(() => item.getByTestId('provenance-line').textContent())
      .toBe('Herkomst: Politie · Wet politiegegevens (politiegegevens) · Niet voor een besluit zonder toestemming van de leverancier');
    await shot('sharing-02-dossier-notes', panel());
  });

  it('keeps a basis chosen by hand when the supplier changes afterwards, and records an unknown supplier as such', { timeout: STEP_TIMEOUT }, async () => {
    const dossier = (await core('dossier.list', {})).items[0]!;
    await panel().getByRole('button', { name: 'Notitie toevoegen' }).click();
    const form = panel().getByRole('form', { name: 'Notitie toevoegen' });
    await form.getByLabel('Grondslag van ontvangst').selectOption({ value: 'open_bron' });
    await form.getByLabel('Leverancier').selectOption({ label: 'Belastingdienst/Toeslagen' });
    expect(await form.getByLabel('Grondslag van ontvangst').inputValue()).toBe('open_bron');
    expect(await form.getByLabel('Gebruik').inputValue()).toBe('niet_verder_verstrekken');
    // Unknown: nothing guessed, the use says to ask the supplier.
    await form.getByLabel('Leverancier').selectOption({ value: '' });
    expect(await form.getByLabel('Gebruik').inputValue()).toBe('vraag_leverancier');
    await shot('sharing-03-note-form', form);
    await form.getByLabel('Notitie', { exact: true }).fill(UNKNOWN_NOTE_BODY);
    await form.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expect.poll(() => panel().getByText('De notitie is aan het journaal toegevoegd.').isVisible()).toBe(true);
    expect((await core('note.list', { dossierId: dossier.id })).items.find((note) => note.body === UNKNOWN_NOTE_BODY)!.provenance).toEqual({
      originator: null,
      receivedUnder: 'open_bron',
      restriction: 'vraag_leverancier',
    });
    // Unknown provenance reads as a warning in words, not by colour only.
    const line = panel().getByRole('listitem').filter({ hasText: UNKNOWN_NOTE_BODY }).getByTestId('provenance-line');
    await expect.poll(() => line.textContent()).toBe('!Let op: Herkomst onbekend — vraag de leverancier');
    await shot('sharing-04-unknown-provenance', panel().getByRole('list'));
  });

  it('shows the empty disclosure register of a dossier that never left the vault', { timeout: STEP_TIMEOUT }, async () => {
    const dossier = (await core('dossier.list', {})).items[0]!;
    expect(await core('disclosure.list', { dossierId: dossier.id })).toEqual([]);
    await page.getByRole('tab', { name: 'Verstrekkingen', exact: true }).click();
    await expect.poll(() => panel().getByRole('heading', { name: 'Nog niets verstrekt' }).isVisible()).toBe(true);
    expect(await panel().innerText()).toContain('een bundel naar een partner stuurt');
    expect(await panel().getByRole('table').count()).toBe(0);
    await shot('sharing-05-disclosures-empty', panel());
  });

  it('lists an attachment saved to disk in the register, with its marking and audience', { timeout: STEP_TIMEOUT }, async () => {
    let found: { dossier: { id: number; number: string; title: string }; attachment: { id: number; tlp: string } } | null = null;
    for (const dossier of (await core('dossier.list', {})).items) {
      const [attachment] = await core('attachment.list', { dossierId: dossier.id });
      if (attachment) {
        found = { dossier, attachment };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { dossier, attachment } = found!;
    await core('attachment.export', { attachmentId: attachment.id, targetPath: path.join(testHost.dataDir, 'opgeslagen-bijlage.bin') });
    const [disclosure] = await core('disclosure.list', { dossierId: dossier.id });
    expect(disclosure).toMatchObject({ output: 'attachment', channel: 'file', audience: { kind: 'internal' }, withheld: 0 });

    await navigation().getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('grid', { name: 'Dossiers' }).getByRole('row').filter({ hasText: dossier.title }).getByRole('link').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`${dossier.number} ${dossier.title}`);
    await page.getByRole('tab', { name: 'Verstrekkingen', exact: true }).click();
    const table = panel().getByRole('table', { name: `Verstrekkingen uit dossier ${dossier.number}, nieuwste eerst` });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const cells = await table.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(cells[1]).toMatch(/^Bijlage/);
    expect(cells[2]).toBe('Bestand');
    expect(cells[3]).toBe('Eigen gebruik binnen de gemeente');
    expect(cells[4]).toMatch(new RegExp(`^TLP:${disclosure!.marking.replace('+', '\\+')}`));
    expect(cells[5]).toBe(String(disclosure!.items.length));
    expect(cells[6]).toBe('0');
    expect(await panel().getByRole('status').innerText()).toBe('1 verstrekking.');
    await shot('sharing-06-disclosures', panel());
  });
});
