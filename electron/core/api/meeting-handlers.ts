import type { meetingApi } from '../../../shared/api/meetings';
import { dossierContextFor, type DossierContext } from '../dossiers/context';
import { actionOverview, addAction, addItem, applyOutcome, createMeeting, getMeeting, listMeetings, removeItem, setActionDone, updateItem, updateMeeting } from '../meetings/meetings';
import type { Vault } from '../vault/vault';
import type { HandlerImplementations } from './handler-types';

/** Meetings over the open vault (electron/core/meetings). */
export function createMeetingHandlers(requireVault: () => Vault, now?: () => Date): HandlerImplementations<keyof typeof meetingApi> {
  const context = (): DossierContext => dossierContextFor(requireVault(), now);
  return {
    'meeting.create': (input) => createMeeting(context(), input),
    'meeting.list': () => listMeetings(context()),
    'meeting.get': ({ meetingId }) => getMeeting(context(), meetingId),
    'meeting.update': (input) => updateMeeting(context(), input),
    'meeting.addItem': (input) => addItem(context(), input),
    'meeting.updateItem': (input) => updateItem(context(), input),
    'meeting.removeItem': ({ itemId }) => removeItem(context(), itemId),
    'meeting.addAction': (input) => addAction(context(), input),
    'meeting.setActionDone': (input) => setActionDone(context(), input),
    'meeting.applyOutcome': (input) => applyOutcome(context(), input),
    'meeting.actions': (input) => actionOverview(context(), input),
  };
}
