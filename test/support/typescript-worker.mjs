// Runs a TypeScript worker entry in tests: new Worker(thisFile, { argv: [entry.ts] }).
// (Node 20 does not take --import in a worker's execArgv.)
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';

register();
await import(pathToFileURL(process.argv[2]).href);
