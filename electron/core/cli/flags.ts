/**
 * Every option of kluis, by its Dutch name: kluis speaks Dutch first, like the app. Each also has
 * its English name as an alias, so that scripts written with either keep working (the first
 * versions mixed `--overschrijven` with `--overwrite` and `--jaar` with `--year`).
 */
export interface Flag {
  /** The name `kluis help` shows and error messages use. */
  readonly name: `--${string}`;
  readonly aliases: readonly `--${string}`[];
}

export const FLAGS = {
  displayName: { name: '--naam', aliases: ['--name'] },
  overwrite: { name: '--overschrijven', aliases: ['--overwrite'] },
  recoveryKey: { name: '--herstelsleutel', aliases: ['--recovery-key'] },
  year: { name: '--jaar', aliases: ['--year'] },
  csv: { name: '--csv', aliases: [] },
  pdf: { name: '--pdf', aliases: [] },
  docx: { name: '--docx', aliases: [] },
  card: { name: '--kaart', aliases: ['--card'] },
  ageIdentity: { name: '--age-sleutel', aliases: ['--age-identity'] },
  organisation: { name: '--organisatie', aliases: ['--organisation'] },
  verified: { name: '--vergeleken', aliases: ['--verified'] },
  dossier: { name: '--dossier', aliases: [] },
  recipient: { name: '--ontvanger', aliases: ['--recipient'] },
  /** The organisations a print or PDF is for (the sharing regime): the same Dutch word as a bundle's recipient. */
  audience: { name: '--ontvanger', aliases: ['--audience'] },
  internal: { name: '--intern', aliases: ['--internal'] },
  bundlePassphrase: { name: '--bundelwachtwoord', aliases: ['--passphrase'] },
  out: { name: '--naar', aliases: ['--out'] },
  tlpOverride: { name: '--tlp-overschrijven', aliases: ['--tlp-override'] },
  includeReporter: { name: '--met-melder', aliases: ['--include-reporter'] },
  includeBsn: { name: '--met-bsn', aliases: ['--include-bsn'] },
  includeInternalNotes: { name: '--met-interne-notities', aliases: ['--include-internal-notes'] },
  noAttachments: { name: '--zonder-bijlagen', aliases: ['--no-attachments'] },
  yes: { name: '--ja', aliases: ['--yes'] },
  acceptSender: { name: '--accepteer-afzender', aliases: ['--accept-sender'] },
  skip: { name: '--overslaan', aliases: ['--skip'] },
  asNew: { name: '--nieuw', aliases: ['--new'] },
  minutes: { name: '--verslag', aliases: ['--minutes'] },
} as const satisfies Record<string, Flag>;

export function spellingsOf(flag: Flag): readonly string[] {
  return [flag.name, ...flag.aliases];
}

/** The help text's closing lines: which English name stands for which Dutch one. */
export function aliasHelp(): string {
  const pairs = Object.values(FLAGS as Record<string, Flag>).flatMap((flag) => flag.aliases.map((alias) => `${alias} = ${flag.name}`));
  const lines: string[] = [];
  let line = ' ';
  for (const pair of pairs) {
    if (line.length + pair.length + 2 > 100) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${pair},`;
  }
  lines.push(line.replace(/,$/, '.'));
  return `Opties hebben ook een Engelse naam, die hetzelfde doet:\n${lines.join('\n')}`;
}
