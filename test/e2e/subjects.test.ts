import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost, coreCaller } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

/**
 * Subjects, links, "komt ook voor in", merge and the network view, end to end in Chromium on the
 * demo vault. The demo dossier "Pgb-fraude via familienetwerk" has two subjects, both with traces
 * elsewhere; the address Proefstraat 12 (9999 ZA) is in the hennep and the gokzuilen dossiers.
 */

const PASSPHRASE = 'een kopje thee bij het open raam in mei';
const STEP_TIMEOUT = 90_000;
const DOSSIER_TITLE = 'Pgb-fraude via familienetwerk';
const SHARED_ADDRESS = { postcode: '9999 ZA', houseNumber: '12', street: 'Proefstraat', city: 'Voorbeeldstad' };
const HENNEP_TITLE = 'Hennepkwekerij in bedrijfspand Proefstraat 12';
const GOKZUILEN_TITLE = 'Illegale gokzuilen in Belwinkel Testcentrum';

describe.skipIf(skipWithoutBrowser)('subjects, links, merge and network, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let dossierId = 0;
  let dossierNumber = '';
  let existingAddressId = 0;
  let newAddressId = 0;

  const core = coreCaller(() => testHost);

  const dossierSubjectCount = async () => (await core('dossier.get', { dossierId })).subjects.length;
  const main = () => page.getByRole('main');
  const heading1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  /** What a screen reader reads as the field's description: its help text and its error. */
  const describedBy = (field: ReturnType<Page['locator']>) =>
    field.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );

  async function openDossier(title: string) {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await main()
      .getByRole('link', { name: new RegExp(title) })
      .first()
      .click();
    await expect.poll(() => heading1(new RegExp(title)).isVisible()).toBe(true);
  }

  async function openTab(name: RegExp) {
    await page.getByRole('tab', { name }).click();
  }

  async function openSubjectsTab() {
    await openDossier(DOSSIER_TITLE);
    await openTab(/^(subjects|Subjecten)$/i);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /Subjecten in dit dossier/ }).isVisible()).toBe(true);
  }

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);

    const dossiers = await core('dossier.list', { limit: 100 });
    const dossier = dossiers.items.find((item) => item.title === DOSSIER_TITLE)!;
    dossierId = dossier.id;
    dossierNumber = dossier.number;
    const existing = await core('subject.list', { query: 'Proefstraat 12', type: 'address' });
    expect(existing.items).toHaveLength(1);
    existingAddressId = existing.items[0]!.id;
    // A reporter known by name, linked as melder: protected, so hidden until asked for.
    const reporter = await core('subject.create', { details: { type: 'person', name: 'R. Melder (test)' } });
    await core('subject.linkToDossier', { subjectId: reporter.id, dossierId, role: 'melder' });
  }, 120_000);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('lists the subjects with role, grading and traces elsewhere; the reporter is hidden until asked', { timeout: STEP_TIMEOUT }, async () => {
    await openSubjectsTab();
    const annaRow = main().locator('tr', { hasText: 'Anna Verzonnen' });
    expect(await annaRow.innerText()).toContain('Betrokkene');
    expect(await annaRow.innerText()).toContain('TLP:');
    // Anna is also in the uitzendbureau dossier; Petra's record here looks like Petra de Demo's.
    await expect.poll(() => annaRow.getByText('Komt ook voor in').isVisible()).toBe(true);
    expect(await annaRow.getByRole('link', { name: /Fictief Werk Uitzendbureau/ }).isVisible()).toBe(true);
    const petraRow = main().locator('tr', { hasText: 'DEMO, Petra de' });
    expect(await petraRow.innerText()).toContain('Mogelijk dubbel');
    expect(await petraRow.innerText()).toContain('Zelfde naam en geboortedatum');

    await expect.poll(() => main().getByText('R. Melder (test)').count()).toBe(0);
    await main().getByRole('button', { name: 'Afgeschermde melder tonen' }).click();
    await expect.poll(() => main().getByRole('link', { name: 'R. Melder (test)' }).isVisible()).toBe(true);
    expect(await main().locator('tr', { hasText: 'R. Melder (test)' }).innerText()).toContain('Afgeschermde melder');
    await checkScreen(page, 'subjects-01-tab');
    await main().getByRole('button', { name: 'Afgeschermde melders verbergen' }).click();
    await expect.poll(() => main().getByText('R. Melder (test)').count()).toBe(0);
  });

  it('adds a new person with the typed form; it appears with its role', { timeout: STEP_TIMEOUT }, async () => {
    const before = await dossierSubjectCount();
    await main().getByRole('button', { name: 'Subject toevoegen' }).click();
    const form = main().getByRole('region', { name: 'Subject toevoegen' });
    await form.getByLabel('Soort subject').selectOption('person');
    await form.getByLabel('Naam', { exact: true }).fill('Karel Proefpersoon');
    await form.getByLabel('Geboortedatum (optioneel)').fill('12-04-1980');
    await form.getByLabel('BSN (optioneel)').fill('111222333');
    await form.getByLabel('Rol', { exact: true }).selectOption('faciliteerder');
    await form.getByLabel('Bron (optioneel)').fill('BRP-bevraging');
    await form.getByLabel('Betrouwbaarheid van de bron').selectOption('A');
    await form.getByLabel('Betrouwbaarheid van de informatie').selectOption('2');
    await checkScreen(page, 'subjects-02-add-person');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();

    await expect.poll(() => main().getByRole('status').innerText()).toContain('Karel Proefpersoon is toegevoegd met de rol Faciliteerder.');
    const row = main().locator('tr', { hasText: 'Karel Proefpersoon' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('Faciliteerder');
    expect(await row.innerText()).toContain('BRP-bevraging');
    expect(await row.innerText()).toContain('A2');
    expect(await dossierSubjectCount()).toBe(before + 1);
    const karel = (await core('subject.list', { query: 'Karel Proefpersoon' })).items[0]!;
    const stored = await core('subject.get', { subjectId: karel.id });
    expect(stored.details).toMatchObject({ type: 'person', birthDate: '1980-04-12', bsn: '111222333' });
  });

  it('refuses a BSN that fails the elfproef and a wrong postcode, in Dutch beside the field, saving nothing', { timeout: STEP_TIMEOUT }, async () => {
    const before = await dossierSubjectCount();
    await main().getByRole('button', { name: 'Subject toevoegen' }).click();
    const form = main().getByRole('region', { name: 'Subject toevoegen' });
    await form.getByLabel('Soort subject').selectOption('person');
    await form.getByLabel('Naam', { exact: true }).fill('Onjuist Nummer');
    await form.getByLabel('BSN (optioneel)').fill('123456789');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();
    const bsnField = form.getByLabel('BSN (optioneel)');
    await expect.poll(() => bsnField.getAttribute('aria-invalid')).toBe('true');
    const bsnMessage = 'Dit is geen geldig BSN: het voldoet niet aan de elfproef. Controleer de cijfers.';
    expect(await describedBy(bsnField)).toContain(bsnMessage);
    expect(await form.getByRole('alert').filter({ hasText: bsnMessage }).isVisible()).toBe(true);
    expect(await form.getByText('Controleer de gemarkeerde velden. Er is niets opgeslagen.').isVisible()).toBe(true);

    await form.getByLabel('Soort subject').selectOption('address');
    await form.getByLabel('Postcode (optioneel)').fill('0123 AB');
    await form.getByLabel('Huisnummer (optioneel)').fill('7');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();
    const postcodeField = form.getByLabel('Postcode (optioneel)');
    await expect.poll(() => postcodeField.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(postcodeField)).toContain('Een postcode is vier cijfers (niet beginnend met 0) en twee letters, zoals 1234 AB.');
    // The house number was fine: no message beside it.
    expect(await form.getByLabel('Huisnummer (optioneel)').getAttribute('aria-invalid')).toBeNull();
    await checkScreen(page, 'subjects-03-validation');
    expect(await dossierSubjectCount()).toBe(before);
    expect((await core('subject.list', { query: 'Onjuist Nummer' })).total).toBe(0);
    await form.getByRole('button', { name: 'Annuleren' }).click();
  });

  it('adds an address that another dossier has too: the hint names that dossier, and its link opens it', { timeout: STEP_TIMEOUT }, async () => {
    await main().getByRole('button', { name: 'Subject toevoegen' }).click();
    const form = main().getByRole('region', { name: 'Subject toevoegen' });
    await form.getByLabel('Soort subject').selectOption('address');
    await form.getByLabel('Postcode (optioneel)').fill(SHARED_ADDRESS.postcode.toLowerCase());
    await form.getByLabel('Huisnummer (optioneel)').fill(SHARED_ADDRESS.houseNumber);
    await form.getByLabel('Straat (optioneel)').fill(SHARED_ADDRESS.street);
    await form.getByLabel('Plaats (optioneel)').fill(SHARED_ADDRESS.city);
    await form.getByLabel('Rol', { exact: true }).selectOption('locatie');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();

    const status = main().getByRole('status').filter({ hasText: 'komt ook voor in' });
    await expect.poll(() => status.isVisible()).toBe(true);
    const statusText = await status.innerText();
    expect(statusText).toContain('Proefstraat 12, 9999 ZA Voorbeeldstad is toegevoegd met de rol Locatie.');
    expect(statusText).toContain(HENNEP_TITLE);
    expect(statusText).toContain(GOKZUILEN_TITLE);
    expect(statusText).toContain('Zelfde adres');
    expect(await main().locator('tr', { hasText: 'Proefstraat 12' }).first().innerText()).toContain('Locatie');
    await checkScreen(page, 'subjects-04-match-hint');

    const found = await core('subject.list', { query: 'Proefstraat 12', type: 'address' });
    expect(found.items.map((item) => item.id)).toContain(existingAddressId);
    newAddressId = found.items.map((item) => item.id).find((id) => id !== existingAddressId)!;
    expect(newAddressId).toBeGreaterThan(existingAddressId);

    await status.getByRole('link', { name: new RegExp(HENNEP_TITLE) }).click();
    await expect.poll(() => heading1(new RegExp(HENNEP_TITLE)).isVisible()).toBe(true);
  });

  it('merges the new duplicate into the existing address: links move, the duplicate is gone, the audit trail has it', { timeout: STEP_TIMEOUT }, async () => {
    await openSubjectsTab();
    const row = main().locator(`tr[data-subject-id="${newAddressId}"]`);
    await row.getByRole('button', { name: 'Samenvoegen met Proefstraat 12, 9999 ZA Voorbeeldstad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subjecten samenvoegen' });
    await expect.poll(() => dialog.getByRole('table').isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('vastgelegd in het logboek');
    // Both side by side: the existing one (column 1) knows the use of the premises, the new one not.
    expect(await dialog.getByRole('row', { name: /Gebruik/ }).innerText()).toContain('bedrijfspand');
    await dialog.getByLabel(/^Subject 1 bewaren/).check();
    await checkScreen(page, 'subjects-05-merge-dialog');
    await dialog.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
    await expect.poll(() => dialog.innerText()).toContain('1 koppeling met een dossier verplaatst.');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => main().getByRole('status').innerText()).toContain('is samengevoegd met Proefstraat 12, 9999 ZA Voorbeeldstad');

    const kept = await core('subject.get', { subjectId: existingAddressId });
    const dossierTitles = kept.dossiers.map((link) => link.dossier.title);
    expect(dossierTitles).toEqual(expect.arrayContaining([HENNEP_TITLE, GOKZUILEN_TITLE, DOSSIER_TITLE]));
    expect(kept.dossiers.find((link) => link.dossierId === dossierId)?.role).toBe('locatie');
    const gone = await testHost.host.core.callUntrusted('subject.get', { subjectId: newAddressId });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    const audit = await core('audit.list', { limit: 100 });
    const merge = audit.find((entry: AuditEntry) => entry.action === 'subject.merged');
    expect(merge?.details).toMatchObject({ keptSubjectId: existingAddressId, mergedSubjectId: newAddressId, movedDossierLinks: 1 });
    // One row for the address now, without a look-alike left to merge.
    // The tab reads its rows again after the merge; wait for that rather than the first answer.
    await expect.poll(() => main().locator(`tr[data-subject-id="${newAddressId}"]`).count()).toBe(0);
    await expect.poll(() => main().locator(`tr[data-subject-id="${existingAddressId}"]`).innerText()).not.toContain('Mogelijk dubbel');
  });

  it('opens the subject screen with its fields, dossiers and links, and goes back to the dossier', { timeout: STEP_TIMEOUT }, async () => {
    await main().locator(`tr[data-subject-id="${existingAddressId}"]`).getByRole('link', { name: 'Proefstraat 12, 9999 ZA Voorbeeldstad' }).click();
    await expect.poll(() => heading1('Proefstraat 12, 9999 ZA Voorbeeldstad').isVisible()).toBe(true);
    const dossiers = main().getByRole('region', { name: 'Dossiers' });
    expect(await dossiers.getByRole('row').count()).toBe(1 + 3);
    const links = main().getByRole('region', { name: 'Verbanden met andere subjecten' });
    expect(await links.innerText()).toContain('Voorbeeld Handel B.V. is gevestigd op Proefstraat 12, 9999 ZA Voorbeeldstad');
    const details = main().getByRole('region', { name: 'Gegevens' });
    expect(await details.innerText()).toContain('9999 ZA');

    // Edit a field with the same typed form: a wrong BAG id is refused beside the field, a right one saved.
    await details.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    await details.getByLabel('BAG-id (optioneel)').fill('12345');
    await details.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => describedBy(details.getByLabel('BAG-id (optioneel)'))).toContain('Een BAG-id bestaat uit zestien cijfers.');
    await details.getByLabel('BAG-id (optioneel)').fill('');
    await details.getByLabel('Gebruik (optioneel)').fill('bedrijfspand met loods');
    await details.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => main().getByRole('status').innerText()).toContain('De gegevens zijn opgeslagen.');
    expect((await core('subject.get', { subjectId: existingAddressId })).details).toMatchObject({ use: 'bedrijfspand met loods', postcode: '9999ZA' });

    // A link to another subject, in the other direction: Karel lives here.
    await links.getByRole('button', { name: 'Verband toevoegen' }).click();
    await links.getByLabel('Zoek het andere subject').fill('Karel');
    await links.getByRole('button', { name: 'Zoeken' }).click();
    await links.getByLabel(/^Karel Proefpersoon/).check();
    await links.getByLabel('Soort verband').selectOption('lives_at');
    await links.getByLabel('Karel Proefpersoon woont op Proefstraat 12, 9999 ZA Voorbeeldstad').check();
    await links.getByLabel('Bron (optioneel)').fill('BRP-bevraging');
    await links.getByRole('button', { name: 'Verband opslaan' }).click();
    await expect.poll(() => main().getByRole('status').innerText()).toContain('Verband opgeslagen: Karel Proefpersoon woont op Proefstraat 12, 9999 ZA Voorbeeldstad.');
    await expect.poll(() => links.innerText()).toContain('Karel Proefpersoon woont op Proefstraat 12, 9999 ZA Voorbeeldstad');
    const karelLinks = (await core('subject.get', { subjectId: existingAddressId })).links.filter((link) => link.other.label === 'Karel Proefpersoon');
    expect(karelLinks.map((link) => [link.kind, link.direction, link.source])).toEqual([['lives_at', 'incoming', 'BRP-bevraging']]);
    await checkScreen(page, 'subjects-06-subject-screen');
    await main()
      .getByRole('link', { name: `Terug naar dossier ${dossierNumber} ${DOSSIER_TITLE}` })
      .click();
    await expect.poll(() => heading1(new RegExp(DOSSIER_TITLE)).isVisible()).toBe(true);
  });

  it('draws the network: a node per subject and per other dossier, and the same as a table', { timeout: STEP_TIMEOUT }, async () => {
    await openTab(/^(network|Netwerk)$/i);
    const svg = main().getByTestId('network-svg');
    await expect.poll(() => svg.isVisible(), { timeout: 20_000 }).toBe(true);
    const dossier = await core('dossier.get', { dossierId });
    const visibleSubjects = new Set(dossier.subjects.filter((link) => !link.protected).map((link) => link.subjectId));
    const matches = await core('dossier.matches', { dossierId });
    const otherDossiers = new Set(matches.filter((match) => visibleSubjects.has(match.subjectId)).flatMap((match) => match.dossiers.map((entry) => entry.dossier.id)));
    expect(visibleSubjects.size).toBe(4);
    expect(otherDossiers.size).toBeGreaterThanOrEqual(3);
    expect(await svg.locator('[data-node-kind="subject"]').count()).toBe(visibleSubjects.size);
    expect(await svg.locator('[data-node-kind="dossier"]').count()).toBe(otherDossiers.size);
    // The reporter stays out of the picture.
    expect(await svg.innerHTML()).not.toContain('R. Melder');
    expect(await svg.getByRole('link', { name: /^Anna Verzonnen \(Persoon\)/ }).count()).toBe(1);

    const table = main().getByRole('table', { name: 'Verbanden' });
    expect(await table.getByRole('row', { name: /Anna Verzonnen.*komt ook voor in.*Fictief Werk Uitzendbureau/ }).count()).toBe(1);
    expect(await table.getByRole('row', { name: /Voorbeeld Handel B\.V\..*is gevestigd op.*Proefstraat 12/ }).count()).toBe(1);
    await checkScreen(page, 'subjects-07-network');

    // Nodes are links for the keyboard too: focus the hennep dossier and press Enter.
    await svg.getByRole('link', { name: new RegExp(`Ander dossier .*${HENNEP_TITLE}`) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading1(new RegExp(HENNEP_TITLE)).isVisible()).toBe(true);
    expect(session.problems).toEqual([]);
  });

  it('unlinks a subject from the dossier after confirmation; the subject itself stays', { timeout: STEP_TIMEOUT }, async () => {
    await openSubjectsTab();
    const before = await dossierSubjectCount();
    await main().getByRole('button', { name: 'Ontkoppelen: Karel Proefpersoon (Faciliteerder)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subject ontkoppelen' });
    expect(await dialog.innerText()).toContain('Het subject zelf en zijn koppelingen met andere dossiers en subjecten blijven bestaan.');
    await dialog.getByRole('button', { name: 'Ontkoppelen' }).click();
    await expect.poll(() => main().getByRole('status').innerText()).toContain('Karel Proefpersoon is losgekoppeld van dit dossier.');
    await expect.poll(() => main().locator('tr', { hasText: 'Karel Proefpersoon' }).count()).toBe(0);
    expect(await dossierSubjectCount()).toBe(before - 1);
    expect((await core('subject.list', { query: 'Karel Proefpersoon' })).total).toBe(1);
  });

  it('keeps a dossier with 30 subjects readable: every node drawn, names whole where they fit, the full name in its title', { timeout: STEP_TIMEOUT }, async () => {
    const big = await core('dossier.create', { title: 'Netwerktest met dertig subjecten' });
    const ids: number[] = [];
    for (let index = 0; index < 30; index++) {
      const created = await core('subject.create', {
        details:
          index % 3 === 0
            ? { type: 'organisation', name: `Proefbedrijf nummer ${index + 1} Holding B.V.` }
            : { type: 'person', name: `Testpersoon met een lange naam ${index + 1}` },
      });
      ids.push(created.id);
      await core('subject.linkToDossier', { subjectId: created.id, dossierId: big.id, role: index % 3 === 0 ? 'eigenaar' : 'betrokkene' });
    }
    for (let index = 1; index < 30; index += 3) await core('subject.link', { fromSubjectId: ids[index]!, toSubjectId: ids[index - 1]!, kind: 'works_for' });
    // Two of them also in demo dossiers.
    await core('subject.linkToDossier', { subjectId: ids[0]!, dossierId, role: 'betrokkene' });
    await core('subject.linkToDossier', { subjectId: existingAddressId, dossierId: big.id, role: 'locatie' });

    await openDossier('Netwerktest met dertig subjecten');
    await openTab(/^(network|Netwerk)$/i);
    const svg = main().getByTestId('network-svg');
    await expect.poll(() => svg.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await svg.locator('[data-node-kind="subject"]').count()).toBe(31);
    expect(await svg.locator('[data-node-kind="dossier"]').count()).toBe(3);
    const longName = 'Testpersoon met een lange naam 11';
    const node = svg.getByRole('link', { name: new RegExp(`^${longName} \\(Persoon\\)`) });
    // Never cut in the middle: this name fits on its card whole (network.test.ts checks a longer one).
    expect(await node.locator('text').textContent()).toBe(longName);
    expect(await node.locator('title').textContent()).toContain(longName);
    await checkScreen(page, 'subjects-08-network-30');
    await main().locator('.app-network__canvas').screenshot({ path: 'test-results/screenshots/subjects-08-network-30-canvas.png' });
  });
});
