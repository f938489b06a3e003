/**
 * Worker-thread entry for the background integrity check (electron/core/vault/integrity-check.ts).
 * It opens its own read-only connection to the open vault with the key it was handed (moved here,
 * not copied, and wiped as soon as the connection holds it), checks one table with its indexes per
 * statement so that a lock can stop it between two, and answers with the first problem or ok.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyConnection, quickCheckTable, type Connection } from '../vault/connection';
import type { FromIntegrityWorker, IntegrityWorkerData } from '../vault/integrity-check';

if (!parentPort) throw new Error('integrity-worker must run in a worker thread');
const port = parentPort;
const data = workerData as IntegrityWorkerData;
const send = (message: FromIntegrityWorker) => port.postMessage(message);

/** SQLite's and SQLCipher's codes for a file that is not what it should be (a page failing its HMAC included). */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR'));
}

/** Let a pending terminate() land between two statements. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function run(): Promise<void> {
  const key = new Uint8Array(data.key);
  let db: Connection | undefined;
  try {
    try {
      db = openReadOnlyConnection(data.path, key, { nativeBinding: data.nativeBinding });
    } finally {
      key.fill(0);
    }
    // Every table the schema names, with its indexes, and last the virtual tables: for the search
    // index (FTS5) SQLite runs its own consistency check. Together what `PRAGMA quick_check` does
    // for the whole file, one table per statement (only the count of pages used is not redone).
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rootpage = 0, rootpage").pluck().all() as string[];
    const objects = ['sqlite_schema', ...tables];
    for (const [index, table] of objects.entries()) {
      await breathe();
      const problem = quickCheckTable(db, table);
      if (problem) {
        send({ type: 'result', problem: `${table}: ${problem}` });
        return;
      }
      send({ type: 'progress', done: index + 1, total: objects.length });
    }
    send({ type: 'result', problem: null });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send(isDamage(error) ? { type: 'result', problem: message } : { type: 'failed', message });
  } finally {
    db?.close();
  }
}

void run();
