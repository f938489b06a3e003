import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { SubjectSummary } from '../../shared/api';
import { SUBJECT_TYPES, type SubjectRole } from '../../shared/domain/enums';
import {
  DRAW_ALL_UP_TO,
  EXTERNALS_SHOWN_FIRST,
  LABEL_CHARS,
  MORE_PAGE,
  boxesIntersect,
  ellipsise,
  labelBoxes,
  layoutNetwork,
  shortLabel,
  type NetworkInput,
  type NetworkLayout,
} from '../../renderer/src/screens/subjects/network-layout';

const elk = new ELK();
const words = {
  linkKind: (kind: string) => ({ works_for: 'werkt voor', owns: 'is eigenaar van', account_holder_of: 'is rekeninghouder van' })[kind] ?? kind,
  more: (hidden: { dossiers: number; externals: number }) => `${hidden.dossiers + hidden.externals} meer`,
};
const NONE = new Map<number, number>();

function subject(id: number, label: string): SubjectSummary {
  return { id, type: SUBJECT_TYPES[id % SUBJECT_TYPES.length]!, label, sourceGrade: 'B', informationGrade: 2, tlp: 'AMBER' };
}

/** A dossier of `count` subjects with long names, links between them, subjects outside and other dossiers. */
function crowded(count = 30, outside = 8, others = 12, perDossier = 1): NetworkInput {
  const subjects = Array.from({ length: count }, (_, index) => ({
    subject: subject(index + 1, index % 4 === 0 ? `NL91 ABNA 0417 1643 ${String(index).padStart(2, '0')}` : `Subject met een heel lange naam nummer ${index + 1}`),
    roles: ['betrokkene' as SubjectRole],
  }));
  const externals = Array.from({ length: outside }, (_, index) => subject(100 + index, `Extern subject ${index + 1} met lange naam`));
  const links = [
    ...Array.from({ length: Math.floor(count * 0.7) }, (_, index) => ({
      id: index + 1,
      fromId: index + 1,
      toId: ((index + 7) % count) + 1,
      kind: (['works_for', 'owns', 'account_holder_of'] as const)[index % 3]!,
    })),
    ...externals.map((external, index) => ({ id: 100 + index, fromId: ((index * 3) % count) + 1, toId: external.id, kind: 'owns' as const })),
  ];
  const otherDossiers = Array.from({ length: others }, (_, index) => ({
    dossier: { id: 1000 + index, number: `2025-${String(index + 1).padStart(4, '0')}`, title: 'Een ander dossier met een lange titel', status: 'in_opwerking' as const },
    via: Array.from({ length: perDossier }, (_, step) => ({ subjectId: ((index * 5 + step * 3) % count) + 1, roles: ['eigenaar' as SubjectRole] })),
  }));
  return { dossier: { id: 1, number: '2025-0100', title: 'Groot dossier' }, subjects, links, externals, otherDossiers };
}

function expectNoOverlap(layout: NetworkLayout) {
  const boxes = labelBoxes(layout);
  for (const [index, a] of boxes.entries()) {
    // Horizontal: a label box is wider than high (a turned label would be the other way round).
    expect(a.width, `${a.key} is horizontal`).toBeGreaterThan(a.height);
    for (const b of boxes.slice(index + 1)) expect(boxesIntersect(a, b), `${a.key} (${a.text}) and ${b.key} (${b.text}) overlap`).toBe(false);
  }
  for (const box of boxes) {
    expect(box.x).toBeGreaterThanOrEqual(layout.viewBox.x);
    expect(box.y).toBeGreaterThanOrEqual(layout.viewBox.y);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.viewBox.x + layout.viewBox.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.viewBox.y + layout.viewBox.height);
  }
}

