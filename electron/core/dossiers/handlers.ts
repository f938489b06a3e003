import type { dossierApi } from '../../../shared/api/dossiers';
import type { searchApi } from '../../../shared/api/search';
import { createDossier, getDossier, listDossiers, updateDossier } from './dossiers';
import { linkSubjects, linkSubjectToDossier, unlinkSubjectFromDossier, unlinkSubjects } from './links';
import { dossierMatches, subjectMatches } from './matching';
import { addMeasure, listMeasures, updateMeasure } from './measures';
import { mergeSubjects } from './merge';
import { addNote, listNotes } from './notes';
import { addPhenomenon, listPhenomena } from './phenomena';
import { attachSignalToDossier, createSignal, getSignal, listSignals, signalToDossier, updateSignal } from './signals';
import { changeDossierStatus, dossierStatusHistory } from './status';
import { createSubject, getSubject, listSubjects, updateSubject } from './subjects';
import { dossierTimeline } from './timeline';
import { emptyTrash, listTrash, moveToTrash, restoreFromTrash } from './trash';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import { search } from './search';

/** Signals, dossiers, subjects, notes, measures, the trash and the search over the open vault. */
export function createDossierHandlers({ context }: HandlerDependencies): HandlerImplementations<keyof typeof dossierApi | keyof typeof searchApi> {
  return {
    'phenomenon.list': () => listPhenomena(context()),
    'phenomenon.add': (input) => addPhenomenon(context(), input),

    'signal.create': (input) => createSignal(context(), input),
    'signal.get': ({ signalId }) => getSignal(context(), signalId),
    'signal.list': (filter) => listSignals(context(), filter),
    'signal.update': (input) => updateSignal(context(), input),
    'signal.attachToDossier': (input) => attachSignalToDossier(context(), input),
    'signal.toDossier': (input) => signalToDossier(context(), input),

    'dossier.create': (input) => createDossier(context(), input),
    'dossier.get': ({ dossierId }) => getDossier(context(), dossierId),
    'dossier.list': (filter) => listDossiers(context(), filter),
    'dossier.update': (input) => updateDossier(context(), input),
    'dossier.changeStatus': (input) => changeDossierStatus(context(), input),
    'dossier.history': ({ dossierId }) => dossierStatusHistory(context(), dossierId),
    'dossier.timeline': (input) => dossierTimeline(context(), input),
    'dossier.matches': ({ dossierId }) => dossierMatches(context(), dossierId),

    'note.add': (input) => addNote(context(), input),
    'note.list': (input) => listNotes(context(), input),

    'subject.create': (input) => createSubject(context(), input),
    'subject.get': ({ subjectId }) => getSubject(context(), subjectId),
    'subject.update': (input) => updateSubject(context(), input),
    'subject.list': (filter) => listSubjects(context(), filter),
    'subject.linkToDossier': (input) => linkSubjectToDossier(context(), input),
    'subject.link': (input) => linkSubjects(context(), input),
    'subject.unlinkFromDossier': ({ linkId }) => unlinkSubjectFromDossier(context(), linkId),
    'subject.unlink': ({ linkId }) => unlinkSubjects(context(), linkId),
    'subject.matches': (input) => subjectMatches(context(), input),
    'subject.merge': (input) => mergeSubjects(context(), input),

    'measure.add': (input) => addMeasure(context(), input),
    'measure.update': (input) => updateMeasure(context(), input),
    'measure.list': ({ dossierId }) => listMeasures(context(), dossierId),

    'trash.move': (input) => moveToTrash(context(), input),
    'trash.list': () => listTrash(context()),
    'trash.restore': (input) => restoreFromTrash(context(), input),
    'trash.empty': () => emptyTrash(context()),

    'search.query': (input) => search(context(), input),
  };
}
