import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MeetingKind } from '../../../shared/api/meetings';
import { formatDutchDate } from '../../../shared/domain/validation';
import { organisationCodeSchema, type Audience } from '../../../shared/domain/sharing';
import { Core } from '../api/core';
import type { VaultOptions } from '../vault/vault';
import { UsageError, positional, takeFlag, takeOption, takeOptions } from './args';
import { FLAGS, type Flag } from './flags';
import { noteIfReadOnly } from './error-line';

const MINUTES = FLAGS.minutes;
/** `--recipient` too, as for bundles: the same Dutch word. */
const AUDIENCE: Flag = { name: FLAGS.audience.name, aliases: [...FLAGS.audience.aliases, ...FLAGS.recipient.aliases] };

export const MEETING_USAGE = `Overleggen:
  overleggen <kluis>                       Toon de overleggen, één per regel: id, datum, soort, titel.
  agenda <kluis> <id> --pdf <bestand> [--verslag] [--ontvanger <organisatiecode>...] [--overschrijven]
                                           Schrijf de agenda (of met --verslag het verslag) als PDF,
                                           zoals het scherm dat doet: voor de deelnemers, of voor de
                                           organisaties die --ontvanger noemt. Wat niet mee mag, blijft
                                           weg; wat is weggelaten en waarom, staat op stderr.`;

const KIND_WORDS: Record<MeetingKind, string> = {
  informatieplein: 'informatieplein',
  lokale_driehoek: 'lokale driehoek',
  stuurploeg: 'stuurploeg',
  casustafel: 'casustafel',
  intern_overleg: 'intern overleg',
};

interface MeetingRuntime {
  options: VaultOptions;
  usage: string;
  credential(): Promise<string>;
  say(line: string): void;
  note(line: string): void;
}

/**
 * `kluis overleggen` and `kluis agenda`: through a Core like the app (meeting.list,
 * meeting.exportPdf), so the regime, the register and the audit entries are the app's own.
 */
export async function runMeetingCommand(command: 'overleggen' | 'agenda', args: string[], runtime: MeetingRuntime): Promise<void> {
  if (command === 'overleggen') {
    const [vaultPath] = positional(args, 1, runtime.usage);
    await withCore(vaultPath!, runtime, async (core) => {
      const meetings = await core.call('meeting.list', {});
      if (meetings.length === 0) runtime.note('Deze kluis bevat nog geen overleggen.');
      for (const meeting of meetings) runtime.say(`${meeting.id}  ${formatDutchDate(meeting.heldOn)}  ${KIND_WORDS[meeting.kind]}  ${meeting.title}`);
    });
    return;
  }
  const pdfPath = takeOption(args, FLAGS.pdf);
  const minutes = takeFlag(args, MINUTES);
  const overwrite = takeFlag(args, FLAGS.overwrite);
  const organisations = takeOptions(args, AUDIENCE);
  const [vaultPath, idText] = positional(args, 2, runtime.usage);
  if (!pdfPath) throw new UsageError(`Geef --pdf <bestand>.\n\n${runtime.usage}`);
  if (!/^[1-9]\d{0,8}$/.test(idText!)) throw new UsageError(`"${idText}" is geen overleg-id; kluis overleggen <kluis> toont ze.`);
  for (const code of organisations) {
    if (!organisationCodeSchema.safeParse(code).success) throw new UsageError(`"${code}" is geen organisatiecode (zoals politie of woningcorporatie).`);
  }
  const audience: Audience | undefined =
    organisations.length === 0 ? undefined : { kind: 'recipients', members: organisations.map((organisation) => ({ organisation, person: null, verified: false })) };
  await withCore(vaultPath!, runtime, async (core) => {
    const part = minutes ? 'verslag' : 'agenda';
    const written = await core.call('meeting.exportPdf', { meetingId: Number(idText), part, audience, targetPath: path.resolve(pdfPath), overwrite });
    const { output } = written;
    runtime.say(
      `${minutes ? 'Verslag' : 'Agenda'} geschreven: ${written.path} (TLP:${output.marking}, voor ${output.audience.kind === 'internal' ? 'intern gebruik' : output.audienceText}, ${written.bytes} bytes).`,
    );
    if (output.notIncluded.length > 0) {
      runtime.note('Niet opgenomen:');
      for (const line of output.notIncluded) runtime.note(`- ${line}`);
    }
  });
}

async function withCore(vaultPath: string, runtime: MeetingRuntime, work: (core: Core) => Promise<void>): Promise<void> {
  const passphrase = await runtime.credential();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-cli-'));
  const core = new Core({ userDataDir, host: 'browser', appVersion: 'cli', vault: runtime.options });
  try {
    noteIfReadOnly(await core.call('vault.unlock', { path: path.resolve(vaultPath), passphrase }), runtime.note);
    await work(core);
  } finally {
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
