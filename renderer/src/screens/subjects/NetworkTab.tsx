import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SubjectMatches, SubjectSummary, SubjectWithLinks } from '../../../../shared/api';
import type { SubjectRole, SubjectType } from '../../../../shared/domain/enums';
import { SUBJECT_TYPES } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { useNavigation } from '../../store/navigation';
import type { DossierTabProps } from '../dossiers/tab-props';
import {
  CARD_PADDING,
  EXTERNALS_SHOWN_FIRST,
  ICON_SIZE,
  MORE_PAGE,
  layoutPlan,
  planNetwork,
  type Expansion,
  type NetworkInput,
  type NetworkLayout,
  type NetworkNode,
  type NetworkPlan,
  type NetworkWords,
} from './network-layout';
import { networkElk } from './network-elk';
import { Button } from '../../components/Button';
import { RouteLink } from '../../components/RouteLink';
import { dossierRoute, subjectRoute } from './parts';

/** How many subject.get calls run at once: enough to be quick, few enough not to queue up the core. */
const PARALLEL_FETCHES = 4;

/** Runs `task` over `items`, at most `limit` at a time, answers in the items' order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Fetched {
  subjects: SubjectWithLinks[];
  errors: ApiError[];
}

/**
 * The dossier as a network: its subjects around it (shaped and coloured by type), the links between
 * them (labelled with their kind), and where they lead outside the dossier: subjects linked to them
 * and the other dossiers they occur in. Every node is a link (Tab, Enter); the same facts follow as
 * a table for screen readers and print.
 */
export function NetworkTab({ dossier }: DossierTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const matches = useCoreQuery('dossier.matches', { dossierId: dossier.id });
  const visibleLinks = useMemo(() => dossier.subjects.filter((link) => !link.protected), [dossier.subjects]);
  const hiddenCount = dossier.subjects.length - visibleLinks.length;
  const subjectIds = useMemo(() => [...new Set(visibleLinks.map((link) => link.subjectId))].sort((a, b) => a - b), [visibleLinks]);
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const [progress, setProgress] = useState(0);
  const idsKey = subjectIds.join(',');
  const reloadMatches = matches.reload;

  useEffect(() => {
    let cancelled = false;
    setProgress(0);
    const ids = idsKey === '' ? [] : idsKey.split(',').map(Number);
    void mapBounded(ids, PARALLEL_FETCHES, async (subjectId) => {
      const answer = await callCore('subject.get', { subjectId });
      if (!cancelled) setProgress((count) => count + 1);
      return answer;
    }).then((answers) => {
      if (cancelled) return;
      setFetched({
        subjects: answers.flatMap((answer) => (answer.ok ? [answer.value] : [])),
        errors: answers.flatMap((answer) => (answer.ok ? [] : [answer.error])),
      });
    });
    return () => {
      cancelled = true;
    };
  }, [idsKey, dossier.updatedAt]);

  // The dossier was fetched again after a change: so are its matches (not on the first render).
  const lastUpdate = useRef(dossier.updatedAt);
  useEffect(() => {
    if (lastUpdate.current === dossier.updatedAt) return;
    lastUpdate.current = dossier.updatedAt;
    reloadMatches();
  }, [dossier.updatedAt, reloadMatches]);

  const network = useMemo(
    () => (fetched && matches.data ? networkInput(dossier, visibleLinks, fetched.subjects, matches.data) : null),
    [dossier, visibleLinks, fetched, matches.data],
  );

  return (
    <div className="app-network">
      <h2 className="utrecht-heading-2">{t('subjects.network.heading')}</h2>
      {hiddenCount > 0 && <p className="utrecht-paragraph app-muted">{t('subjects.network.protectedLeftOut', { count: hiddenCount })}</p>}
      {matches.error && <Alert type="error">{errorText(matches.error)}</Alert>}
      {fetched && fetched.errors.length > 0 && (
        <Alert type="error">{t('subjects.network.partial', { count: fetched.errors.length, reason: errorText(fetched.errors[0]!) })}</Alert>
      )}
      {subjectIds.length === 0 ? (
        <EmptyState>
          <p className="utrecht-paragraph">{t('subjects.network.empty')}</p>
        </EmptyState>
      ) : !network ? (
        <p className="utrecht-paragraph" role="status">
          {t('subjects.network.loading', { done: progress, total: subjectIds.length })}
        </p>
      ) : (
        <NetworkView input={network} />
      )}
    </div>
  );
}

