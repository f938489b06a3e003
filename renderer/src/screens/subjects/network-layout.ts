import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { DossierRef, SubjectSummary } from '../../../../shared/api';
import type { SubjectLinkKind, SubjectRole, SubjectType } from '../../../../shared/domain/enums';
import { SUBJECT_TYPES } from '../../../../shared/domain/enums';

/**
 * The network view of one dossier, laid out by ELK (elkjs, the Eclipse Layout Kernel) with its
 * layered algorithm: every node is a card that holds its own label, and every edge label is placed
 * by ELK as a box of its own, so no label can overlap another or a node, and none is turned.
 * Connected groups are packed side by side towards the panel's aspect ratio, so that the picture
 * fills the panel instead of one long ring.
 *
 * A large dossier draws its own subjects and their links first; what lies beyond them (other
 * dossiers, subjects outside the dossier) is folded into a count on each subject's card ("+148") that the
 * user opens a page at a time.
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

export type NodeKind = 'subject' | 'external' | 'dossier';

export interface NetworkNode {
  key: string;
  kind: NodeKind;
  /** The subject's type, for its shape and colour (subject and external nodes). */
  type: SubjectType | null;
  /** The subject's or dossier's id. */
  id: number;
  /** The full label, for the node's <title> and the table. */
  label: string;
  /** What is written on the card: the label, ellipsised at the end. */
  shortLabel: string;
  /** The card's top-left corner and size, in the drawing's coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * A folded subject: how many dossiers and outside subjects are not drawn, in words, and the
   * badge at the card's right end ("+148") that shows more of them.
   */
  more?: { dossiers: number; externals: number; text: string; badge: string; badgeWidth: number };
}

export interface LabelBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NetworkEdge {
  key: string;
  kind: 'link' | 'also-in';
  from: string;
  to: string;
  /** The route, start to end, as ELK drew it (orthogonal). */
  points: Array<{ x: number; y: number }>;
  label: LabelBox | null;
}

