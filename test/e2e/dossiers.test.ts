import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES, type DossierStatus } from '../../shared/domain/enums';
import { DOSSIER_STATUS_LABELS_NL } from '../../shared/domain/labels-nl';
import { localIsoDate } from '../../shared/domain/validation';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost, coreCaller } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'een dossier is nooit helemaal af';
const DISPLAY_NAME = 'J. de Vries';
const STEP_TIMEOUT = 120_000;
const NEW_TITLE = 'Fictieve nagelstudio aan de Voorbeeldlaan';

/** dd-mm-jjjj, as the Dutch UI writes a date. */
const dutchDate = (iso: string) => iso.split('-').reverse().join('-');
const daysFromToday = (days: number) => localIsoDate(new Date(Date.now() + days * 86_400_000));

describe.skipIf(skipWithoutBrowser)('the dossier list and the dossier screen, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let createdId = 0;

  /** The core the UI talks to, asked directly: what the screen shows must agree with it. */
  const core = coreCaller(() => testHost);

  const table = () => page.getByRole('grid', { name: 'Dossiers' });
  /** The rows of the virtual table that hold a dossier (the header row left out). */
  const dossierRows = () =>
    table()
      .getByRole('row')
      .filter({ has: page.getByRole('link') });
  const cellsOf = (row: Locator) => row.getByRole('gridcell');
  const count = () => page.getByTestId('dossier-count');
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  const panel = () => page.locator('[role="tabpanel"]:not([hidden])');
  const history = () => page.getByTestId('status-history').locator('tbody tr');
  const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

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

  it('lists the demo dossiers, filters them by status and sorts them by title', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossiers' }).isVisible()).toBe(true);

    const all = await core('dossier.list', {});
    expect(all.total).toBeGreaterThanOrEqual(10);
    await expect.poll(() => count().innerText()).toBe(`${all.total} dossiers`);
    await expect.poll(() => dossierRows().count()).toBe(all.total);
    // Newest number first, with the status, priority and handling code in words and codes.
    const first = all.items[0]!;
    const firstCells = cellsOf(dossierRows().first());
    expect(await firstCells.nth(0).innerText()).toBe(first.number);
    expect(await firstCells.nth(1).innerText()).toBe(first.title);
    expect(await firstCells.nth(2).innerText()).toBe(DOSSIER_STATUS_LABELS_NL[first.status]);
    // The badge reads the code, and its meaning to screen readers.
    expect((await firstCells.nth(7).innerText()).split('\n')).toEqual([`TLP:${first.tlp}`, expect.stringMatching(new RegExp(`^TLP:${first.tlp.replace('+', '\\+')} – `))]);
    await checkScreen(page, 'dossiers-01-list');

    // A status that some but not all demo dossiers have: the list narrows to what the core counts.
    let chosen: { status: DossierStatus; total: number } | null = null;
    for (const status of DOSSIER_STATUSES) {
      const { total } = await core('dossier.list', { statuses: [status] });
      if (total > 0 && total < all.total) {
        chosen = { status, total };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const { status, total } = chosen!;
    await page.locator('summary').filter({ hasText: 'Status:' }).click();
    await page.getByRole('checkbox', { name: DOSSIER_STATUS_LABELS_NL[status], exact: true }).check();
    await expect.poll(() => count().innerText()).toBe(total === 1 ? '1 dossier voldoet aan de filters' : `${total} dossiers voldoen aan de filters`);
    await expect.poll(() => dossierRows().count()).toBe(total);
    for (const row of await dossierRows().all()) expect(await cellsOf(row).nth(2).innerText()).toBe(DOSSIER_STATUS_LABELS_NL[status]);

    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => count().innerText()).toBe(`${all.total} dossiers`);

    // Sorting by title, A to Z: the first row is the core's first by title, not the newest number.
    const byTitle = await core('dossier.list', { sort: 'title', direction: 'asc' });
    expect(byTitle.items[0]!.id).not.toBe(first.id);
    await page.getByLabel('Sorteren op').selectOption({ label: 'Titel' });
    await page.getByLabel('Volgorde', { exact: true }).selectOption({ label: 'Oplopend' });
    await expect.poll(() => cellsOf(dossierRows().first()).nth(1).innerText()).toBe(byTitle.items[0]!.title);

    // Open it, and come back: the sort is still there.
    await dossierRows().first().getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`${byTitle.items[0]!.number} ${byTitle.items[0]!.title}`);
    await expect.poll(() => page.getByRole('region', { name: 'Signalen' }).getByRole('link').count()).toBeGreaterThan(0);
    await expect.poll(() => history().count()).toBeGreaterThan(0);
    await checkScreen(page, 'dossiers-02-overview');
    await page.getByRole('link', { name: 'Terug' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossiers' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Sorteren op').inputValue()).toBe('title');
    await expect.poll(() => cellsOf(dossierRows().first()).nth(1).innerText()).toBe(byTitle.items[0]!.title);
  });

  it('creates a dossier, moves it along its next statuses and closes it only with a closing reason', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Nieuw dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw dossier' });
    await dialog.getByRole('button', { name: 'Dossier maken' }).click();
    await expect.poll(() => dialog.getByRole('alert').filter({ hasText: 'Vul dit veld in.' }).isVisible()).toBe(true);
    await dialog.getByLabel('Titel').fill(NEW_TITLE);
    await dialog.getByLabel('Prioriteit').selectOption({ label: 'Hoog' });
    expect(await dialog.getByLabel('Eigenaar').inputValue()).toBe(DISPLAY_NAME);
    await dialog.getByRole('checkbox', { name: 'Arbeidsuitbuiting', exact: true }).check();
    await checkScreen(page, 'dossiers-07-new-dossier');
    await dialog.getByRole('button', { name: 'Dossier maken' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(new RegExp(`^\\d{4}-\\d{4} ${NEW_TITLE}$`));
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).slice(0, 9);
    const created = (await core('dossier.list', { sort: 'updatedAt' })).items.find((item) => item.number === number)!;
    createdId = created.id;
    expect(created).toMatchObject({ title: NEW_TITLE, priority: 'hoog', owner: DISPLAY_NAME, status: 'ontvangen', phenomena: [{ code: 'arbeidsuitbuiting' }] });
    const facts = page.getByTestId('dossier-facts');
    expect(await facts.innerText()).toContain('Signaal ontvangen');
    expect(await facts.innerText()).toContain('TLP:AMBER+STRICT – alleen de organisatie van de ontvanger');
    expect(await tab('Overzicht').getAttribute('aria-selected')).toBe('true');

    // Every changeable field, with the date typed as dd-mm-jjjj and checked before it is sent.
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    const edit = page.getByRole('form', { name: 'Gegevens van het dossier wijzigen' });
    await edit.getByLabel('Samenvatting').fill('Signalen over lange werkdagen en overbewoning boven de zaak.');
    await edit.getByRole('checkbox', { name: 'Nederlandse Arbeidsinspectie' }).check();
    await edit.getByRole('checkbox', { name: 'Overbewoning' }).check();
    await edit.getByLabel('Grondslag').fill('Convenant RIEC (fictief)');
    await edit.getByLabel('Bewaren tot').fill('31-02-2031');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => edit.getByRole('alert').filter({ hasText: 'Vul een bestaande datum in als dd-mm-jjjj.' }).isVisible()).toBe(true);
    await checkScreen(page, 'dossiers-08-edit');
    await edit.getByLabel('Bewaren tot').fill('31-12-2031');
    // A new retention date needs a reason: the field appears with the change, and saving without it is refused.
    const reason = edit.getByLabel('Reden van de wijziging');
    await expect.poll(() => reason.isVisible()).toBe(true);
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => edit.getByRole('alert').filter({ hasText: 'Vul een reden in.' }).isVisible()).toBe(true);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'dossiers-08b-retention-reason');
    await reason.fill('Afspraak met de officier van justitie');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' }).isVisible()).toBe(true);
    // The confirmation comes before the dossier is read again: wait for the new facts.
    const details = () => page.getByRole('region', { name: 'Gegevens' }).innerText();
    for (const text of ['lange werkdagen', 'Nederlandse Arbeidsinspectie', 'Arbeidsuitbuiting: Overbewoning', 'Convenant RIEC (fictief)', '31-12-2031']) {
      await expect.poll(details).toContain(text);
    }
    expect(await core('dossier.get', { dossierId: createdId })).toMatchObject({
      partners: ['arbeidsinspectie'],
      legalBasis: 'Convenant RIEC (fictief)',
      retentionUntil: '2031-12-31',
      purpose: null,
    });
    const [retentionEntry] = await core('audit.list', { actions: ['retention.extended', 'retention.shortened'], limit: 1 });
    expect(retentionEntry).toMatchObject({
      action: 'retention.extended',
      details: { kind: 'dossier', id: createdId, number, to: '2031-12-31', reason: 'Afspraak met de officier van justitie' },
    });

    // The choices are the transition table's, nothing else.
    const { nextStatuses } = await core('dossier.get', { dossierId: createdId });
    const choices = await page.getByLabel('Nieuwe status').locator('option').allInnerTexts();
    expect(choices.slice(1)).toEqual(nextStatuses.map((status) => DOSSIER_STATUS_LABELS_NL[status]));

    await page.getByLabel('Nieuwe status').selectOption({ label: 'In opwerking' });
    await page.getByLabel('Toelichting (niet verplicht)').fill('Eerste gegevens verzameld.');
    await page.getByRole('button', { name: 'Status wijzigen…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Status wijzigen?' });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.innerText()).toContain(`Dossier ${number} gaat van ‘Signaal ontvangen’ naar ‘In opwerking’, per ${dutchDate(localIsoDate(new Date()))}.`);
    await checkScreen(page, 'dossiers-03-status-dialog');
    await confirm.getByRole('button', { name: 'Status wijzigen', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De status is gewijzigd in ‘In opwerking’.' }).isVisible()).toBe(true);
    await expect.poll(() => history().count()).toBe(2);
    expect(await history().nth(1).innerText()).toContain('In opwerking');
    expect(await history().nth(1).innerText()).toContain(DISPLAY_NAME);
    await expect.poll(() => facts.innerText()).toContain('In opwerking');

    // Closing without a closing reason: the Dutch sentence beside the field, no dialog, no change.
    await page.getByLabel('Nieuwe status').selectOption({ label: 'Afgesloten' });
    await page.getByRole('button', { name: 'Status wijzigen…' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Kies een reden van afsluiten: opgelost, overgedragen, geen grond of verjaard.' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await core('dossier.get', { dossierId: createdId })).status).toBe('in_opwerking');
    expect(await core('dossier.history', { dossierId: createdId })).toHaveLength(2);
    expect(await history().count()).toBe(2);

    await page.getByLabel('Reden van afsluiten').selectOption({ label: 'Overgedragen' });
    await page.getByLabel('Toelichting (niet verplicht)').fill('Overgedragen aan de Arbeidsinspectie.');
    await page.getByRole('button', { name: 'Status wijzigen…' }).click();
    await confirm.getByRole('button', { name: 'Status wijzigen', exact: true }).click();
    await expect.poll(() => history().count()).toBe(3);
    const closing = await history().nth(2).innerText();
    for (const text of ['In opwerking', 'Afgesloten', DISPLAY_NAME, 'Overgedragen aan de Arbeidsinspectie.', 'Overgedragen']) expect(closing).toContain(text);
    await expect.poll(() => facts.innerText()).toContain('Afgesloten (Overgedragen)');
    expect(await core('dossier.history', { dossierId: createdId })).toMatchObject([
      { toStatus: 'ontvangen' },
      { fromStatus: 'ontvangen', toStatus: 'in_opwerking', actor: DISPLAY_NAME, reason: 'Eerste gegevens verzameld.' },
      { fromStatus: 'in_opwerking', toStatus: 'afgesloten', actor: DISPLAY_NAME, closingReason: 'overgedragen' },
    ]);
    // Reopening is the only way on, and needs a reason.
    expect(await page.getByLabel('Nieuwe status').locator('option').allInnerTexts()).toEqual(['Maak een keuze', 'In opwerking']);
  });

  it('adds a note and a measure, and shows them in the journal, the measures and the timeline in date order', { timeout: STEP_TIMEOUT }, async () => {
    const yesterday = daysFromToday(-1);
    await tab('Journaal').click();
    await expect.poll(() => panel().getByRole('heading', { name: 'Journaal' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    const noteForm = page.getByRole('form', { name: 'Notitie toevoegen' });
    await noteForm.getByLabel('Notitie', { exact: true }).fill('Gesprek met de wijkagent: veel wisselende medewerkers, geen kassabonnen.');
    await noteForm.getByLabel('Datum').fill(dutchDate(yesterday));
    await noteForm.getByLabel('Partner').selectOption({ label: 'Politie' });
    await noteForm.getByLabel('Betrouwbaarheid van de bron').selectOption('B');
    await noteForm.getByLabel('Betrouwbaarheid van de informatie').selectOption('2');
    await noteForm.getByLabel('Behandelcode').selectOption('AMBER');
    await noteForm.getByRole('checkbox', { name: 'Interne notitie' }).check();
    await noteForm.getByRole('button', { name: 'Notitie opslaan' }).click();
    const note = panel().getByRole('article').first();
    await expect.poll(() => note.innerText()).toContain('Gesprek met de wijkagent');
    const noteText = await note.innerText();
    for (const text of [dutchDate(yesterday), DISPLAY_NAME, 'van Politie', 'TLP:AMBER', 'Intern']) expect(noteText).toContain(text);
    expect(await note.locator('.app-grading').innerText()).toContain('B2');
    expect(await note.locator('.app-grading').getAttribute('title')).toBe('Waardering B2: bron Meestal betrouwbaar, informatie De bron persoonlijk bekend');
    expect(await panel().getByRole('status').filter({ hasText: '1 notitie' }).isVisible()).toBe(true);
    await checkScreen(page, 'dossiers-05-notes');

    await tab('Maatregelen').click();
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const measureForm = page.getByRole('form', { name: 'Maatregel toevoegen' });
    await measureForm.getByLabel('Soort maatregel').selectOption({ label: 'Bibob-toets' });
    await measureForm.getByLabel('Omschrijving').fill('Bibob-toets bij de aanvraag van een exploitatievergunning.');
    await measureForm.getByLabel('Uitvoerende partner').selectOption({ label: 'Gemeente – vergunningen' });
    await measureForm.getByLabel('Gepland op').fill(dutchDate(daysFromToday(-10)));
    await measureForm.getByLabel('Gestart op').fill('31-02-2026');
    await measureForm.getByRole('button', { name: 'Maatregel opslaan' }).click();
    await expect.poll(() => measureForm.getByRole('alert').filter({ hasText: 'datum' }).isVisible()).toBe(true);
    expect(await core('measure.list', { dossierId: createdId })).toHaveLength(0);
    await measureForm.getByLabel('Gestart op').fill(dutchDate(daysFromToday(-3)));
    await measureForm.getByLabel('Fase').selectOption({ label: 'Lopend' });
    await measureForm.getByRole('button', { name: 'Maatregel opslaan' }).click();
    const measureRow = page.getByTestId('measures-table').locator('tbody tr');
    await expect.poll(() => measureRow.count()).toBe(1);
    const rowText = await measureRow.first().innerText();
    for (const text of ['Bibob-toets', 'Gemeente – vergunningen', dutchDate(daysFromToday(-10)), dutchDate(daysFromToday(-3)), 'Lopend', 'TLP:AMBER+STRICT']) {
      expect(rowText).toContain(text);
    }

    // Editing: the decision and the outcome are kept.
    await measureRow.first().getByRole('button', { name: 'Bibob-toets wijzigen' }).click();
    const editForm = page.getByRole('form', { name: 'Bibob-toets wijzigen' });
    await editForm.getByLabel('Besloten op').fill(dutchDate(daysFromToday(0)));
    await editForm.getByLabel('Fase').selectOption({ label: 'Besloten' });
    await editForm.getByLabel('Uitkomst').fill('Vergunning geweigerd (fictief).');
    await editForm.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => measureRow.first().innerText()).toContain('Vergunning geweigerd (fictief).');
    expect(await core('measure.list', { dossierId: createdId })).toMatchObject([
      { kind: 'bibob_toets', plannedOn: daysFromToday(-10), startedOn: daysFromToday(-3), decidedOn: daysFromToday(0), stage: 'besloten' },
    ]);
    await checkScreen(page, 'dossiers-06-measures');

    // The timeline: what the core holds, newest first, then oldest first.
    await tab('Tijdlijn').click();
    const expected = await core('dossier.timeline', { dossierId: createdId });
    expect(expected.items.map((entry) => entry.kind).sort()).toEqual(['measure', 'measure', 'measure', 'note', 'status', 'status', 'status']);
    const items = panel().locator('ol > li');
    await expect.poll(() => items.count()).toBe(expected.total);
    const shownDates = await panel()
      .locator('ol > li > time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    expect(shownDates).toEqual(expected.items.map((entry) => entry.date));
    expect(shownDates).toEqual([...shownDates].sort().reverse());
    const texts = await items.allInnerTexts();
    const position = (text: string) => texts.findIndex((item) => item.includes(text));
    expect(position('Bibob-toets besloten')).toBeGreaterThanOrEqual(0);
    // Today: the decision (recorded last) and the status changes; yesterday the note; then the start and the plan.
    expect(position('Gesprek met de wijkagent')).toBeGreaterThan(position('Bibob-toets besloten'));
    expect(position('Gesprek met de wijkagent')).toBeGreaterThan(position('Afgesloten'));
    expect(position('Bibob-toets gestart')).toBeGreaterThan(position('Gesprek met de wijkagent'));
    expect(position('Bibob-toets gepland')).toBeGreaterThan(position('Bibob-toets gestart'));
    expect(texts[position('Gesprek met de wijkagent')]).toContain('Intern');
    await checkScreen(page, 'dossiers-04-timeline');

    await panel().getByLabel('Volgorde').selectOption({ label: 'Oudste eerst' });
    await expect.poll(() => items.first().innerText()).toContain('Bibob-toets gepland');
    const ascending = await panel()
      .locator('ol > li > time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    expect(ascending).toEqual([...shownDates].reverse());

    // An entry leads to where the item is kept.
    await items.filter({ hasText: 'Gesprek met de wijkagent' }).getByRole('link').click();
    await expect.poll(() => tab('Journaal').getAttribute('aria-selected')).toBe('true');
  });

  it('moves between the tabs with the arrow keys, Home and End, without adding steps to "Terug"', { timeout: STEP_TIMEOUT }, async () => {
    await tab('Overzicht').click();
    await tab('Overzicht').focus();
    expect(await tab('Overzicht').getAttribute('aria-controls')).toBe(await panel().getAttribute('id'));
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(await tab('Overzicht').getAttribute('id'));

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('Tijdlijn').getAttribute('aria-selected')).toBe('true');
    expect(await isFocused(tab('Tijdlijn'))).toBe(true);
    expect(await tab('Overzicht').getAttribute('tabindex')).toBe('-1');
    await expect.poll(() => panel().getByRole('heading', { name: 'Tijdlijn' }).isVisible()).toBe(true);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('Subjecten').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tab('Tijdlijn').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    await expect.poll(() => tab('Verstrekkingen').getAttribute('aria-selected')).toBe('true');
    expect(await isFocused(tab('Verstrekkingen'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('Overzicht').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tab('Verstrekkingen').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    await expect.poll(() => tab('Overzicht').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel').count()).toBe(1);

    // All those tabs were one screen: "Terug" leads back to the list, where the dossier was opened.
    await page.getByRole('link', { name: 'Terug' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossiers' }).isVisible()).toBe(true);
  });

  it('moves a dossier to the trash only after confirming, and says so on the list', { timeout: STEP_TIMEOUT }, async () => {
    const before = (await core('dossier.list', {})).total;
    const { number } = await core('dossier.get', { dossierId: createdId });
    await page.getByRole('link', { name: new RegExp(`^Dossier ${number} openen`) }).click();
    await page.getByRole('button', { name: 'Naar prullenbak…' }).click();
    const confirm = page.getByRole('dialog', { name: `Dossier ${number} naar de prullenbak?` });
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await core('dossier.list', {})).total).toBe(before);

    await page.getByRole('button', { name: 'Naar prullenbak…' }).click();
    await confirm.getByRole('button', { name: 'Naar prullenbak', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossiers' }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: `Dossier ${number} (${NEW_TITLE}) staat in de prullenbak.` })
        .isVisible(),
    ).toBe(true);
    await expect.poll(() => dossierRows().count()).toBe(before - 1);
    expect((await core('trash.list', {})).map((item) => [item.kind, item.id])).toContainEqual(['dossier', createdId]);
    expect(session.problems).toEqual([]);
  });
});