function networkInput(
  dossier: DossierTabProps['dossier'],
  visibleLinks: DossierTabProps['dossier']['subjects'],
  subjects: SubjectWithLinks[],
  matches: SubjectMatches[],
): NetworkInput {
  const roles = new Map<number, { subject: SubjectSummary; roles: SubjectRole[] }>();
  for (const link of visibleLinks) {
    const entry = roles.get(link.subjectId) ?? { subject: link.subject, roles: [] };
    if (!entry.roles.includes(link.role)) entry.roles.push(link.role);
    roles.set(link.subjectId, entry);
  }
  const links = new Map<number, NetworkInput['links'][number]>();
  const externals = new Map<number, SubjectSummary>();
  for (const subject of subjects) {
    for (const link of subject.links) {
      if (!roles.has(link.other.id)) externals.set(link.other.id, link.other);
      links.set(link.id, { id: link.id, fromId: link.fromSubjectId, toId: link.toSubjectId, kind: link.kind });
    }
  }
  const others = new Map<number, NetworkInput['otherDossiers'][number]>();
  for (const match of matches) {
    if (!roles.has(match.subjectId)) continue;
    for (const entry of match.dossiers) {
      const other = others.get(entry.dossier.id) ?? { dossier: entry.dossier, via: [] };
      const via = other.via.find((item) => item.subjectId === match.subjectId);
      if (via) via.roles = [...new Set([...via.roles, ...entry.roles])];
      else other.via.push({ subjectId: match.subjectId, roles: [...entry.roles] });
      others.set(entry.dossier.id, other);
    }
  }
  return {
    dossier,
    subjects: [...roles.values()],
    links: [...links.values()].sort((a, b) => a.id - b.id),
    externals: [...externals.values()].sort((a, b) => a.label.localeCompare(b.label, 'nl') || a.id - b.id),
    otherDossiers: [...others.values()].sort((a, b) => a.dossier.number.localeCompare(b.dossier.number)),
  };
}

// ── Drawing ─────────────────────────────────────────────────────────────────────────────────

/** A shape per type, so that the picture does not depend on colour alone; about `size` from its centre. */
function shapePath(type: SubjectType | null, kind: NetworkNode['kind'], size = ICON_SIZE / 2): string {
  const s = size;
  if (kind === 'dossier') {
    // A folder: a body with a tab.
    const w = s;
    const h = s * 0.8;
    return `M${-w},${-h} h${w * 0.8} l${s * 0.25},${s * 0.3} h${w * 1.2 - s * 0.25} v${h * 2 - s * 0.3} h${-w * 2} Z`;
  }
  switch (type) {
    case 'person':
      return `M${-s},0 a${s},${s} 0 1,0 ${s * 2},0 a${s},${s} 0 1,0 ${-s * 2},0 Z`;
    case 'organisation':
      return `M${-s * 0.9},${-s * 0.9} h${s * 1.8} v${s * 1.8} h${-s * 1.8} Z`;
    case 'address':
      return `M0,${-s} L${s * 0.9},${-s * 0.15} V${s * 0.9} H${-s * 0.9} V${-s * 0.15} Z`;
    case 'vehicle':
      return `M0,${-s} L${s},0 L0,${s} L${-s},0 Z`;
    case 'bank_account': {
      const points = Array.from({ length: 6 }, (_, index) => {
        const angle = (Math.PI / 3) * index;
        return `${(s * Math.cos(angle)).toFixed(1)},${(s * Math.sin(angle)).toFixed(1)}`;
      });
      return `M${points.join(' L')} Z`;
    }
    case 'phone':
      return `M0,${-s} L${s},${s * 0.8} H${-s} Z`;
    case 'email':
      return `M${-s},${-s * 0.65} h${s * 2} v${s * 1.3} h${-s * 2} Z M${-s},${-s * 0.65} L0,${s * 0.15} L${s},${-s * 0.65}`;
    default:
      return `M${-s},0 a${s},${s} 0 1,0 ${s * 2},0 a${s},${s} 0 1,0 ${-s * 2},0 Z`;
  }
}

