import readline from 'node:readline';
import { CheckFailure } from './args';

/** What each variable holds, with its article, for the line that says it was not given. */
const SECRET_NAMES: Record<string, { noun: string; article: 'het' | 'de' }> = {
  KLUIS_PASSPHRASE: { noun: 'wachtwoord', article: 'het' },
  KLUIS_NEW_PASSPHRASE: { noun: 'nieuw wachtwoord', article: 'het' },
  KLUIS_RECOVERY_KEY: { noun: 'herstelsleutel', article: 'de' },
  KLUIS_BUNDEL_WACHTWOORD: { noun: 'bundelwachtwoord', article: 'het' },
};

/** A closed or empty standard input: say which variable to set instead of an internal error. */
function noInput(envName: string): CheckFailure {
  const { noun, article } = SECRET_NAMES[envName] ?? { noun: 'invoer', article: 'de' };
  return new CheckFailure(`kluis: Geen ${noun} ontvangen: de invoer is leeg of gesloten. Zet ${envName} of typ ${article} ${noun} in een terminal.`);
}

/**
 * Read a secret: from the named environment variable when set, else from a prompt that does not
 * echo (a terminal), else one line from standard input (a pipe, for scripts).
 */
export async function readSecret(envName: string, prompt: string): Promise<string> {
  const fromEnvironment = process.env[envName];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  if (process.stdin.isTTY) return promptWithoutEcho(prompt);
  const line = await readLineFromPipe();
  // No credential is empty: an empty line is a script that forgot to pass one.
  if (line === null || line === '') throw noInput(envName);
  return line;
}

let pipedLines: AsyncIterator<string> | null = null;

/** The next line from a pipe, or null when standard input is closed (or was never open). */
async function readLineFromPipe(): Promise<string | null> {
  pipedLines ??= readline.createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const next = await pipedLines.next();
  return next.done ? null : next.value;
}

function promptWithoutEcho(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Replace readline's echo of typed characters with nothing.
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let prompted = false;
    output._writeToOutput = (text: string) => {
      if (!prompted) {
        process.stderr.write(text);
        prompted = true;
      }
    };
    rl.question(prompt, (answer) => {
      process.stderr.write('\n');
      rl.close();
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('afgebroken'));
    });
  });
}
