/**
 * The column mappings the browser remembers (mapping-memory.ts), as a file the command line
 * reads: the Data page downloads it ("Save mapping for the command line") and
 * `npm run analyze -- --mapping FILE` loads files whose headers match with the same roles, so a
 * scheduled job reads next month's export the way the analyst confirmed it on screen.
 *
 * ```json
 * { "format": "sales-workbench-mapping", "version": 1,
 *   "mappings": [{ "file": "cdnow.csv", "kind": "sales",
 *                  "headers": ["customer", "date", "items", "dollars"],
 *                  "roles": ["customer_id", "order_date", "quantity", "revenue"] }] }
 * ```
 *
 * Each entry is the browser's remembered `{ kind, roles }` with the headers its key is made of
 * (`headerSignature`); `file` only says where it came from.
 */
import { CANONICAL, type TableKind } from './canonical';
import { headerSignature, memoryStore, type MappingStore, type RememberedMapping } from './mapping-memory';

export const MAPPING_FORMAT = 'sales-workbench-mapping';
/** File name of the download. */
export const MAPPING_FILE_NAME = 'sales-workbench-mapping.json';

/** One entry of a mapping file. */
export interface MappingEntry {
  /** The file the mapping was confirmed on (information only). */
  file: string;
  kind: TableKind;
  /** The header row, in file order. */
  headers: string[];
  /** Role per column, null for a column not used. */
  roles: (string | null)[];
}

/** A mapping file. */
export interface MappingFile {
  format: typeof MAPPING_FORMAT;
  version: 1;
  mappings: MappingEntry[];
}

/** A mapping file that cannot be used; the message names the entry and what is wrong. */
export class MappingFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingFileError';
  }
}

/**
 * The mapping file of loaded files (the Data page's `loadedMappings`, or plans): one entry per
 * distinct header row, as the browser remembers it after the load.
 */
export function mappingFile(
  loaded: { file: string; kind: TableKind; columns: { header: string; role: string | null }[] }[],
): MappingFile {
  const seen = new Set<string>();
  const mappings: MappingEntry[] = [];
  for (const m of loaded) {
    const headers = m.columns.map((c) => c.header);
    const signature = headerSignature(headers);
    if (seen.has(signature)) continue;
    seen.add(signature);
    mappings.push({ file: m.file, kind: m.kind, headers, roles: m.columns.map((c) => c.role) });
  }
  return { format: MAPPING_FORMAT, version: 1, mappings };
}

/** The JSON text of a mapping file (what the Data page downloads). */
export function mappingFileText(file: MappingFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Read a mapping file's JSON text into a MappingStore keyed like the browser's. Throws
 * MappingFileError for anything but a valid file (unknown kind or role, lengths that differ).
 */
export function parseMappingFile(text: string): MappingStore {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new MappingFileError(`not JSON: ${(err as Error).message}`);
  }
  const file = data as Partial<MappingFile> | null;
  if (!file || typeof file !== 'object' || file.format !== MAPPING_FORMAT)
    throw new MappingFileError(`not a mapping file: "format" must be "${MAPPING_FORMAT}"`);
  if (file.version !== 1) throw new MappingFileError(`version ${String(file.version)} is not known (1 is)`);
  if (!Array.isArray(file.mappings)) throw new MappingFileError('"mappings" must be a list');
  const store = memoryStore();
  file.mappings.forEach((entry: Partial<MappingEntry>, i) => {
    const where = `mappings[${i}]${typeof entry?.file === 'string' ? ` (${entry.file})` : ''}`;
    if (!entry || typeof entry.kind !== 'string' || !Object.hasOwn(CANONICAL, entry.kind))
      throw new MappingFileError(`${where}: "kind" must be one of ${Object.keys(CANONICAL).join(', ')}`);
    const kind = entry.kind;
    if (!isStringArray(entry.headers))
      throw new MappingFileError(`${where}: "headers" must be a list of texts`);
    const roles = entry.roles;
    if (!Array.isArray(roles) || roles.length !== entry.headers.length)
      throw new MappingFileError(`${where}: "roles" must list one role (or null) per header`);
    // A survey's question columns all take the role `question` (not a column of the table).
    const known = new Set([
      ...CANONICAL[kind].map((c) => c.role),
      ...(kind === 'survey' ? ['question'] : []),
    ]);
    roles.forEach((r, j) => {
      if (r !== null && (typeof r !== 'string' || !known.has(r)))
        throw new MappingFileError(
          `${where}: role ${JSON.stringify(r)} of "${entry.headers![j]}" is not a role of ${kind} (${[...known].join(', ')})`,
        );
    });
    const remembered: RememberedMapping = { kind, roles: roles as (string | null)[] };
    store.set(headerSignature(entry.headers), remembered);
  });
  return store;
}