describe('network layout (ELK)', () => {
  it('is deterministic: the same dossier gives the same picture', async () => {
    expect(await layoutNetwork(elk, crowded(12, 3, 4), NONE, words)).toEqual(await layoutNetwork(elk, crowded(12, 3, 4), NONE, words));
  });

  it.each([
    [5, 1, 2],
    [12, 3, 4],
    [1, 0, 1],
  ])('a small dossier (%i subjects, %i outside, %i other dossiers) is drawn whole, no two label boxes intersecting', async (count, outside, others) => {
    const layout = await layoutNetwork(elk, crowded(count, outside, others), NONE, words);
    expect(layout.nodes.filter((node) => node.kind === 'subject')).toHaveLength(count);
    expect(layout.nodes.filter((node) => node.kind === 'external')).toHaveLength(outside);
    expect(layout.nodes.filter((node) => node.kind === 'dossier')).toHaveLength(others);
    expect(layout.nodes.filter((node) => node.more)).toHaveLength(0);
    if (count > 1) expect(layout.edges.filter((edge) => edge.label).length).toBeGreaterThan(0);
    expectNoOverlap(layout);
  });

  it('folds the outside of a large dossier into counts, labels still apart, and the drawing about the panel shape', async () => {
    // 32 subjects, each in ~150 other dossiers: what froze the page.
    const input = crowded(32, 20, 150, 32);
    const layout = await layoutNetwork(elk, input, NONE, words, { width: 960, height: 620 });
    expect(layout.nodes.filter((node) => node.kind === 'subject')).toHaveLength(32);
    expect(layout.nodes.filter((node) => node.kind === 'dossier')).toHaveLength(0);
    const more = layout.nodes.filter((node) => node.more);
    expect(more.length).toBe(32);
    // Every occurrence is counted somewhere: shown or folded.
    const hiddenDossiers = more.reduce((sum, node) => sum + node.more!.dossiers, 0);
    expect(hiddenDossiers).toBe(input.otherDossiers.reduce((sum, other) => sum + new Set(other.via.map((via) => via.subjectId)).size, 0));
    expect(layout.nodes.length).toBeLessThan(32 + 20 + 1);
    expectNoOverlap(layout);
    // Packed towards the panel, not one long column or row.
    const ratio = layout.viewBox.width / layout.viewBox.height;
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(4);
  });

  it('opens a page of a folded subject at a time', async () => {
    const input = crowded(32, 20, 150, 32);
    const first = await layoutNetwork(elk, input, NONE, words);
    const someone = first.nodes.find((node) => node.more)!;
    const opened = await layoutNetwork(elk, input, new Map([[someone.id, EXTERNALS_SHOWN_FIRST + MORE_PAGE]]), words);
    const reached = opened.edges.filter((edge) => edge.from === someone.key).length;
    expect(reached).toBeGreaterThan(first.edges.filter((edge) => edge.from === someone.key).length);
    expect(opened.nodes.find((node) => node.key === someone.key)!.more!.dossiers).toBeLessThan(someone.more!.dossiers);
    expectNoOverlap(opened);
  });

  it(`draws up to ${DRAW_ALL_UP_TO} outside nodes without folding`, async () => {
    const layout = await layoutNetwork(elk, crowded(8, 4, DRAW_ALL_UP_TO - 4), NONE, words);
    expect(layout.nodes.some((node) => node.more)).toBe(false);
    const folded = await layoutNetwork(elk, crowded(8, 4, DRAW_ALL_UP_TO - 3), NONE, words);
    expect(folded.nodes.some((node) => node.more)).toBe(true);
  });
});

describe('labels', () => {
  it('ellipsises at the end, never in the middle, and leaves short names whole', () => {
    const long = 'Testpersoon met een lange naam 11 en nog wat meer';
    const cut = ellipsise(long);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(LABEL_CHARS);
    expect(ellipsise('Anna Verzonnen')).toBe('Anna Verzonnen');
    // An IBAN stays whole and readable.
    expect(ellipsise('NL91 ABNA 0417 1643 00')).toBe('NL91 ABNA 0417 1643 00');
  });

  it('shows an address by its street and number', () => {
    expect(shortLabel('address', 'Proefstraat 12, 9999 ZA Voorbeeldstad')).toBe('Proefstraat 12');
    expect(shortLabel('person', 'Anna Verzonnen')).toBe('Anna Verzonnen');
  });
});
