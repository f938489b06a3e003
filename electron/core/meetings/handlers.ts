import type { meetingApi } from '../../../shared/api/meetings';
import { actionOverview, addAction, addItem, applyOutcome, createMeeting, getMeeting, listMeetings, removeItem, setActionDone, updateItem, updateMeeting } from './meetings';
import { renderMeeting } from './print';
import { writableTarget, writeOutputFile } from '../kernel/output-files';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';

/** Meetings over the open vault (electron/core/meetings). */
export function createMeetingHandlers({ requireVault, context, renderPdf }: HandlerDependencies): HandlerImplementations<keyof typeof meetingApi> {
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
    'meeting.exportPdf': async ({ meetingId, part, targetPath, overwrite }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite);
      const rendered = renderMeeting(getMeeting(context(), meetingId), part, 'pdf');
      const bytes = await renderPdf(rendered);
      writeOutputFile(target, bytes, `write meeting ${part}`);
      vault.audit('meeting.exported', { meetingId, part, path: target });
      return { path: target, bytes: bytes.byteLength };
    },
  };
}