export interface NetworkLayout {
  /** The drawing's extent, as an SVG viewBox. */
  viewBox: { x: number; y: number; width: number; height: number };
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** How many of a subject's outside nodes are shown, by subject id; a subject not in it shows its default. */
export type Expansion = ReadonlyMap<number, number>;

export interface NetworkWords {
  linkKind(kind: SubjectLinkKind): string;
  /** A folded subject's remainder in words: "148 andere dossiers", "2 subjecten buiten, 3 andere dossiers". */
  more(hidden: { dossiers: number; externals: number }): string;
}

/** Up to this many outside nodes in all, everything is drawn at once (the demo dossiers). */
export const DRAW_ALL_UP_TO = 16;
/** A folded subject still shows this many of its direct links to subjects outside the dossier. */
export const EXTERNALS_SHOWN_FIRST = 3;
/** One click on a subject's count shows this many more. */
export const MORE_PAGE = 10;

/** Labels are ellipsised to this many characters; the full text is in the <title> and the table. */
export const LABEL_CHARS = 34;
/** A generous estimate of a character's width at the cards' 13 px and the edge labels' 11 px. */
export const CHAR_WIDTH = 7.4;
export const EDGE_CHAR_WIDTH = 6.4;
export const CARD_HEIGHT = 28;
/** The type's shape at the card's left, then the text. */
export const ICON_SIZE = 18;
export const CARD_PADDING = 6;
const EDGE_LABEL_HEIGHT = 15;
const PADDING = 8;

/** "Testpersoon met een lange naam 11" → "Testpersoon met een lange…": cut at the end, at a word where one is near. */
export function ellipsise(label: string, max = LABEL_CHARS): string {
  const text = label.trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // A cut that ends a word stays; otherwise back to the last word's end, where one is near.
  if (text[max - 1] === ' ') return `${cut.trimEnd()}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** An address by its street and number (the part before the comma); the rest as it is. */
export function shortLabel(type: SubjectType | null, label: string): string {
  return ellipsise(type === 'address' && label.includes(',') ? label.slice(0, label.indexOf(',')) : label);
}

const cardWidth = (text: string) => Math.ceil(CARD_PADDING * 2 + ICON_SIZE + 5 + text.length * CHAR_WIDTH);

type PlannedNode = Omit<NetworkNode, 'x' | 'y'>;
interface PlannedEdge {
  key: string;
  kind: NetworkEdge['kind'];
  from: string;
  to: string;
  label: string | null;
}
export interface NetworkPlan {
  nodes: PlannedNode[];
  edges: PlannedEdge[];
  /** Whether the outside is folded (a large dossier) or drawn whole. */
  folded: boolean;
  /** Per subject: its outside nodes in the order they are opened (outside subjects first, then dossiers by number). */
  outsideOf: ReadonlyMap<number, string[]>;
}

const TYPE_ORDER = new Map(SUBJECT_TYPES.map((type, index) => [type, index]));

/**
 * Which nodes and edges are drawn: the dossier's subjects and the links between them always; the
 * outside (other dossiers, subjects not in the dossier) whole when it is small, otherwise per
 * subject as far as `expansion` says, the rest counted on the subject's card.
 */
export function planNetwork(input: NetworkInput, expansion: Expansion, words: NetworkWords): NetworkPlan {
  const subjects = [...input.subjects].sort(
    (a, b) => TYPE_ORDER.get(a.subject.type)! - TYPE_ORDER.get(b.subject.type)! || a.subject.label.localeCompare(b.subject.label, 'nl') || a.subject.id - b.subject.id,
  );
  const own = new Set(subjects.map((entry) => entry.subject.id));
  const externalById = new Map(input.externals.map((external) => [external.id, external]));
  const dossierById = new Map(input.otherDossiers.map((other) => [other.dossier.id, other.dossier]));

  // Per own subject, the outside nodes it reaches, each once (a Set keeps the order of insertion).
  const reached = new Map<number, Set<string>>(subjects.map((entry) => [entry.subject.id, new Set()]));
  const externalLinks = new Map<string, PlannedEdge[]>();
  const edges: PlannedEdge[] = [];
  for (const link of input.links) {
    const fromOwn = own.has(link.fromId);
    const toOwn = own.has(link.toId);
    const label = words.linkKind(link.kind);
    const keyOf = (id: number) => (own.has(id) ? `subject-${id}` : `external-${id}`);
    const edge: PlannedEdge = { key: `link-${link.id}`, kind: 'link', from: keyOf(link.fromId), to: keyOf(link.toId), label };
    if (fromOwn && toOwn) {
      edges.push(edge);
      continue;
    }
    const outside = fromOwn ? link.toId : link.fromId;
    if ((!fromOwn && !toOwn) || !externalById.has(outside)) continue;
    const key = `external-${outside}`;
    reached.get(fromOwn ? link.fromId : link.toId)!.add(key);
    const linksOfExternal = externalLinks.get(key);
    if (linksOfExternal) linksOfExternal.push(edge);
    else externalLinks.set(key, [edge]);
  }
  const sortedOthers = [...input.otherDossiers].sort((a, b) => a.dossier.number.localeCompare(b.dossier.number) || a.dossier.id - b.dossier.id);
  for (const other of sortedOthers) {
    for (const via of other.via) {
      reached.get(via.subjectId)?.add(`dossier-${other.dossier.id}`);
    }
  }
  const outsideOf = new Map([...reached].map(([subjectId, keys]) => [subjectId, [...keys]]));

  const outsideTotal = input.externals.length + input.otherDossiers.length;
  const folded = outsideTotal > DRAW_ALL_UP_TO;
  const nodes: PlannedNode[] = subjects.map((entry) => {
    const text = shortLabel(entry.subject.type, entry.subject.label);
    return {
      key: `subject-${entry.subject.id}`,
      kind: 'subject',
      type: entry.subject.type,
      id: entry.subject.id,
      label: entry.subject.label,
      shortLabel: text,
      width: cardWidth(text),
      height: CARD_HEIGHT,
    };
  });
  const drawn = new Set<string>();
  const outsideNode = (key: string): PlannedNode => {
    const [kind, idText] = key.split('-') as ['external' | 'dossier', string];
    const id = Number(idText);
    if (kind === 'external') {
      const external = externalById.get(id)!;
      const text = shortLabel(external.type, external.label);
      return { key, kind, type: external.type, id, label: external.label, shortLabel: text, width: cardWidth(text), height: CARD_HEIGHT };
    }
    const dossier = dossierById.get(id)!;
    const label = `${dossier.number} ${dossier.title}`;
    const text = ellipsise(label);
    return { key, kind, type: null, id, label, shortLabel: text, width: cardWidth(text), height: CARD_HEIGHT };
  };

  for (const entry of subjects) {
    const subjectId = entry.subject.id;
    const outside = outsideOf.get(subjectId)!;
    const externalCount = outside.filter((key) => key.startsWith('external-')).length;
    const shownCount = folded ? Math.min(outside.length, expansion.get(subjectId) ?? Math.min(externalCount, EXTERNALS_SHOWN_FIRST)) : outside.length;
    for (const key of outside.slice(0, shownCount)) {
      if (!drawn.has(key)) {
        drawn.add(key);
        nodes.push(outsideNode(key));
      }
      if (key.startsWith('dossier-')) {
        edges.push({ key: `also-${key.slice('dossier-'.length)}-${subjectId}`, kind: 'also-in', from: `subject-${subjectId}`, to: key, label: null });
      }
    }
    const rest = outside.slice(shownCount);
    if (rest.length > 0) {
      const hidden = { dossiers: rest.filter((key) => key.startsWith('dossier-')).length, externals: rest.filter((key) => key.startsWith('external-')).length };
      // On the subject's own card: a count needs no node, edge and layer of its own.
      const badge = `+${rest.length}`;
      const badgeWidth = Math.ceil(badge.length * CHAR_WIDTH + CARD_PADDING * 2);
      const card = nodes.find((node) => node.key === `subject-${subjectId}`)!;
      card.more = { ...hidden, text: words.more(hidden), badge, badgeWidth };
      card.width += badgeWidth;
    }
  }
  // A link to an outside subject is drawn when that subject is: from whichever own subject it comes.
  const drawnKeys = new Set(nodes.map((node) => node.key));
  for (const [key, links] of externalLinks) {
    if (drawn.has(key)) for (const edge of links) if (drawnKeys.has(edge.from) && drawnKeys.has(edge.to)) edges.push(edge);
  }
  edges.sort((a, b) => a.key.localeCompare(b.key));
  return { nodes, edges, folded, outsideOf };
}

/** The ELK graph for a plan: cards of a fixed size, edge labels as boxes ELK places beside their edge. */
export function elkGraph(plan: NetworkPlan, aspectRatio = 1.6): ElkNode {
  return {
    id: 'network',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.aspectRatio': String(aspectRatio),
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '16',
      'elk.spacing.nodeNode': '10',
      'elk.layered.spacing.nodeNodeBetweenLayers': '24',
      'elk.spacing.edgeLabel': '3',
      'elk.spacing.edgeNode': '10',
      'elk.spacing.labelNode': '4',
      'elk.edgeLabels.inline': 'false',
      // The same input gives the same picture.
      'elk.randomSeed': '1',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
    },
    children: plan.nodes.map((node) => ({ id: node.key, width: node.width, height: node.height })),
    edges: plan.edges.map((edge): ElkExtendedEdge => ({
      id: edge.key,
      sources: [edge.from],
      targets: [edge.to],
      labels: edge.label
        ? [
            {
              id: `${edge.key}-label`,
              text: edge.label,
              width: Math.ceil(edge.label.length * EDGE_CHAR_WIDTH + 6),
              height: EDGE_LABEL_HEIGHT,
              layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' },
            },
          ]
        : [],
    })),
  };
}

/** Reads ELK's answer back onto the plan. */
export function readLayout(plan: NetworkPlan, result: ElkNode): NetworkLayout {
  const placed = new Map((result.children ?? []).map((child) => [child.id, child]));
  const nodes: NetworkNode[] = plan.nodes.map((node) => {
    const at = placed.get(node.key);
    return { ...node, x: r(at?.x ?? 0), y: r(at?.y ?? 0) };
  });
  const routed = new Map((result.edges ?? []).map((edge) => [edge.id, edge as ElkExtendedEdge]));
  const edges: NetworkEdge[] = plan.edges.map((edge) => {
    const elkEdge = routed.get(edge.key);
    const points = (elkEdge?.sections ?? [])
      .flatMap((section) => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint])
      .map((point) => ({ x: r(point.x), y: r(point.y) }));
    const elkLabel = elkEdge?.labels?.[0];
    const label = edge.label && elkLabel ? { text: edge.label, x: r(elkLabel.x ?? 0), y: r(elkLabel.y ?? 0), width: elkLabel.width ?? 0, height: elkLabel.height ?? 0 } : null;
    return { key: edge.key, kind: edge.kind, from: edge.from, to: edge.to, points, label };
  });
  return { viewBox: { x: 0, y: 0, width: Math.ceil(result.width ?? 0), height: Math.ceil(result.height ?? 0) }, nodes, edges };
}

/**
 * ELK packs connected groups into rows by their total area, which leaves a dossier of many small
 * groups taller than asked; a few wider targets are tried and the one that fits the panel largest wins.
 */
const ASPECT_STRETCH = [1, 1.4, 1.8];

/** How large a layout can be drawn in a panel of this size. */
export function fitScale(layout: NetworkLayout, panel: { width: number; height: number }): number {
  return layout.viewBox.width === 0 ? 1 : Math.min(panel.width / layout.viewBox.width, panel.height / layout.viewBox.height);
}

/** Plans, lays out (in ELK's worker in the app) and reads back; sized for `panel`. */
export async function layoutNetwork(
  elk: Pick<ELK, 'layout'>,
  input: NetworkInput,
  expansion: Expansion,
  words: NetworkWords,
  panel = { width: 960, height: 600 },
): Promise<NetworkLayout> {
  return layoutPlan(elk, planNetwork(input, expansion, words), panel);
}

/** Lays out a plan made already (the view keeps it for its table). */
export async function layoutPlan(elk: Pick<ELK, 'layout'>, plan: NetworkPlan, panel = { width: 960, height: 600 }): Promise<NetworkLayout> {
  if (plan.nodes.length === 0) return { viewBox: { x: 0, y: 0, width: 0, height: 0 }, nodes: [], edges: [] };
  const aspect = panel.width / panel.height;
  let best: NetworkLayout | null = null;
  for (const stretch of ASPECT_STRETCH) {
    const layout = readLayout(plan, await elk.layout(elkGraph(plan, aspect * stretch)));
    if (!best || fitScale(layout, panel) > fitScale(best, panel) + 0.01) best = layout;
  }
  return best!;
}

/** Every text box of the drawing: the cards (which hold the node labels) and the edge labels. */
export function labelBoxes(layout: NetworkLayout): Array<LabelBox & { key: string }> {
  return [
    ...layout.nodes.map((node) => ({ key: node.key, text: node.shortLabel, x: node.x, y: node.y, width: node.width, height: node.height })),
    ...layout.edges.flatMap((edge) => (edge.label ? [{ key: `${edge.key}-label`, ...edge.label }] : [])),
  ];
}

export function boxesIntersect(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const r = (value: number) => Math.round(value * 10) / 10;