function nodeClass(node: Pick<NetworkNode, 'kind' | 'type'>): string {
  if (node.kind === 'dossier') return 'app-network__shape app-network__shape--dossier';
  return `app-network__shape app-network__shape--${node.type}${node.kind === 'external' ? ' app-network__shape--external' : ''}`;
}

/** The most the drawing is enlarged to fill its panel: a small network should not turn into a poster. */
const MAX_FIT_ZOOM = 1.25;
const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 3;

/** The panel's size: its width as laid out, its height a share of the window. */
function usePanelSize(element: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    const measure = () => setSize({ width: target.clientWidth, height: Math.max(320, Math.min(720, Math.round(window.innerHeight * 0.7))) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

const panelSize = (key: string) => {
  const [width, height] = key.split('x').map(Number);
  return { width: width!, height: height! };
};

function useNetworkWords(): NetworkWords {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      linkKind: (kind) => t(`domain.linkKind.${kind}`),
      more: (hidden) =>
        [
          hidden.externals > 0 ? t('subjects.network.moreExternals', { count: hidden.externals }) : null,
          hidden.dossiers > 0 ? t('subjects.network.moreDossiers', { count: hidden.dossiers }) : null,
        ]
          .filter(Boolean)
          .join(', '),
    }),
    [t],
  );
}

