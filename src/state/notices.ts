/**
 * The messages the workbench shows (errors, progress, warnings): a catalogue key and its
 * parameters, made from whatever was thrown.
 */
import { EngineError } from '../engine/errors';
import { SnapshotMissError } from '../engine/replay';
import { IngestError } from '../ingest/types';

/** A user-facing message: a catalogue key and its parameters. */
export interface Notice {
  key: string;
  params: Record<string, string | number>;
}

/** The message of anything thrown, for a notice's `message` parameter. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Turn anything thrown while loading into a message the user can act on. */
export function toNotice(err: unknown, fileName = ''): Notice {
  if (err instanceof SnapshotMissError) return { key: 'share.notInSnapshot', params: {} };
  if (err instanceof IngestError)
    return { key: `error.${err.key}`, params: { file: fileName, ...err.params } };
  if (err instanceof EngineError)
    return { key: 'error.engine', params: { message: err.message.split('\n')[0] } };
  return { key: 'error.unknown', params: { message: messageOf(err) } };
}
