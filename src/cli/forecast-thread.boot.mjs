// The worker thread's entry: TypeScript is compiled on the fly by tsx (as `npm run analyze` runs
// the CLI), registered here because a worker does not inherit the main thread's loader.
import { register } from 'tsx/esm/api';

register();
await import('./forecast-thread.worker.ts');
