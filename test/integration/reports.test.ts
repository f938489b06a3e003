import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOW_RECEIVED, MEASURE_KINDS, PARTNERS, STATUS_TRANSITIONS, type DossierStatus, type HowReceived, type MeasureKind } from '../../shared/domain/enums';
import { OUTCOME_KEYS, reportCount, type OutcomeKey } from '../../shared/api/reports';
import { seededRandom } from '../../electron/core/demo/demo-data';
import { makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

const NOW = new Date('2026-03-01T10:00:00Z');
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const inPeriod = (date: string) => date >= PERIOD.from && date <= PERIOD.to;

describe('report figures', () => {
  it('equal the counts computed apart over a generated data set, and the CSV hides small counts', async () => {
    const random = seededRandom(7);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const { call, fail, auditTrail } = await openDossierCore({ now: () => NOW });
    const phenomena = await call('phenomenon.list', {});
    const topOf = (phenomenonId: number) => {
      const phenomenon = phenomena.find((item) => item.id === phenomenonId)!;
      return phenomenon.parentId ?? phenomenon.id;
    };

    interface SignalSpec {
      id: number;
      receivedOn: string;
      howReceived: HowReceived;
      origin: string | null;
      phenomenonId: number | null;
      dossier: number | null;
      trashed: boolean;
    }
    interface DossierSpec {
      id: number;
      openedOn: string;
      changes: Array<{ from: DossierStatus; to: DossierStatus; on: string; closing?: string }>;
      trashed: boolean;
      hasMeasure: boolean;
    }
    const signals: SignalSpec[] = [];
    const dossiers: DossierSpec[] = [];
    const measures: Array<{ kind: MeasureKind; on: string; dossier: number }> = [];

    for (let index = 0; index < 70; index++) {
      const receivedOn = addDays('2024-11-01', int(0, 450));
      const phenomenonId = random() < 0.15 ? null : pick(phenomena).id;
      const howReceived = pick(HOW_RECEIVED);
      const origin = random() < 0.3 ? null : pick(PARTNERS.slice(0, 8));
      const signal = await call('signal.create', { receivedOn, howReceived, origin, phenomenonId, summary: `Signaal ${index}` });
      signals.push({ id: signal.id, receivedOn, howReceived, origin, phenomenonId, dossier: null, trashed: false });
    }

    for (let index = 0; index < 18; index++) {
      const openedOn = addDays('2024-12-01', int(0, 420));
      const dossier = await call('dossier.create', { title: `Dossier ${index}`, openedOn });
      const spec: DossierSpec = { id: dossier.id, openedOn, changes: [], trashed: false, hasMeasure: false };
      dossiers.push(spec);
      for (const signal of signals.filter((item) => item.dossier === null).slice(0, int(0, 3))) {
        if (random() < 0.5) continue;
        await call('signal.attachToDossier', { signalId: signal.id, dossierId: dossier.id });
        signal.dossier = dossier.id;
      }
      let status: DossierStatus = 'ontvangen';
      let day = openedOn;
      for (let step = 0, steps = int(1, 12); step < steps; step++) {
        if (status === 'regulier_afgehandeld' || status === 'afgesloten') break;
        const options: DossierStatus[] = STATUS_TRANSITIONS[status].filter((to) => to !== 'in_opwerking' || status === 'ontvangen' || random() < 0.2);
        const to: DossierStatus = status !== 'stuurploeg' && random() < 0.85 ? options[0]! : pick(options);
        const next = addDays(day, int(1, 40));
        if (next > '2026-03-01') break;
        const closing = to === 'afgesloten' ? pick(['opgelost', 'overgedragen', 'geen_grond', 'verjaard'] as const) : undefined;
        await call('dossier.changeStatus', { dossierId: dossier.id, to, changedOn: next, reason: 'Besluit', closingReason: closing });
        spec.changes.push({ from: status, to, on: next, closing });
        status = to;
        day = next;
      }
      for (let count = int(0, 2); count > 0; count--) {
        const kind = pick(MEASURE_KINDS);
        const startedOn = addDays(openedOn, int(0, 200));
        const on = startedOn > '2026-03-01' ? '2026-03-01' : startedOn;
        await call('measure.add', { dossierId: dossier.id, kind, startedOn: on, stage: 'lopend' });
        measures.push({ kind, on, dossier: dossier.id });
        spec.hasMeasure = true;
      }
    }
    // A trashed dossier (with what is in it) and a trashed loose signal do not count.
    const trashedDossier = dossiers.find((dossier) => inPeriod(dossier.openedOn) && signals.some((signal) => signal.dossier === dossier.id))!;
    await call('trash.move', { kind: 'dossier', id: trashedDossier.id });
    trashedDossier.trashed = true;
    const trashedSignal = signals.find((signal) => signal.dossier === null && inPeriod(signal.receivedOn))!;
    await call('trash.move', { kind: 'signal', id: trashedSignal.id });
    trashedSignal.trashed = true;

    const figures = await call('report.figures', PERIOD);
    if (process.env.SHOW_FIGURES) console.log(JSON.stringify(figures));

    // Independently: over what was inserted.
    const liveDossierIds = new Set(dossiers.filter((dossier) => !dossier.trashed).map((dossier) => dossier.id));
    const countedSignals = signals.filter((signal) => !signal.trashed && inPeriod(signal.receivedOn) && (signal.dossier === null || liveDossierIds.has(signal.dossier)));
    expect(countedSignals.length).toBeGreaterThan(20);
    expect(figures.signalsTotal).toBe(countedSignals.length);

    const expectedByPhenomenon = new Map<number | null, number>();
    for (const signal of countedSignals) {
      const key = signal.phenomenonId === null ? null : topOf(signal.phenomenonId);
      expectedByPhenomenon.set(key, (expectedByPhenomenon.get(key) ?? 0) + 1);
    }
    expect(new Map(figures.byPhenomenon.map((entry) => [entry.phenomenonId, entry.count]))).toEqual(expectedByPhenomenon);
    // Sub-forms are rolled up: only top-level phenomena appear.
    for (const entry of figures.byPhenomenon) if (entry.phenomenonId !== null) expect(phenomena.find((item) => item.id === entry.phenomenonId)!.parentId).toBeNull();

    for (const howReceived of HOW_RECEIVED) {
      expect(figures.byHowReceived.find((entry) => entry.howReceived === howReceived)?.count, howReceived).toBe(
        countedSignals.filter((signal) => signal.howReceived === howReceived).length,
      );
    }
    for (const entry of figures.byOrigin) expect(entry.count).toBe(countedSignals.filter((signal) => signal.origin === entry.origin).length);
    expect(figures.byOrigin.reduce((sum, entry) => sum + entry.count, 0)).toBe(countedSignals.length);
    expect(figures.byMonth).toHaveLength(12);
    for (const entry of figures.byMonth) expect(entry.count, entry.month).toBe(countedSignals.filter((signal) => signal.receivedOn.startsWith(entry.month)).length);

    const opened = dossiers.filter((dossier) => !dossier.trashed && inPeriod(dossier.openedOn));
    const expected = Object.fromEntries(OUTCOME_KEYS.map((key) => [key, 0])) as Record<OutcomeKey, number>;
    expected.signals_received = countedSignals.length;
    expected.signals_in_dossier = countedSignals.filter((signal) => signal.dossier !== null).length;
    expected.signals_loose = countedSignals.filter((signal) => signal.dossier === null).length;
    expected.dossiers_opened = opened.length;
    const decisionDays: number[] = [];
    for (const dossier of opened) {
      const changes = dossier.changes.filter((change) => change.on <= PERIOD.to);
      const reached = (status: DossierStatus) => changes.some((change) => change.to === status);
      if (reached('informatieplein')) expected.reached_informatieplein++;
      if (reached('preweeg_concept')) expected.reached_preweeg++;
      if (reached('stuurploeg')) expected.reached_stuurploeg++;
      if (reached('interventie') || dossier.hasMeasure) expected.reached_interventie++;
      const decision = changes.find((change) => change.from === 'stuurploeg');
      if (decision) expected[decision.to === 'aanpak' ? 'stuurploeg_aanpakken' : decision.to === 'in_opwerking' ? 'stuurploeg_terug' : 'stuurploeg_niet_aanpakken']++;
      const last = changes.at(-1);
      if (last?.to === 'regulier_afgehandeld') expected.regulier_afgehandeld++;
      else if (last?.to === 'afgesloten') expected[`afgesloten_${last.closing}` as OutcomeKey]++;
      else expected.still_open++;
      const decided = changes.find((change) => ['aanpak', 'regulier_afgehandeld', 'afgesloten'].includes(change.to));
      if (decided) {
        const receipts = signals
          .filter((signal) => signal.dossier === dossier.id)
          .map((signal) => signal.receivedOn)
          .sort();
        const start = receipts[0] && receipts[0] < dossier.openedOn ? receipts[0] : dossier.openedOn;
        decisionDays.push(Math.max(0, (Date.parse(decided.on) - Date.parse(start)) / 86_400_000));
      }
    }
    expect(Object.fromEntries(figures.outcomes.map((entry) => [entry.key, entry.count]))).toEqual(expected);
    expect(expected.dossiers_opened).toBeGreaterThan(5);
    expect(expected.reached_stuurploeg).toBeGreaterThan(0);
    expect(expected.still_open).toBeGreaterThan(0);

    decisionDays.sort((a, b) => a - b);
    expect(figures.decisionTime.decided).toBe(decisionDays.length);
    if (decisionDays.length > 0) {
      const middle = decisionDays.length / 2;
      const median = decisionDays.length % 2 ? decisionDays[Math.floor(middle)] : (decisionDays[middle - 1]! + decisionDays[middle]!) / 2;
      expect(figures.decisionTime.medianDays).toBe(median);
      expect(figures.decisionTime.p75Days).toBe(decisionDays[Math.ceil(decisionDays.length * 0.75) - 1]);
    }

    const countedMeasures = measures.filter((measure) => liveDossierIds.has(measure.dossier) && inPeriod(measure.on));
    expect(figures.measuresTotal).toBe(countedMeasures.length);
    for (const entry of figures.measuresByKind) expect(entry.count, entry.kind).toBe(countedMeasures.filter((measure) => measure.kind === entry.kind).length);

    // The CSV: the same figures, with 1–4 as "< 5", and nothing of the content (titles, summaries).
    const target = path.join(makeTempFolder(), 'jaarrapportage.csv');
    await call('report.exportCsv', { ...PERIOD, targetPath: target });
    const csv = fs.readFileSync(target, 'utf8');
    expect(csv.startsWith('\uFEFFOnderdeel;Omschrijving;Aantal\r\nBehandelcode;TLP:CLEAR;\r\n')).toBe(true);
    expect(csv).toContain(`Signalen;Totaal;${reportCount(countedSignals.length)}`);
    for (const entry of figures.byMonth) expect(csv).toContain(`Signalen per maand;${entry.month};${reportCount(entry.count)}\r\n`);
    const small = figures.byMonth.find((entry) => entry.count > 0 && entry.count < 5);
    if (small) expect(csv).toContain(`Signalen per maand;${small.month};< 5`);
    expect(csv).not.toMatch(/Signaal \d|Dossier \d/);
    expect(reportCount(0)).toBe('0');
    expect(reportCount(4)).toBe('< 5');
    expect(reportCount(5)).toBe('5');

    // The CSV went through the regime: counts only, so nothing to weigh and TLP:CLEAR; recorded in the
    // register with the audience the user named (here a partner), and without dossiers or items.
    const forPartner = path.join(makeTempFolder(), 'voor-politie.csv');
    await call('report.exportCsv', {
      ...PERIOD,
      targetPath: forPartner,
      audience: { kind: 'recipients', members: [{ organisation: 'politie', person: null, verified: false }] },
    });
    expect(fs.readFileSync(forPartner, 'utf8')).toContain('Behandelcode;TLP:CLEAR;');
    const register = await call('disclosure.list', {});
    expect(register.map((entry) => [entry.output, entry.channel, entry.marking, entry.audience.kind, entry.items.length, entry.dossiers.length])).toEqual([
      ['report', 'csv', 'CLEAR', 'recipients', 0, 0],
      ['report', 'csv', 'CLEAR', 'internal', 0, 0],
    ]);
    // Bad input leaves no file and no entry: an audience organisation that is not a code.
    const refused = path.join(makeTempFolder(), 'x.csv');
    const error = await fail('report.exportCsv', {
      ...PERIOD,
      targetPath: refused,
      audience: { kind: 'recipients', members: [{ organisation: 'Politie!', person: null, verified: false }] },
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(fs.existsSync(refused)).toBe(false);
    const trail = await auditTrail();
    expect(trail.filter((entry) => entry.action === 'disclosure.recorded')).toHaveLength(2);
    expect(trail.filter((entry) => entry.action === 'disclosure.recorded').map((entry) => entry.details.path)).toEqual([target, forPartner]);
  });
});
