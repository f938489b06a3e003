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
  /** The full label, for the node's <title> and accessible name. */
  label: string;
  /** What is written beside the node (shortLabel). */
  shortLabel: string;
  x: number;
  y: number;
  /** Direction from the centre. */
  angle: number;
  /** Where the (truncated) label goes, outside the ring: relative to the node, in a frame turned by `labelRotation` degrees. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
  labelRotation: number;
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
  /** Beside a steep edge the label starts at the line; beside a flat one it is centred above it. */
  labelAnchor: 'start' | 'middle';
}

export interface NetworkLayout {
  /** The drawing's extent (nodes and labels), as an SVG viewBox. */
  viewBox: { x: number; y: number; width: number; height: number };
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** Room per node along a ring, in px: keeps 30 subjects apart. */
const NODE_SPACING = 70;
const MIN_INNER_RADIUS = 140;
/** Node radius (the drawing's shapes are about this size) and the gap to its label. */
export const NODE_RADIUS = 15;
const LABEL_GAP = NODE_RADIUS + 7;
/** Labels are cut to this many characters; the full text is in the node's <title>. */
export const LABEL_CHARS = 20;
/** A generous estimate of a character's width at the labels' 13 px, for the extent and the ring gap. */
export const CHAR_WIDTH = 7.2;
export const LINE_HEIGHT = 16;
/** The outer ring lies beyond the longest inner label, so that a label never runs into an outer node. */
const RING_GAP = LABEL_GAP + LABEL_CHARS * CHAR_WIDTH + NODE_RADIUS * 2 + 10;
const PADDING = 12;
/** How far an edge's label sits beside a straight edge. */
const EDGE_LABEL_OFFSET = 12;
/** Where along a chord between two subjects its label sits. */
const CHORD_LABEL_AT = 0.3;

/**
 * "Testpersoon met een lange naam 11" → "Testpersoon…naam 11": cut in the middle, because the end
 * often tells similar names apart (a number, a surname, "B.V."). The full text stays in the node's
 * <title> and in the table.
 */
export function truncateLabel(label: string, max = LABEL_CHARS): string {
  if (label.length <= max) return label;
  const tail = Math.ceil(max / 3);
  return `${label.slice(0, max - 1 - tail).trimEnd()}…${label.slice(label.length - tail).trimStart()}`;
}

/**
 * The text beside a node: an address by its street and number (the part before the comma), a
 * dossier by its number and the start of its title, cut to fit.
 */
export function shortLabel(type: SubjectType | null, label: string, kind: NodeKind = 'subject'): string {
  if (kind === 'dossier') return label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
  const shown = type === 'address' && label.includes(',') ? label.slice(0, label.indexOf(',')) : label;
  return truncateLabel(shown);
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

type LabelPlacement = Pick<NetworkNode, 'labelX' | 'labelY' | 'anchor' | 'labelRotation'>;

/**
 * A horizontal label outside its node: beside it (to the right on the right half, to the left on
 * the left half) at its height, or centred above or below a node near the top or the bottom.
 */
function horizontalLabel(angle: number): LabelPlacement {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  if (Math.abs(cos) < 0.35) {
    return { labelX: 0, labelY: sin < 0 ? -LABEL_GAP + 2 : LABEL_GAP + LINE_HEIGHT * 0.6, anchor: 'middle', labelRotation: 0 };
  }
  // A little up on the upper half, down on the lower: away from the next node along the ring.
  return { labelX: Math.sign(cos) * LABEL_GAP, labelY: 5 + 6 * sin, anchor: cos > 0 ? 'start' : 'end', labelRotation: 0 };
}

/** A label along the ray from the centre through its node, turned to read left to right. */
function radialLabel(angle: number): LabelPlacement {
  const degrees = (angle * 180) / Math.PI;
  return Math.cos(angle) >= 0
    ? { labelX: LABEL_GAP, labelY: 4.5, anchor: 'start', labelRotation: r(degrees) }
    : { labelX: -LABEL_GAP, labelY: 4.5, anchor: 'end', labelRotation: r(degrees + 180) };
}

/** A label's distance to a node must leave half a line of text and the node's shape with some air. */
const LABEL_NODE_CLEARANCE = LINE_HEIGHT / 2 + NODE_RADIUS * 1.25;
const LABEL_LABEL_CLEARANCE = LINE_HEIGHT + 1;

/**
 * Labels are horizontal where they fit; a label that would run into another node or label is
 * turned along its ray instead (labels along rays cannot meet: the nodes of a ring are spaced more
 * than a line apart, and the outer ring lies beyond the longest inner label). Repeated until
 * nothing changes, in a fixed order, so the result is deterministic.
 */
function placeLabels(nodes: NetworkNode[]): void {
  const radial = new Set<NetworkNode>();
  for (let round = 0; round <= nodes.length; round++) {
    for (const node of nodes) {
      if (node.kind === 'center') continue;
      Object.assign(node, radial.has(node) ? radialLabel(node.angle) : horizontalLabel(node.angle));
    }
    let changed = false;
    for (const node of nodes) {
      if (node.kind === 'center' || radial.has(node)) continue;
      const label = labelSegment(node);
      const clash =
        nodes.some((other) => other !== node && distanceToSegment(other, label) < LABEL_NODE_CLEARANCE) ||
        nodes.some((other) => other !== node && other.kind !== 'center' && segmentDistance(label, labelSegment(other)) < LABEL_LABEL_CLEARANCE);
      if (clash) {
        radial.add(node);
        changed = true;
      }
    }
    if (!changed) return;
  }
}

interface Point {
  x: number;
  y: number;
}
type Segment = { x1: number; y1: number; x2: number; y2: number };

export function distanceToSegment(point: Point, segment: Segment): number {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - segment.x1) * dx + (point.y - segment.y1) * dy) / length));
  return Math.hypot(point.x - (segment.x1 + t * dx), point.y - (segment.y1 + t * dy));
}

