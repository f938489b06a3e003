import type { DossierRef, SubjectSummary } from '../../../../shared/api';
import type { SubjectLinkKind, SubjectRole, SubjectType } from '../../../../shared/domain/enums';
import { SUBJECT_TYPES } from '../../../../shared/domain/enums';

/**
 * A deterministic layout for the network view of one dossier, without physics: the dossier in the
 * middle, its subjects on a circle around it (grouped by type, then by label), and what they lead
 * to outside the dossier (other dossiers, linked subjects that are not in it) on an outer ring,
 * each near the subjects it is connected to. The same input always gives the same picture.
 */

export interface NetworkInput {
  dossier: Pick<DossierRef, 'id' | 'number' | 'title'>;
  /** The dossier's subjects (reporters left out), each with its roles here. */
  subjects: Array<{ subject: SubjectSummary; roles: SubjectRole[] }>;
  /** Subject–subject links, each once; either end may be outside the dossier. */
  links: Array<{ id: number; fromId: number; toId: number; kind: SubjectLinkKind }>;
  /** Subjects outside the dossier at the far end of a link. */
  externals: SubjectSummary[];
  /** Other dossiers and the subjects of this dossier that occur there (with their roles there). */
  otherDossiers: Array<{ dossier: DossierRef; via: Array<{ subjectId: number; roles: SubjectRole[] }> }>;
}

export type NodeKind = 'center' | 'subject' | 'external' | 'dossier';

export interface NetworkNode {
  key: string;
  kind: NodeKind;
  /** The subject's type, for its shape and colour (subject and external nodes). */
  type: SubjectType | null;
  id: number;
  label: string;
  x: number;
  y: number;
  /** Direction from the centre, for placing the label outside the ring. */
  angle: number;
}

