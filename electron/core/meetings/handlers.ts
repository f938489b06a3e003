import type { meetingApi } from '../../../shared/api/meetings';
import { actionOverview, addAction, addItem, applyOutcome, createMeeting, getMeeting, listMeetings, removeItem, setActionDone, updateItem, updateMeeting } from './meetings';
import { decideMeeting } from './output';
import { renderMeeting } from './print';
import { inTransaction } from '../kernel/context';
import { writableTarget, writeOutputFile } from '../kernel/output-files';
import { suggestedFileName } from '../../../shared/domain/file-names';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import { organisationNames } from '../sharing/audience';
import { recordDisclosure } from '../sharing/regime';

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
    'meeting.preview': ({ meetingId, part, audience, override }) => decideMeeting(context(), meetingId, part, audience, override).output,
    'meeting.printed': ({ meetingId, part, audience, override }) => {
      const own = context();
      return inTransaction(own, () => {
        const { output, decision } = decideMeeting(own, meetingId, part, audience, override);
        recordDisclosure(own, { output: part, channel: 'print', audience: output.audience, decision });
        return output;
      });
    },
    'meeting.exportPdf': async ({ meetingId, part, audience, override, targetPath, overwrite }) => {
      const vault = requireVault();
      const own = context();
      const { output, decision } = decideMeeting(own, meetingId, part, audience, override);
      const target = writableTarget(vault, targetPath, overwrite, suggestedFileName.meeting(output.heldOn, part));
      const bytes = await renderPdf(renderMeeting(output, 'pdf', organisationNames(own)));
      writeOutputFile(target, bytes, `write meeting ${part}`);
      // Calls run one after another (Core's queue): the register gets the decision the file was made from.
      inTransaction(own, () => {
        own.audit('meeting.exported', { meetingId, part, path: target });
        recordDisclosure(own, { output: part, channel: 'pdf', audience: output.audience, decision, path: target });
      });
      return { path: target, bytes: bytes.byteLength, output };
    },
  };
}
