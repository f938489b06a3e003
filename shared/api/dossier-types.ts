import type {
  ClosingReason,
  DossierStatus,
  HowReceived,
  InformationGrade,
  MatchKeyKind,
  MeasureKind,
  MeasureStage,
  Partner,
  Priority,
  SourceGrade,
  SubjectLinkKind,
  SubjectRole,
  SubjectType,
  TlpCode,
} from '../domain/enums';
import type { Provenance } from '../domain/sharing';
import type { SubjectDetails } from './subject-details';

/** What the dossier handlers answer. Dates the user states are ISO dates; `...At` are ISO timestamps. */

/** The 4x4 grading and the handling code that every fact carries, shown wherever the fact is shown. */
export interface Weighed {
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
}

export interface Page<T> {
  items: T[];
  /** All rows that match the filter, for the scroll bar of a virtualised list. */
  total: number;
  limit: number;
  offset: number;
}

export interface Phenomenon {
  id: number;
  /** Stable: `drugs`, `drugs.hennepteelt`, or made from the label for the vault's own additions. */
  code: string;
  label: string;
  /** The phenomenon of a sub-form; null for a phenomenon. */
  parentId: number | null;
  isSeed: boolean;
}

export type PhenomenonRef = Pick<Phenomenon, 'id' | 'code' | 'label' | 'parentId'>;

export interface DossierRef {
  id: number;
  number: string;
  title: string;
  status: DossierStatus;
}

export interface SignalSummary extends Weighed {
  id: number;
  receivedOn: string;
  howReceived: HowReceived;
  summary: string;
  location: string | null;
  phenomenon: PhenomenonRef | null;
  dossier: DossierRef | null;
}

export interface Signal extends SignalSummary {
  description: string | null;
  /** Protected unless `reporterProtected` is false: never exported or printed. */
  reporterName: string | null;
  reporterContact: string | null;
  reporterProtected: boolean;
  origin: Partner | null;
  legalBasis: string | null;
  purpose: string | null;
  retentionUntil: string | null;
  createdAt: string;
  updatedAt: string;
  /** Who supplied it, the basis of receipt and its use restriction (the list rows leave it out). */
  provenance: Provenance;
}

export interface DossierSummary extends DossierRef {
  closingReason: ClosingReason | null;
  priority: Priority;
  owner: string | null;
  tlp: TlpCode;
  openedOn: string;
  updatedAt: string;
  phenomena: PhenomenonRef[];
}

export interface Dossier extends DossierSummary {
  summary: string | null;
  partners: Partner[];
  legalBasis: string | null;
  purpose: string | null;
  retentionUntil: string | null;
  createdAt: string;
  /** Where the status may go from here (the transition table), for the UI's choices. */
  nextStatuses: DossierStatus[];
  signals: SignalSummary[];
  subjects: Array<DossierLink & { subject: SubjectSummary }>;
}

export interface StatusChange {
  id: number;
  dossierId: number;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  /** The date of the decision, as the user stated it. */
  changedOn: string;
  recordedAt: string;
  actor: string;
  reason: string | null;
  closingReason: ClosingReason | null;
}

export interface Note extends Weighed {
  id: number;
  dossierId: number;
  notedOn: string;
  author: string;
  body: string;
  /** The partner the information comes from, if any. */
  partner: Partner | null;
  /** Internal notes stay out of anything shared with partners. */
  internal: boolean;
  createdAt: string;
  provenance: Provenance;
}

export interface SubjectSummary extends Weighed {
  id: number;
  type: SubjectType;
  label: string;
}

/** A subject in subject.list: `protected` when it is linked to the listed dossier (or to any dossier) only as melder. */
export type ListedSubject = SubjectSummary & { protected: boolean };

export type Subject = SubjectSummary & {
  details: SubjectDetails;
  createdAt: string;
  updatedAt: string;
};

export interface Period {
  validFrom: string | null;
  validUntil: string | null;
}

