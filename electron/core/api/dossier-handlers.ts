import type { dossierApi } from '../../../shared/api/dossiers';
import { coreContextFor, type CoreContext } from '../kernel/context';
import { createDossier, getDossier, listDossiers, updateDossier } from '../dossiers/dossiers';
import { linkSubjects, linkSubjectToDossier, unlinkSubjectFromDossier, unlinkSubjects } from '../dossiers/links';
import { dossierMatches, subjectMatches } from '../dossiers/matching';
import { addMeasure, listMeasures, updateMeasure } from '../dossiers/measures';
import { mergeSubjects } from '../dossiers/merge';
import { addNote, listNotes } from '../dossiers/notes';
import { addPhenomenon, listPhenomena } from '../dossiers/phenomena';
import { attachSignalToDossier, createSignal, getSignal, listSignals, signalToDossier, updateSignal } from '../dossiers/signals';
import { changeDossierStatus, dossierStatusHistory } from '../dossiers/status';
import { createSubject, getSubject, listSubjects, updateSubject } from '../dossiers/subjects';
import { dossierTimeline } from '../dossiers/timeline';
import { emptyTrash, listTrash, moveToTrash, restoreFromTrash } from '../dossiers/trash';
import type { Vault } from '../vault/vault';
import type { HandlerImplementations } from '../kernel/handler-types';

/**
 * The dossier handlers over the open vault. `requireVault` answers VAULT_LOCKED when none is
 * open; each call gets a fresh context, so the actor is the vault's current display name.
 */
export function createDossierHandlers(requireVault: () => Vault, now?: () => Date): HandlerImplementations<keyof typeof dossierApi> {
  const context = (): CoreContext => coreContextFor(requireVault(), now);
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
  };
}
