import { describe, expect, it } from 'vitest';
import { CANONICAL } from '../ingest/canonical';
import { INGEST_ERROR_KEYS, REJECT_REASONS } from '../ingest/types';
import { isMessageKey } from './translate';

describe('every ingest key has a message in the catalogue', () => {
  it('errors, reject reasons and roles', () => {
    for (const k of INGEST_ERROR_KEYS) expect(isMessageKey(`error.${k}`), k).toBe(true);
    for (const k of REJECT_REASONS) expect(isMessageKey(`reason.${k}`), k).toBe(true);
    for (const t of Object.values(CANONICAL))
      for (const r of t) expect(isMessageKey(`role.${r.role}`), r.role).toBe(true);
  });
});