export interface DossierLink extends Weighed, Period {
  id: number;
  subjectId: number;
  dossierId: number;
  role: SubjectRole;
  source: string | null;
  createdAt: string;
  /** A melder link (the reporter's identity): returned only within its own dossier, to be hidden by default. */
  protected: boolean;
  provenance: Provenance;
}

export interface SubjectLink extends Weighed, Period {
  id: number;
  fromSubjectId: number;
  toSubjectId: number;
  kind: SubjectLinkKind;
  source: string | null;
  createdAt: string;
  provenance: Provenance;
}

/** A subject with everything it is linked to: the material of the network view. */
export type SubjectWithLinks = Subject & {
  dossiers: Array<DossierLink & { dossier: DossierRef }>;
  /** Links in both directions; `other` is the subject at the far end. */
  links: Array<SubjectLink & { direction: 'outgoing' | 'incoming'; other: SubjectSummary }>;
};

/** "Komt ook voor in". */
export interface SubjectMatches {
  subjectId: number;
  /** Other subjects that share a match key: probably the same one, so candidates to merge. */
  lookalikes: Array<{ subject: SubjectSummary; matchedOn: MatchKeyKind[] }>;
  /** The dossiers in which this subject or a look-alike appears (without the excluded dossier). */
  dossiers: Array<{ dossier: DossierRef; subjectId: number; roles: SubjectRole[] }>;
}

export interface MergeResult {
  subject: Subject;
  movedDossierLinks: number;
  movedSubjectLinks: number;
  /** Links between the two merged subjects, which would now point from the subject to itself. */
  droppedSelfLinks: number;
  /** Fields of the kept subject that were empty and were taken from the merged one. */
  filledFields: string[];
}

export interface Measure {
  id: number;
  dossierId: number;
  kind: MeasureKind;
  description: string | null;
  partner: Partner | null;
  plannedOn: string | null;
  startedOn: string | null;
  decidedOn: string | null;
  stage: MeasureStage;
  outcome: string | null;
  tlp: TlpCode;
  createdAt: string;
  updatedAt: string;
  provenance: Provenance;
}

/** What the timeline of a dossier is made of. */
export const TIMELINE_KINDS = ['signal', 'note', 'status', 'measure', 'attachment', 'subject'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** A measure appears up to three times on the timeline: when it was planned, started and decided. */
export type MeasureEvent = 'planned' | 'started' | 'decided';

interface TimelineEntryBase {
  /** The calendar day the entry is ordered by (ISO date): a stated date, or the local day of a timestamp. */
  date: string;
  /** When the item was recorded (ISO timestamp): the order within one day. */
  recordedAt: string;
  /** Who did it, where the vault knows: a note's author, a status change's actor, who added an attachment. */
  actor: string | null;
  /**
   * The item's own short text: a signal's summary, the start of a note, a measure's description, a
   * file name, a subject's label, a status change's reason. Null when it has none.
   */
  label: string | null;
}

/** One line of a dossier's timeline, with the ids to open the item. Melder links never appear. */
export type TimelineEntry = TimelineEntryBase &
  (
    | ({ kind: 'signal'; signalId: number; howReceived: HowReceived } & Weighed)
    | ({ kind: 'note'; noteId: number; partner: Partner | null; internal: boolean } & Weighed)
    | { kind: 'status'; statusChangeId: number; fromStatus: DossierStatus | null; toStatus: DossierStatus; closingReason: ClosingReason | null }
    | { kind: 'measure'; measureId: number; event: MeasureEvent; measureKind: MeasureKind; stage: MeasureStage; partner: Partner | null; tlp: TlpCode }
    | ({ kind: 'attachment'; attachmentId: number; mediaType: string; byteSize: number } & Weighed)
    | ({ kind: 'subject'; linkId: number; subjectId: number; subjectType: SubjectType; role: SubjectRole } & Weighed)
  );

export const TRASH_KINDS = ['signal', 'dossier', 'subject', 'note', 'measure', 'attachment'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

export interface TrashItem {
  kind: TrashKind;
  id: number;
  /** What the list shows: a dossier's number and title, a signal's summary, a subject's label, the start of a note, a measure's kind (its code). */
  label: string;
  deletedAt: string;
}
