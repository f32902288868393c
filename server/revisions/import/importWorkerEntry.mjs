// The file an import worker thread starts with. Worker threads do not inherit the TypeScript
// loader the server runs under (`node --import tsx`): tsx registers itself in the main thread
// only on Node 20, and vitest runs without it. So the worker registers tsx itself, then loads
// its TypeScript; it is started with no execArgv, so that tsx is never registered twice.
import { register } from 'tsx/esm/api'

register()
await import('./importWorker.ts')