function NetworkView({ input }: { input: NetworkInput }) {
  const { t } = useTranslation();
  const words = useNetworkWords();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panel = usePanelSize(canvasRef);
  const [expansion, setExpansion] = useState<Expansion>(new Map());
  const [layout, setLayout] = useState<NetworkLayout | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [zoom, setZoom] = useState<number | null>(null);
  const plan = useMemo(() => planNetwork(input, expansion, words), [input, expansion, words]);
  // Laid out again when the panel changes shape noticeably, not at every pixel of a resize.
  const panelKey = panel.width > 0 ? `${Math.round(panel.width / 40) * 40}x${Math.round(panel.height / 40) * 40}` : '960x600';

  useEffect(() => {
    let cancelled = false;
    layoutPlan(networkElk(), plan, panelSize(panelKey)).then(
      (result) => {
        if (cancelled) return;
        setLayout(result);
        setFailed(null);
      },
      (error: unknown) => {
        if (!cancelled) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [plan, panelKey]);

  const showMore = (subjectId: number) =>
    setExpansion((current) => {
      const next = new Map(current);
      const shown = current.get(subjectId) ?? Math.min(plan.outsideOf.get(subjectId)?.filter((key) => key.startsWith('external-')).length ?? 0, EXTERNALS_SHOWN_FIRST);
      next.set(subjectId, shown + MORE_PAGE);
      return next;
    });

  // The panel's inner size: its border (1 px each side) is not room for the drawing.
  const fitZoom =
    layout && panel.width > 0 && layout.viewBox.width > 0 ? Math.min(MAX_FIT_ZOOM, panel.width / layout.viewBox.width, (panel.height - 2) / layout.viewBox.height) : 1;
  const scale = zoom ?? fitZoom;
  const presentTypes = SUBJECT_TYPES.filter((type) => plan.nodes.some((node) => node.type === type));

  return (
    <>
      <NetworkLegend types={presentTypes} hasExternals={input.externals.length > 0} hasDossiers={input.otherDossiers.length > 0} />
      {plan.folded && <p className="utrecht-paragraph app-muted">{t('subjects.network.foldedNote', { count: MORE_PAGE })}</p>}
      <div className="app-network__toolbar" role="group" aria-label={t('subjects.network.zoomGroup')}>
        <Button appearance="subtle" onClick={() => setZoom(Math.min(MAX_ZOOM, scale * ZOOM_STEP))} disabled={!layout}>
          {t('subjects.network.zoomIn')}
        </Button>
        <Button appearance="subtle" onClick={() => setZoom(Math.max(MIN_ZOOM, scale / ZOOM_STEP))} disabled={!layout}>
          {t('subjects.network.zoomOut')}
        </Button>
        <Button appearance="subtle" onClick={() => setZoom(null)} disabled={!layout || zoom === null}>
          {t('subjects.network.fit')}
        </Button>
        {expansion.size > 0 && (
          <Button appearance="subtle" onClick={() => setExpansion(new Map())}>
            {t('subjects.network.foldAll')}
          </Button>
        )}
        <span className="app-muted" aria-live="polite">
          {t('subjects.network.zoomLevel', { percent: Math.round(scale * 100) })}
        </span>
      </div>
      {failed && <Alert type="error">{t('subjects.network.layoutFailed', { reason: failed })}</Alert>}
      <div className="app-network__canvas" ref={canvasRef} style={{ maxHeight: `${panel.height}px` }}>
        {!layout ? (
          <p className="utrecht-paragraph app-network__drawing" role="status">
            {t('subjects.network.drawing')}
          </p>
        ) : (
          <NetworkSvg input={input} layout={layout} scale={scale} onShowMore={showMore} />
        )}
      </div>
      <NetworkTable input={input} plan={plan} onShowMore={showMore} />
    </>
  );
}

function NetworkSvg({ input, layout, scale, onShowMore }: { input: NetworkInput; layout: NetworkLayout; scale: number; onShowMore(subjectId: number): void }) {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.open);
  const titleId = useId();
  const descriptionId = useId();
  const subjectById = new Map(input.subjects.map((entry) => [entry.subject.id, entry]));
  const otherById = new Map(input.otherDossiers.map((other) => [other.dossier.id, other]));

  const describe = (node: NetworkNode): string => {
    if (node.kind === 'dossier') {
      const other = otherById.get(node.id)!;
      return t('subjects.network.dossierTitle', {
        label: node.label,
        via: other.via.map((via) => `${subjectById.get(via.subjectId)?.subject.label ?? ''} (${via.roles.map((role) => t(`domain.role.${role}`)).join(', ')})`).join('; '),
      });
    }
    const typeLabel = t(`domain.subjectType.${node.type!}`);
    if (node.kind === 'external') return t('subjects.network.externalTitle', { label: node.label, type: typeLabel });
    const roles =
      subjectById
        .get(node.id)
        ?.roles.map((role) => t(`domain.role.${role}`))
        .join(', ') ?? '';
    return t('subjects.network.subjectTitle', { label: node.label, type: typeLabel, roles });
  };

  const openNode = (event: MouseEvent, node: NetworkNode) => {
    event.preventDefault();
    if (node.kind === 'dossier') open(dossierRoute(node.id));
    else open(subjectRoute(node.id, input.dossier.id));
  };
  const onMoreKey = (event: KeyboardEvent, subjectId: number) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onShowMore(subjectId);
  };

  const { viewBox } = layout;
  return (
    <svg
      className="app-network__svg"
      viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
      width={Math.floor(viewBox.width * scale)}
      height={Math.floor(viewBox.height * scale)}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid="network-svg"
    >
      <title id={titleId}>{t('subjects.network.svgTitle', { number: input.dossier.number })}</title>
      <desc id={descriptionId}>
        {t('subjects.network.svgDescription', { subjects: input.subjects.length, links: input.links.length, dossiers: input.otherDossiers.length })}
      </desc>
      <g className="app-network__edges" aria-hidden="true">
        {layout.edges.map((edge) => (
          <path
            key={edge.key}
            d={edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ')}
            className={`app-network__edge app-network__edge--${edge.kind}`}
            data-edge-kind={edge.kind}
          />
        ))}
      </g>
      <g className="app-network__edge-labels" aria-hidden="true">
        {layout.edges.map((edge) =>
          edge.label ? (
            <text key={edge.key} x={edge.label.x + edge.label.width / 2} y={edge.label.y + edge.label.height - 4} textAnchor="middle" className="app-network__edge-label">
              {edge.label.text}
            </text>
          ) : null,
        )}
      </g>
      <g className="app-network__nodes">
        {layout.nodes.map((node) => {
          const full = describe(node);
          const more = node.more;
          const cardWidth = node.width - (more?.badgeWidth ?? 0);
          const link = (
            <a
              href={node.kind === 'dossier' ? `#dossier-${node.id}` : `#subject-${node.id}`}
              className={`app-network__node app-network__node--${node.kind}`}
              data-node-kind={node.kind}
              aria-label={full}
              onClick={(event) => openNode(event, node)}
            >
              <g transform={`translate(${node.x},${node.y})`}>
                <title>{full}</title>
                <rect width={cardWidth} height={node.height} rx={6} className={`app-network__card app-network__card--${node.kind}`} />
                <path d={shapePath(node.type, node.kind)} transform={`translate(${CARD_PADDING + ICON_SIZE / 2},${node.height / 2})`} className={nodeClass(node)} />
                <text x={CARD_PADDING + ICON_SIZE + 5} y={node.height / 2 + 4.5} className={`app-network__label app-network__label--${node.kind}`}>
                  {node.shortLabel}
                </text>
              </g>
            </a>
          );
          if (!more) return <g key={node.key}>{link}</g>;
          // The count sits on the card's right end: a button of its own, beside the subject's link.
          const moreLabel = t('subjects.network.moreTitle', { label: node.label, hidden: more.text, count: MORE_PAGE });
          return (
            <g key={node.key}>
              {link}
              <g
                role="button"
                tabIndex={0}
                className="app-network__node app-network__node--more"
                data-node-kind="more"
                aria-label={moreLabel}
                onClick={() => onShowMore(node.id)}
                onKeyDown={(event) => onMoreKey(event, node.id)}
              >
                <g transform={`translate(${node.x + cardWidth},${node.y})`}>
                  <title>{moreLabel}</title>
                  <rect x={-3} width={more.badgeWidth + 3} height={node.height} rx={6} className="app-network__card app-network__card--more" />
                  <text x={more.badgeWidth / 2} y={node.height / 2 + 4.5} textAnchor="middle" className="app-network__label app-network__label--more">
                    {more.badge}
                  </text>
                </g>
              </g>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

function LegendSwatch({ kind, type }: { kind: NetworkNode['kind']; type: SubjectType | null }) {
  return (
    <svg className="app-network__swatch" width="34" height="30" viewBox="-17 -15 34 30" aria-hidden="true">
      <path d={shapePath(type, kind, 10)} className={nodeClass({ kind, type })} />
    </svg>
  );
}

function NetworkLegend({ types, hasExternals, hasDossiers }: { types: SubjectType[]; hasExternals: boolean; hasDossiers: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="app-network__legend">
      <h3 className="utrecht-heading-3 app-network__legend-title">{t('subjects.network.legend')}</h3>
      <ul className="app-network__legend-list">
        {types.map((type) => (
          <li key={type}>
            <LegendSwatch kind="subject" type={type} />
            {t(`domain.subjectType.${type}`)}
          </li>
        ))}
        {hasExternals && (
          <li>
            <LegendSwatch kind="external" type="person" />
            {t('subjects.network.legendExternal')}
          </li>
        )}
        {hasDossiers && (
          <li>
            <LegendSwatch kind="dossier" type={null} />
            {t('subjects.network.legendDossier')}
          </li>
        )}
      </ul>
    </div>
  );
}

/** The same facts as rows: who is linked to what, for screen readers and on paper; folded as the drawing is. */
function NetworkTable({ input, plan, onShowMore }: { input: NetworkInput; plan: NetworkPlan; onShowMore(subjectId: number): void }) {
  const { t } = useTranslation();
  const captionId = useId();
  const dossierId = input.dossier.id;
  const labelOf = new Map<number, string>([
    ...input.subjects.map((entry) => [entry.subject.id, entry.subject.label] as const),
    ...input.externals.map((external) => [external.id, external.label] as const),
  ]);
  const subjectLink = (id: number): ReactNode => <RouteLink route={subjectRoute(id, dossierId)}>{labelOf.get(id) ?? ''}</RouteLink>;
  const drawn = new Set(plan.edges.map((edge) => edge.key));
  const folded = plan.nodes.filter((node) => node.more);
  const own = new Set(input.subjects.map((entry) => entry.subject.id));
  const rows: Array<{ key: string; from: ReactNode; relation: string; to: ReactNode }> = [
    ...input.subjects.map((entry) => ({
      key: `member-${entry.subject.id}`,
      from: subjectLink(entry.subject.id),
      relation: t('subjects.network.relationMember', { roles: entry.roles.map((role) => t(`domain.role.${role}`)).join(', ') }),
      to: <>{t('subjects.network.thisDossier', { number: input.dossier.number })}</>,
    })),
    ...input.links
      .filter((link) => (own.has(link.fromId) && own.has(link.toId)) || drawn.has(`link-${link.id}`))
      .map((link) => ({ key: `link-${link.id}`, from: subjectLink(link.fromId), relation: t(`domain.linkKind.${link.kind}`), to: subjectLink(link.toId) })),
    ...input.otherDossiers.flatMap((other) =>
      other.via
        .filter((via) => drawn.has(`also-${other.dossier.id}-${via.subjectId}`))
        .map((via) => ({
          key: `also-${other.dossier.id}-${via.subjectId}`,
          from: subjectLink(via.subjectId),
          relation: t('subjects.network.relationAlsoIn', { roles: via.roles.map((role) => t(`domain.role.${role}`)).join(', ') }),
          to: (
            <RouteLink route={dossierRoute(other.dossier.id)}>
              {other.dossier.number} {other.dossier.title}
            </RouteLink>
          ),
        })),
    ),
    ...folded.map((node) => ({
      key: `more-${node.id}`,
      from: subjectLink(node.id),
      relation: t('subjects.network.relationFolded'),
      to: (
        <>
          {node.more!.text}{' '}
          <Button
            appearance="subtle"
            aria-label={t('subjects.network.moreTitle', { label: node.label, hidden: node.more!.text, count: MORE_PAGE })}
            onClick={() => onShowMore(node.id)}
          >
            {t('subjects.network.showMore', { count: MORE_PAGE })}
          </Button>
        </>
      ),
    })),
  ];
  return (
    <div className="utrecht-table-container app-network__table">
      <table className="utrecht-table utrecht-table--html-table" aria-labelledby={captionId}>
        <caption className="utrecht-table__caption" id={captionId}>
          {t('subjects.network.tableCaption')}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.network.from')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.network.relation')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('subjects.network.to')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.key} className="utrecht-table__row">
              <td className="utrecht-table__cell">{row.from}</td>
              <td className="utrecht-table__cell">{row.relation}</td>
              <td className="utrecht-table__cell">{row.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
