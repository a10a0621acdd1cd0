// Starts ./sheet-worker.ts in a worker thread. Node 20 does not hand the main thread's tsx loader
// to workers, and `--import tsx` in a worker's execArgv does not help, so the worker registers it.
import { register } from 'tsx/esm/api'

register()
await import('./sheet-worker.ts')
