import readline from 'node:readline';

/**
 * Read a secret: from the named environment variable when set, else from a prompt that does not
 * echo (a terminal), else one line from standard input (a pipe, for scripts).
 */
export async function readSecret(envName: string, prompt: string): Promise<string> {
  const fromEnvironment = process.env[envName];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  if (!process.stdin.isTTY) return readLineFromPipe();
  return promptWithoutEcho(prompt);
}

let pipedLines: AsyncIterator<string> | null = null;

async function readLineFromPipe(): Promise<string> {
  pipedLines ??= readline.createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const next = await pipedLines.next();
  if (next.done) throw new Error('geen invoer');
  return next.value;
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