export interface NetworkEdge {
  key: string;
  kind: 'member' | 'link' | 'also-in';
  from: string;
  to: string;
  /** An SVG path: a straight line, or a curve bent towards the centre between two ring nodes. */
  path: string;
  label: string | null;
  labelX: number;
  labelY: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** Room per node along a ring, in px: keeps 30 subjects apart. */
const NODE_SPACING = 70;
const MIN_INNER_RADIUS = 150;
const RING_GAP = 150;
/** Room for the labels outside the outer ring. */
export const LABEL_CHARS = 22;
const LABEL_MARGIN = 40 + LABEL_CHARS * 7;

/** "A very long name that goes on" → "A very long name that…": the full text stays in the node's <title>. */
export function truncateLabel(label: string, max = LABEL_CHARS): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

const TWO_PI = Math.PI * 2;
const normalise = (angle: number) => ((angle % TWO_PI) + TWO_PI) % TWO_PI;

/** The direction the connected subjects lie in on average (a circular mean). */
function meanAngle(angles: number[]): number {
  if (angles.length === 0) return 0;
  const x = angles.reduce((sum, angle) => sum + Math.cos(angle), 0);
  const y = angles.reduce((sum, angle) => sum + Math.sin(angle), 0);
  return Math.abs(x) < 1e-9 && Math.abs(y) < 1e-9 ? angles[0]! : normalise(Math.atan2(y, x));
}

/**
 * Places outer nodes near their preferred angles, at least `gap` apart: a pass along the circle
 * pushes crowded nodes on; if the circle is then overfull, they are spread evenly in the same order.
 */
function spreadOnCircle(preferred: number[], gap: number): number[] {
  const order = preferred.map((angle, index) => ({ angle: normalise(angle), index })).sort((a, b) => a.angle - b.angle || a.index - b.index);
  const placed = order.map((item) => item.angle);
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  if (placed.length > 1 && placed[placed.length - 1]! - placed[0]! > TWO_PI - gap) {
    const step = TWO_PI / placed.length;
    for (let i = 0; i < placed.length; i++) placed[i] = placed[0]! + i * step;
  }
  const result = new Array<number>(preferred.length);
  order.forEach((item, position) => (result[item.index] = placed[position]!));
  return result;
}

const TYPE_ORDER = new Map(SUBJECT_TYPES.map((type, index) => [type, index]));

export function layoutNetwork(input: NetworkInput, words: { linkKind(kind: SubjectLinkKind): string }): NetworkLayout {
  const subjects = [...input.subjects].sort(
    (a, b) => TYPE_ORDER.get(a.subject.type)! - TYPE_ORDER.get(b.subject.type)! || a.subject.label.localeCompare(b.subject.label, 'nl') || a.subject.id - b.subject.id,
  );
  const inner = Math.max(MIN_INNER_RADIUS, (subjects.length * NODE_SPACING) / TWO_PI);
  const outerCount = input.externals.length + input.otherDossiers.length;
  const outer = outerCount === 0 ? inner : Math.max(inner + RING_GAP, (outerCount * NODE_SPACING) / TWO_PI);
  const half = outer + LABEL_MARGIN;
  const centre = { x: half, y: half };
  const at = (radius: number, angle: number) => ({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });

  const nodes: NetworkNode[] = [{ key: 'center', kind: 'center', type: null, id: input.dossier.id, label: input.dossier.number, ...centre, angle: -Math.PI / 2 }];
  const angleOfSubject = new Map<number, number>();
  subjects.forEach((entry, index) => {
    // From the top, clockwise.
    const angle = -Math.PI / 2 + (TWO_PI * index) / Math.max(subjects.length, 1);
    angleOfSubject.set(entry.subject.id, angle);
    nodes.push({ key: `subject-${entry.subject.id}`, kind: 'subject', type: entry.subject.type, id: entry.subject.id, label: entry.subject.label, ...at(inner, angle), angle });
  });

  const inDossier = new Set(subjects.map((entry) => entry.subject.id));
  const outerItems = [
    ...input.externals.map((external) => ({
      key: `external-${external.id}`,
      kind: 'external' as const,
      type: external.type,
      id: external.id,
      label: external.label,
      connected: input.links.flatMap((link) => (link.fromId === external.id ? [link.toId] : link.toId === external.id ? [link.fromId] : [])).filter((id) => inDossier.has(id)),
    })),
    ...input.otherDossiers.map((other) => ({
      key: `dossier-${other.dossier.id}`,
      kind: 'dossier' as const,
      type: null,
      id: other.dossier.id,
      label: `${other.dossier.number} ${other.dossier.title}`,
      connected: other.via.map((via) => via.subjectId).filter((id) => inDossier.has(id)),
    })),
  ];
  const outerAngles = spreadOnCircle(
    outerItems.map((item) => meanAngle(item.connected.map((id) => angleOfSubject.get(id)!))),
    Math.min(NODE_SPACING / outer, TWO_PI / Math.max(outerItems.length, 1)),
  );
  outerItems.forEach((item, index) => {
    const angle = outerAngles[index]!;
    nodes.push({ key: item.key, kind: item.kind, type: item.type, id: item.id, label: item.label, ...at(outer, angle), angle });
  });

  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const keyOfSubject = (id: number) => (inDossier.has(id) ? `subject-${id}` : `external-${id}`);
  const edges: NetworkEdge[] = [];
  const straight = (key: string, kind: NetworkEdge['kind'], from: NetworkNode, to: NetworkNode, label: string | null) =>
    edges.push({ key, kind, from: from.key, to: to.key, path: `M${r(from.x)},${r(from.y)} L${r(to.x)},${r(to.y)}`, label, labelX: r((from.x + to.x) / 2), labelY: r((from.y + to.y) / 2) });

  for (const entry of subjects) straight(`member-${entry.subject.id}`, 'member', nodes[0]!, byKey.get(`subject-${entry.subject.id}`)!, null);

  for (const link of input.links) {
    const from = byKey.get(keyOfSubject(link.fromId));
    const to = byKey.get(keyOfSubject(link.toId));
    if (!from || !to) continue;
    const label = words.linkKind(link.kind);
    if (from.kind === 'subject' && to.kind === 'subject') {
      // A chord of the inner ring, bent halfway towards the centre so that it clears the spokes' ends.
      const control = { x: (from.x + to.x) / 2 * 0.5 + centre.x * 0.5, y: (from.y + to.y) / 2 * 0.5 + centre.y * 0.5 };
      edges.push({
        key: `link-${link.id}`,
        kind: 'link',
        from: from.key,
        to: to.key,
        path: `M${r(from.x)},${r(from.y)} Q${r(control.x)},${r(control.y)} ${r(to.x)},${r(to.y)}`,
        label,
        labelX: r(0.25 * from.x + 0.5 * control.x + 0.25 * to.x),
        labelY: r(0.25 * from.y + 0.5 * control.y + 0.25 * to.y),
      });
    } else {
      straight(`link-${link.id}`, 'link', from, to, label);
    }
  }

  for (const other of input.otherDossiers) {
    const target = byKey.get(`dossier-${other.dossier.id}`)!;
    for (const via of other.via) {
      const from = byKey.get(`subject-${via.subjectId}`);
      if (from) straight(`also-${other.dossier.id}-${via.subjectId}`, 'also-in', from, target, null);
    }
  }

  return { width: r(half * 2), height: r(half * 2), nodes, edges };
}

const r = (value: number) => Math.round(value * 10) / 10;
