import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionsOf, isAuditAction } from '../../shared/domain/audit-actions';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost, coreCaller } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'fiets tegen de wind in langs het kanaal';
const STEP_TIMEOUT = 90_000;
/** A demo dossier (electron/core/demo/demo-data.ts) and a word of its title. */
const DEMO_TITLE = 'Hennepkwekerij in bedrijfspand Proefstraat 12';
/** A demo dossier whose title has a diacritic the query leaves out. */
const DIACRITIC_TITLE = 'Ronselen van cliënten in combinatie met kamerverhuur';

describe.skipIf(skipWithoutBrowser)('search, audit trail and trash, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;

  /** A call straight to the host's core (the vault the page has unlocked); fails the test on an error. */
  const core = coreCaller(() => testHost);

  const searchBox = () => page.getByRole('searchbox', { name: 'Zoeken in de kluis' });
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const isFocused = (locator: ReturnType<Page['locator']>) => locator.evaluate((element) => element === document.activeElement);
  const navigate = (section: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: section }).click();

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('focuses the search box with Ctrl+K, and with / only when not typing in a field', { timeout: STEP_TIMEOUT }, async () => {
    expect(await searchBox().getAttribute('aria-keyshortcuts')).toBe('Control+K /');
    expect(await page.locator('.app-header__search-hint').innerText()).toBe('Ctrl+K');
    expect(await isFocused(searchBox())).toBe(false);
    await page.keyboard.press('Control+k');
    expect(await isFocused(searchBox())).toBe(true);

    await heading('Signalen').focus();
    expect(await isFocused(searchBox())).toBe(false);
    await page.keyboard.press('/');
    expect(await isFocused(searchBox())).toBe(true);
    // Inside the box "/" is a character, and Escape empties the box.
    await page.keyboard.type('a/b');
    expect(await searchBox().inputValue()).toBe('a/b');
    await page.keyboard.press('Escape');
    expect(await searchBox().inputValue()).toBe('');
  });

  it('finds a demo dossier by a word of its title, grouped under Dossiers with the word marked', { timeout: STEP_TIMEOUT }, async () => {
    await searchBox().fill('hennepkwekerij');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading('Zoekresultaten voor ‘hennepkwekerij’').isVisible()).toBe(true);
    const dossiers = page.getByRole('region', { name: /^Dossiers/ });
    await expect.poll(() => dossiers.getByRole('link').filter({ hasText: DEMO_TITLE }).count()).toBe(1);
    const hit = dossiers.getByRole('link').filter({ hasText: DEMO_TITLE });
    // The matched word is a <mark> inside the link; the rest of the title is plain text.
    expect(await hit.locator('mark').allInnerTexts()).toEqual(['Hennepkwekerij']);
    expect(await dossiers.getByRole('heading', { level: 2 }).innerText()).toMatch(/^Dossiers \((1 resultaat|\d+ resultaten)\)$/);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /(1 resultaat|\d+ resultaten) gevonden in \d+ ms\./ })
        .isVisible(),
    ).toBe(true);
    // Groups come in the fixed order of kinds, each with its own heading.
    const groups = await page.locator('section.app-search__group h2').allInnerTexts();
    expect(groups[0]).toMatch(/^Dossiers/);
    expect(groups.every((text) => /^(Dossiers|Signalen|Subjecten|Notities|Bijlagen) \(/.test(text))).toBe(true);

    // The start of a word finds the whole word, in several kinds.
    await page.getByRole('searchbox', { name: 'Zoekopdracht' }).fill('hennep');
    await page.keyboard.press('Enter');
    // A search over the whole demo vault on a busy machine can take longer than the poll's default second.
    await expect.poll(() => heading('Zoekresultaten voor ‘hennep’').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.locator('section.app-search__group').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const kinds = await page.locator('section.app-search__group').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-kind')));
    expect(kinds).toEqual(['dossier', 'signal', 'subject', 'note', 'attachment'].filter((kind) => kinds.includes(kind)));
    expect(kinds).toContain('signal');
    const marks = await page.locator('.app-search__group mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(2);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^hennep/);
    await checkScreen(page, 'search-01-results');
  });

  it('marks an internal note as internal', { timeout: STEP_TIMEOUT }, async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('inschatting netwerk');
    await page.keyboard.press('Enter');
    const notes = page.getByRole('region', { name: /^Notities/ });
    await expect.poll(() => notes.locator('li').count()).toBe(1);
    expect(await notes.getByRole('link').innerText()).toMatch(/^Notitie in dossier \d{4}-\d{4}$/);
    expect(await notes.locator('.app-badge--internal').innerText()).toContain('intern');
    expect(await notes.locator('.app-search__snippet mark').allInnerTexts()).toEqual(['inschatting', 'netwerk']);
  });

  it('ignores case and diacritics, and opens the dossier of a hit', { timeout: STEP_TIMEOUT }, async () => {
    const refine = page.getByRole('searchbox', { name: 'Zoekopdracht' });
    expect(await refine.inputValue()).toBe('inschatting netwerk');
    await refine.fill('CLIENTEN kamerverh');
    await page.getByRole('button', { name: 'Opnieuw zoeken' }).click();
    await expect.poll(() => heading('Zoekresultaten voor ‘CLIENTEN kamerverh’').isVisible()).toBe(true);
    const hit = page
      .getByRole('region', { name: /^Dossiers/ })
      .getByRole('link')
      .filter({ hasText: DIACRITIC_TITLE });
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('mark').allInnerTexts()).toEqual(['cliënten', 'kamerverhuur']);

    const number = /^\d{4}-\d{4}/.exec(await hit.innerText())?.[0];
    expect(number).toBeDefined();
    await hit.click();
    await expect.poll(() => heading(new RegExp(number!)).isVisible()).toBe(true);
  });

  it('says when nothing is found, with tips', { timeout: STEP_TIMEOUT }, async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('zwartgeldcircuit');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Niets gevonden voor ‘zwartgeldcircuit’' }).isVisible()).toBe(true);
    expect(await page.getByText('Hoofdletters en accenten maken niet uit').isVisible()).toBe(true);
    expect(await page.getByText('Het begin van een woord is genoeg').isVisible()).toBe(true);
    await expect.poll(() => page.locator('section.app-search__group').count()).toBe(0);
    await checkScreen(page, 'search-02-no-results');
  });

  it('keeps the header usable in a 320 pixel wide window', { timeout: STEP_TIMEOUT }, async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    const box = await searchBox().boundingBox();
    const button = await page.getByRole('search', { name: 'Zoeken in de kluis' }).getByRole('button', { name: 'Zoeken' }).boundingBox();
    expect(box && button).toBeTruthy();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(button!.x + button!.width).toBeLessThanOrEqual(320);
    expect(box!.width).toBeGreaterThan(120);
    // No sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await checkScreen(page, 'search-03-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('reads the audit trail as Dutch sentences, pages back, and finds the chain intact', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Logboek');
    await expect.poll(() => heading('Logboek').isVisible()).toBe(true);
    const rows = page.locator('table.app-audit__table tbody tr');
    await expect.poll(() => rows.count()).toBe(100);

    // Newest first: the opening of the trail itself, then the searches and the dossier opened from a hit.
    expect(await rows.first().getAttribute('data-action')).toBe('audit.viewed');
    expect(await rows.first().locator('td').nth(2).innerText()).toBe('Logboek ingezien');
    expect(await rows.first().locator('td').nth(1).innerText()).toBe('J. de Vries');
    expect(await rows.first().locator('td').first().innerText()).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect(await page.locator('tr[data-action="search.performed"] td:nth-child(3)').first().innerText()).toMatch(/^Gezocht: (1 resultaat|\d+ resultaten)$/);
    const viewed = page.locator('tr[data-action="dossier.viewed"]').first();
    expect(await viewed.locator('td').nth(2).innerText()).toMatch(/^Dossier \d{4}-\d{4} geopend$/);
    // The dossier still exists: its reference is a link.
    expect(
      await viewed
        .locator('td')
        .nth(3)
        .getByRole('link', { name: /^Dossier \d{4}-\d{4}$/ })
        .count(),
    ).toBe(1);

    await checkScreen(page, 'audit-01-list');

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const verified = await core('audit.verify', {});
    expect(verified.intact).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `De keten is intact: ${verified.entries} regels gecontroleerd.` })
          .isVisible(),
      )
      .toBe(true);
    await checkScreen(page, 'audit-02-verified');

    await page.getByRole('button', { name: 'Oudere regels laden' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(100);
    const ids = (await rows.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-entry-id'))))) as number[];
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    // The very first entries: the vault was made, then unlocked with the passphrase.
    while (await page.getByRole('button', { name: 'Oudere regels laden' }).isVisible()) {
      const before = await rows.count();
      await page.getByRole('button', { name: 'Oudere regels laden' }).click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    // The button is gone: the focus went to the sentence that says why.
    await expect.poll(() => isFocused(page.getByText('Dit is het begin van het logboek.'))).toBe(true);
    expect(await rows.last().getAttribute('data-action')).toBe('vault.created');
    expect(await rows.last().locator('td').nth(2).innerText()).toBe('Kluis aangemaakt');
    expect(await page.locator('tr[data-action="vault.unlocked"] td:nth-child(3)').first().innerText()).toBe('Kluis ontgrendeld met het wachtwoord');

    // Every action the screen knows reads as a sentence, never as its raw name.
    const shown = await rows.evaluateAll((elements) =>
      elements.map((element) => ({ action: element.getAttribute('data-action') ?? '', what: element.querySelectorAll('td')[2]?.textContent ?? '' })),
    );
    const known = shown.filter((row) => isAuditAction(row.action));
    expect(known.length).toBe(shown.length);
    for (const row of known) {
      expect(row.what, row.action).not.toBe(row.action);
      expect(row.what, row.action).not.toMatch(/\b[a-z]+\.[a-z-]+\b|{{|undefined|\[object/);
    }
    expect(new Set(known.map((row) => row.action)).size).toBeGreaterThan(8);
  });

  it('filters the trail by kind of event', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByLabel('Soort gebeurtenis').selectOption({ label: 'Wijzigingen' });
    const rows = page.locator('table.app-audit__table tbody tr');
    const changes = new Set<string>(auditActionsOf('changes'));
    await expect
      .poll(async () => {
        const actions = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-action') ?? ''));
        return actions.length > 0 && actions.every((action) => changes.has(action));
      })
      .toBe(true);
    expect(await page.locator('tr[data-action="dossier.created"]').count()).toBeGreaterThan(0);
    await page.getByLabel('Soort gebeurtenis').selectOption({ label: 'Alles' });
    await expect.poll(() => rows.first().getAttribute('data-action')).toBe('audit.viewed');
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(40);
  });

  it('shows a trashed signal in the trash and restores it', { timeout: STEP_TIMEOUT }, async () => {
    const [signal] = (await core('signal.list', { limit: 2 })).items;
    await core('trash.move', { kind: 'signal', id: signal!.id });
    await navigate('Prullenbak');
    await expect.poll(() => heading('Prullenbak').isVisible()).toBe(true);
    const row = page.locator(`tr[data-kind="signal"][data-id="${signal!.id}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.locator('td').nth(0).innerText()).toBe('Signaal');
    expect(await row.locator('td').nth(1).innerText()).toBe(signal!.summary);
    expect(await row.locator('td').nth(2).innerText()).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect(await page.getByRole('status').filter({ hasText: '1 onderdeel in de prullenbak.' }).isVisible()).toBe(true);
    await checkScreen(page, 'trash-01-list');

    await row.getByRole('button', { name: `Signaal ‘${signal!.summary}’ terugzetten` }).click();
    await expect.poll(() => page.getByText(`Signaal ‘${signal!.summary}’ is teruggezet.`).isVisible()).toBe(true);
    await expect.poll(() => row.count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'De prullenbak is leeg' }).isVisible()).toBe(true);
    expect(await core('trash.list', {})).toEqual([]);
    const signals = await core('signal.list', { limit: 500 });
    expect(signals.items.map((item) => item.id)).toContain(signal!.id);
  });

  it('empties the trash only after the tick, says what was destroyed and leaves an audit entry', { timeout: STEP_TIMEOUT }, async () => {
    const signals = (await core('signal.list', { limit: 3 })).items;
    const doomed = signals[1]!;
    await core('trash.move', { kind: 'signal', id: doomed.id });
    // Away and back: the screen reads the trash when it opens.
    await navigate('Logboek');
    await navigate('Prullenbak');
    await expect.poll(() => page.locator(`tr[data-kind="signal"][data-id="${doomed.id}"]`).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Prullenbak legen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prullenbak definitief legen?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('definitief vernietigd');
    expect(await dialog.innerText()).toContain('Alleen de regels in het logboek blijven over');
    expect(await dialog.innerText()).toContain('In de prullenbak liggen nu: 1 signaal.');
    // Without the tick nothing happens.
    await dialog.getByRole('button', { name: 'Definitief vernietigen' }).click();
    await expect.poll(() => dialog.getByRole('alert').filter({ hasText: 'Vink eerst aan' }).isVisible()).toBe(true);
    expect(await core('trash.list', {})).toHaveLength(1);
    await checkScreen(page, 'trash-02-confirm');

    await dialog.getByLabel('Ik begrijp dat de inhoud definitief wordt vernietigd').check();
    await dialog.getByRole('button', { name: 'Definitief vernietigen' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByText('De prullenbak is geleegd. Definitief vernietigd: 1 signaal.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'De prullenbak is leeg' }).isVisible()).toBe(true);
    // The outcome has the focus, so that it is read out where the dialog was.
    expect(await page.locator('.app-trash__message').evaluate((element) => element === document.activeElement)).toBe(true);
    await checkScreen(page, 'trash-03-emptied');

    expect(await core('trash.list', {})).toEqual([]);
    const [entry] = await core('audit.list', { actions: ['trash.emptied'] });
    expect(entry).toMatchObject({ action: 'trash.emptied', actor: 'J. de Vries', details: { destroyed: { signal: [doomed.id] } } });
    expect((await core('signal.list', { limit: 500 })).items.map((item) => item.id)).not.toContain(doomed.id);

    // The trail says it in words, and the trashed signal can no longer be opened from it.
    await navigate('Logboek');
    await page.getByLabel('Soort gebeurtenis').selectOption({ label: 'Verwijderen' });
    await expect.poll(() => page.locator('tr[data-action="trash.emptied"] td:nth-child(3)').first().innerText()).toBe('Prullenbak geleegd; definitief vernietigd: 1 signaal');
    const trashed = page.locator('tr[data-action="signal.trashed"]').first();
    expect(await trashed.locator('td').nth(3).innerText()).toBe(`Signaal #${doomed.id} (niet meer te openen)`);
    await expect.poll(() => trashed.locator('td').nth(3).getByRole('link').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it('shows results while the user types, without Enter, and keeps the focus in the box', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Signalen');
    await page.keyboard.press('Control+k');
    // Typed as a person types; no Enter.
    await page.keyboard.type('hennepkw', { delay: 60 });
    await expect.poll(() => heading('Zoekresultaten voor ‘hennepkw’').isVisible()).toBe(true);
    const dossiers = page.getByRole('region', { name: /^Dossiers/ });
    await expect.poll(() => dossiers.getByRole('link').filter({ hasText: DEMO_TITLE }).count()).toBe(1);
    expect(await isFocused(searchBox())).toBe(true);
    expect(await searchBox().inputValue()).toBe('hennepkw');

    // Typing on narrows the results in place, the focus still in the box; no step is added to "Terug" per word.
    await page.keyboard.type(' proefstr', { delay: 60 });
    await expect.poll(() => heading('Zoekresultaten voor ‘hennepkw proefstr’').isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /gevonden in/ })
          .innerText(),
      )
      .toMatch(/^(1 resultaat|\d+ resultaten) gevonden in \d+ ms\.$/);
    expect(await isFocused(searchBox())).toBe(true);
    expect(await searchBox().inputValue()).toBe('hennepkw proefstr');
    await checkScreen(page, 'search-04-as-you-type');

    // A single letter is not searched as it is typed (it would match most of the vault).
    await page.keyboard.press('Escape');
    await page.keyboard.type('z');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await heading('Zoekresultaten voor ‘hennepkw proefstr’').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('says how many matches there are, not how many are shown, with thousands separators in both languages', { timeout: 240_000 }, async () => {
    const count = 1_234;
    for (let i = 0; i < count; i++) await core('signal.create', { howReceived: 'meldpunt', summary: `Woonfraudecontrole ronde ${i}` });

    await page.keyboard.press('Control+k');
    await page.keyboard.type('woonfraudec', { delay: 40 });
    const status = page.getByRole('status').filter({ hasText: /gevonden in/ });
    await expect.poll(() => status.innerText()).toMatch(/^1\.234 resultaten gevonden in \d+ ms\.$/);
    // Shown: the first 25 of the kind, and the heading says so.
    const signals = page.getByRole('region', { name: /^Signalen/ });
    expect(await signals.getByRole('heading', { level: 2 }).innerText()).toBe('Signalen (de eerste 25)');
    expect(await signals.locator('li').count()).toBe(25);
    await checkScreen(page, 'search-05-count-dutch');

    // The list of signals counts with the same separators.
    await navigate('Signalen');
    await expect.poll(() => page.locator('.signals-list__count').innerText()).toMatch(/^1\.\d{3} signalen$/);

    // In English: a comma.
    await navigate('Instellingen');
    const language = page.getByRole('region', { name: 'Taal' });
    await language.getByLabel('English').check();
    await language.getByRole('button', { name: 'Taal opslaan' }).click();
    await expect.poll(() => heading('Settings').isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Signals' }).click();
    await expect.poll(() => page.locator('.signals-list__count').innerText()).toMatch(/^1,\d{3} signals$/);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('woonfraudecontrole', { delay: 40 });
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /found in/ })
          .innerText(),
      )
      .toMatch(/^1,234 results found in \d+ ms\.$/);
    await checkScreen(page, 'search-06-count-english');

    const english = page.getByRole('region', { name: 'Language' });
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Settings' }).click();
    await english.getByLabel('Nederlands').check();
    await english.getByRole('button', { name: 'Save language' }).click();
    await expect.poll(() => heading('Instellingen').isVisible()).toBe(true);
    expect(session.problems).toEqual([]);
  });
});