/** The shortest distance between two segments (0 when they cross). */
export function segmentDistance(a: Segment, b: Segment): number {
  const cross = (p: Point, q: Point, o: Point) => (q.x - p.x) * (o.y - p.y) - (q.y - p.y) * (o.x - p.x);
  const a1 = { x: a.x1, y: a.y1 };
  const a2 = { x: a.x2, y: a.y2 };
  const b1 = { x: b.x1, y: b.y1 };
  const b2 = { x: b.x2, y: b.y2 };
  if (cross(a1, a2, b1) * cross(a1, a2, b2) < 0 && cross(b1, b2, a1) * cross(b1, b2, a2) < 0) return 0;
  return Math.min(distanceToSegment(a1, b), distanceToSegment(a2, b), distanceToSegment(b1, a), distanceToSegment(b2, a));
}

/**
 * The label's centre line as a segment in the drawing's coordinates (the text is about a line high
 * around it): for the extent, and for checking that labels stay clear of each other and of nodes.
 */
export function labelSegment(node: NetworkNode): Segment {
  const width = node.shortLabel.length * CHAR_WIDTH;
  const [from, to] =
    node.anchor === 'start'
      ? [node.labelX, node.labelX + width]
      : node.anchor === 'end'
        ? [node.labelX - width, node.labelX]
        : [node.labelX - width / 2, node.labelX + width / 2];
  const middle = node.labelY - 4.5;
  const turn = (node.labelRotation * Math.PI) / 180;
  const place = (x: number, y: number) => ({ x: node.x + x * Math.cos(turn) - y * Math.sin(turn), y: node.y + x * Math.sin(turn) + y * Math.cos(turn) });
  const start = place(from, middle);
  const end = place(to, middle);
  return { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}

/** The box a node and its label take, for the drawing's extent. */
function extentOf(node: NetworkNode): { left: number; right: number; top: number; bottom: number } {
  const segment = labelSegment(node);
  const half = LINE_HEIGHT / 2;
  return {
    left: Math.min(segment.x1 - half, segment.x2 - half, node.x - NODE_RADIUS * 1.5),
    right: Math.max(segment.x1 + half, segment.x2 + half, node.x + NODE_RADIUS * 1.5),
    top: Math.min(segment.y1 - half, segment.y2 - half, node.y - NODE_RADIUS * 1.3),
    bottom: Math.max(segment.y1 + half, segment.y2 + half, node.y + NODE_RADIUS * 1.3),
  };
}

const TYPE_ORDER = new Map(SUBJECT_TYPES.map((type, index) => [type, index]));

export function layoutNetwork(input: NetworkInput, words: { linkKind(kind: SubjectLinkKind): string }): NetworkLayout {
  const subjects = [...input.subjects].sort(
    (a, b) => TYPE_ORDER.get(a.subject.type)! - TYPE_ORDER.get(b.subject.type)! || a.subject.label.localeCompare(b.subject.label, 'nl') || a.subject.id - b.subject.id,
  );
  const inner = Math.max(MIN_INNER_RADIUS, (subjects.length * NODE_SPACING) / TWO_PI);
  const outerCount = input.externals.length + input.otherDossiers.length;
  const outer = outerCount === 0 ? inner : Math.max(inner + RING_GAP, (outerCount * NODE_SPACING) / TWO_PI);
  const centre = { x: 0, y: 0 };
  const at = (radius: number, angle: number) => ({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });

  const nodes: NetworkNode[] = [
    {
      key: 'center',
      kind: 'center',
      type: null,
      id: input.dossier.id,
      label: input.dossier.number,
      shortLabel: input.dossier.number,
      ...centre,
      angle: Math.PI / 2,
      labelX: 0,
      labelY: NODE_RADIUS * 1.1 + 18,
      anchor: 'middle',
      labelRotation: 0,
    },
  ];
  const angleOfSubject = new Map<number, number>();
  subjects.forEach((entry, index) => {
    // From the top, clockwise.
    const angle = -Math.PI / 2 + (TWO_PI * index) / Math.max(subjects.length, 1);
    angleOfSubject.set(entry.subject.id, angle);
    nodes.push({
      key: `subject-${entry.subject.id}`,
      kind: 'subject',
      type: entry.subject.type,
      id: entry.subject.id,
      label: entry.subject.label,
      shortLabel: shortLabel(entry.subject.type, entry.subject.label),
      ...at(inner, angle),
      angle,
      ...horizontalLabel(angle),
    });
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
    nodes.push({
      key: item.key,
      kind: item.kind,
      type: item.type,
      id: item.id,
      label: item.label,
      shortLabel: shortLabel(item.type, item.label, item.kind),
      ...at(outer, angle),
      angle,
      ...horizontalLabel(angle),
    });
  });

  placeLabels(nodes);

  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const keyOfSubject = (id: number) => (inDossier.has(id) ? `subject-${id}` : `external-${id}`);
  const edges: NetworkEdge[] = [];
  /**
   * A straight edge. Its label sits beside the middle, off the line: a node's own label may run
   * along the same line (a label along its ray, an edge out along that ray).
   */
  const straight = (key: string, kind: NetworkEdge['kind'], from: NetworkNode, to: NetworkNode, label: string | null) => {
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    // The normal that points up the page (or to the right for a vertical edge).
    let [nx, ny] = [-(to.y - from.y) / length, (to.x - from.x) / length];
    if (ny > 0 || (ny === 0 && nx < 0)) [nx, ny] = [-nx, -ny];
    const steep = Math.abs(ny) < 0.5;
    const offset = label ? (steep ? EDGE_LABEL_OFFSET / 2 : EDGE_LABEL_OFFSET) : 0;
    edges.push({
      key,
      kind,
      from: from.key,
      to: to.key,
      path: `M${r(from.x)},${r(from.y)} L${r(to.x)},${r(to.y)}`,
      label,
      labelX: r((from.x + to.x) / 2 + nx * offset),
      labelY: r((from.y + to.y) / 2 + ny * offset + (steep ? 4 : 0)),
      labelAnchor: steep ? 'start' : 'middle',
    });
  };

  for (const entry of subjects) straight(`member-${entry.subject.id}`, 'member', nodes[0]!, byKey.get(`subject-${entry.subject.id}`)!, null);

  for (const link of input.links) {
    const from = byKey.get(keyOfSubject(link.fromId));
    const to = byKey.get(keyOfSubject(link.toId));
    if (!from || !to) continue;
    const label = words.linkKind(link.kind);
    if (from.kind === 'subject' && to.kind === 'subject') {
      // A chord of the inner ring, bent halfway towards the centre so that it clears the spokes' ends.
      const control = { x: ((from.x + to.x) / 2) * 0.5 + centre.x * 0.5, y: ((from.y + to.y) / 2) * 0.5 + centre.y * 0.5 };
      edges.push({
        key: `link-${link.id}`,
        kind: 'link',
        from: from.key,
        to: to.key,
        path: `M${r(from.x)},${r(from.y)} Q${r(control.x)},${r(control.y)} ${r(to.x)},${r(to.y)}`,
        label,
        // A third of the way from the subject the link starts at: chords across the ring would otherwise all put their labels in the middle.
        labelX: r(alongCurve(from.x, control.x, to.x, CHORD_LABEL_AT)),
        labelY: r(alongCurve(from.y, control.y, to.y, CHORD_LABEL_AT)),
        labelAnchor: 'middle',
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

  const extents = nodes.map(extentOf);
  const left = Math.min(...extents.map((extent) => extent.left)) - PADDING;
  const top = Math.min(...extents.map((extent) => extent.top)) - PADDING;
  const right = Math.max(...extents.map((extent) => extent.right)) + PADDING;
  const bottom = Math.max(...extents.map((extent) => extent.bottom)) + PADDING;
  return { viewBox: { x: r(left), y: r(top), width: r(right - left), height: r(bottom - top) }, nodes, edges };
}

const r = (value: number) => Math.round(value * 10) / 10;

/** One coordinate of the point at `t` on a quadratic Bézier curve. */
const alongCurve = (start: number, control: number, end: number, t: number) => (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t ** 2 * end;
