import { describe, expect, it } from 'vitest';
import type { SubjectSummary } from '../../shared/api';
import { SUBJECT_TYPES, type SubjectRole } from '../../shared/domain/enums';
import {
  LABEL_CHARS,
  LINE_HEIGHT,
  NODE_RADIUS,
  distanceToSegment,
  labelSegment,
  layoutNetwork,
  segmentDistance,
  shortLabel,
  truncateLabel,
  type NetworkInput,
} from '../../renderer/src/screens/subjects/network-layout';

const words = { linkKind: (kind: string) => kind };

function subject(id: number, label: string): SubjectSummary {
  return { id, type: SUBJECT_TYPES[id % SUBJECT_TYPES.length]!, label, sourceGrade: 'B', informationGrade: 2, tlp: 'AMBER' };
}

/** A dossier as crowded as the brief allows: 30 subjects with long names, links, externals, 12 other dossiers. */
function crowded(count = 30, outside = 8, others = 12): NetworkInput {
  const subjects = Array.from({ length: count }, (_, index) => ({
    subject: subject(index + 1, `Subject met een heel lange naam nummer ${index + 1}`),
    roles: ['betrokkene' as SubjectRole],
  }));
  const externals = Array.from({ length: outside }, (_, index) => subject(100 + index, `Extern subject ${index + 1} met lange naam`));
  const links = [
    ...Array.from({ length: Math.floor(count * 0.7) }, (_, index) => ({ id: index + 1, fromId: index + 1, toId: ((index + 7) % count) + 1, kind: 'works_for' as const })),
    ...externals.map((external, index) => ({ id: 100 + index, fromId: ((index * 3) % count) + 1, toId: external.id, kind: 'owns' as const })),
  ];
  const otherDossiers = Array.from({ length: others }, (_, index) => ({
    dossier: { id: 200 + index, number: `2025-${String(index + 1).padStart(4, '0')}`, title: 'Een ander dossier met een lange titel', status: 'in_opwerking' as const },
    via: [{ subjectId: ((index * 5) % count) + 1, roles: ['eigenaar' as SubjectRole] }],
  }));
  return { dossier: { id: 1, number: '2025-0100', title: 'Groot dossier' }, subjects, links, externals, otherDossiers };
}

/** Half a line of text around the label's centre line, and a node's shape with a little air. */
const TEXT_HALF = LINE_HEIGHT / 2;
const NODE_CLEARANCE = NODE_RADIUS * 1.2;

describe('network layout', () => {
  it('is deterministic: the same dossier gives the same picture', () => {
    expect(layoutNetwork(crowded(), words)).toEqual(layoutNetwork(crowded(), words));
  });

  it.each([
    [30, 8, 12],
    [20, 5, 6],
    [12, 3, 4],
    [5, 1, 2],
    [1, 0, 1],
  ])('keeps %i subjects, %i outside subjects and %i other dossiers apart, labels clear of every node and of each other', (count, outside, others) => {
    const layout = layoutNetwork(crowded(count, outside, others), words);
    expect(layout.nodes.filter((node) => node.kind === 'subject')).toHaveLength(count);
    expect(layout.nodes.filter((node) => node.kind === 'external')).toHaveLength(outside);
    expect(layout.nodes.filter((node) => node.kind === 'dossier')).toHaveLength(others);

    for (const [index, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(index + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.key} – ${b.key}`).toBeGreaterThan(NODE_RADIUS * 3);
      }
    }
    const labelled = layout.nodes.filter((node) => node.kind !== 'center');
    for (const node of labelled) {
      const label = labelSegment(node);
      for (const other of layout.nodes) {
        if (other !== node) expect(distanceToSegment(other, label), `label of ${node.key} over node ${other.key}`).toBeGreaterThan(TEXT_HALF + NODE_CLEARANCE);
      }
    }
    for (const [index, a] of labelled.entries()) {
      for (const b of labelled.slice(index + 1)) {
        expect(segmentDistance(labelSegment(a), labelSegment(b)), `labels of ${a.key} and ${b.key}`).toBeGreaterThan(TEXT_HALF * 2);
      }
    }
  });

  it('fits every node and label inside its extent', () => {
    const layout = layoutNetwork(crowded(), words);
    const { x, y, width, height } = layout.viewBox;
    for (const node of layout.nodes) {
      const label = labelSegment(node);
      for (const point of [
        { x: label.x1, y: label.y1 },
        { x: label.x2, y: label.y2 },
        { x: node.x, y: node.y },
      ]) {
        expect(point.x).toBeGreaterThanOrEqual(x);
        expect(point.x).toBeLessThanOrEqual(x + width);
        expect(point.y).toBeGreaterThanOrEqual(y);
        expect(point.y).toBeLessThanOrEqual(y + height);
      }
    }
  });

  it('cuts long labels in the middle, keeping the end that tells similar names apart', () => {
    expect(truncateLabel('Kort')).toBe('Kort');
    const cut = truncateLabel('Testpersoon met een lange naam 11');
    expect(cut.length).toBeLessThanOrEqual(LABEL_CHARS);
    expect(cut).toBe('Testpersoon…naam 11');
    expect(truncateLabel('Testpersoon met een lange naam 12')).not.toBe(cut);
    // An address by its street and number.
    expect(shortLabel('address', 'Proefstraat 12, 9999 ZA Voorbeeldstad')).toBe('Proefstraat 12');
    expect(shortLabel('person', 'DEMO, Petra de')).toBe('DEMO, Petra de');
    // A dossier by its number and the start of its title.
    expect(shortLabel(null, '2025-0001 Hennepkwekerij in bedrijfspand', 'dossier')).toBe('2025-0001 Hennepkwe…');
  });

  it('places an outer node near the subject it belongs to', () => {
    const input: NetworkInput = {
      dossier: { id: 1, number: '2025-0001', title: 'Klein' },
      subjects: [1, 2, 3, 4].map((id) => ({ subject: subject(id, `S${id}`), roles: ['betrokkene'] })),
      links: [],
      externals: [],
      otherDossiers: [{ dossier: { id: 9, number: '2025-0009', title: 'Ander', status: 'aanpak' }, via: [{ subjectId: 3, roles: ['eigenaar'] }] }],
    };
    const layout = layoutNetwork(input, words);
    const byKey = new Map(layout.nodes.map((node) => [node.key, node]));
    const other = byKey.get('dossier-9')!;
    const nearest = [1, 2, 3, 4]
      .map((id) => byKey.get(`subject-${id}`)!)
      .sort((a, b) => Math.hypot(a.x - other.x, a.y - other.y) - Math.hypot(b.x - other.x, b.y - other.y))[0]!;
    expect(nearest.key).toBe('subject-3');
  });
});
