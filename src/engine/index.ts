export type { Engine, FileSource, Cell } from './types';
export { EngineError } from './errors';
export { sqlString, sqlIdent, sqlNumber, sqlDate } from './sql';
