/**
 * What a file option of `npm run analyze` names, as ingest inputs: a file; a folder or a glob of
 * Parquet files (one dataset: its `key=value` folders become columns); a folder or a glob of
 * CSV/XLSX files (each file an input of its own, as if each were given with its own option); or
 * an http(s) URL (a Parquet file read with range requests, other files downloaded).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { openDataUrl } from '../ingest/remote';
import type { DatasetPart, InputFile } from '../ingest/types';
import { UsageError } from './args';

/** Files a folder contributes: data files only (not `_SUCCESS`, `.crc`, README…). */
const DATA_FILE = /\.(parquet|parq|csv|tsv|txt|xlsx|xlsm)(\.gz)?$/i;
const PARQUET = /\.(parquet|parq)$/i;
const GLOB = /[*?[]/;

/** One glob segment (`part-*.parquet`, `month=0[1-6]`) as a regular expression. */
function segmentRegex(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = segment.slice(i + 1, end);
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

const hidden = (name: string) => name.startsWith('.') || name.startsWith('_');

/** Every file below `dir` (hidden ones and those starting with `_` left out), in path order. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (hidden(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(full);
  }
  return out;
}

/** Files matching a glob (`*`, `?`, `[…]` within a segment; `**` for any folders). */
export function expandGlob(pattern: string): { root: string; files: string[] } {
  const segments = pattern.split(/[/\\]/);
  const first = segments.findIndex((s) => GLOB.test(s) || s === '**');
  const root = resolve(segments.slice(0, first).join('/') || '.');
  let current = [root];
  for (const [k, segment] of segments.slice(first).entries()) {
    const last = k === segments.length - first - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!isDir(dir)) continue;
      if (segment === '**') {
        next.push(dir, ...walkDirs(dir));
        continue;
      }
      const re = segmentRegex(segment);
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (re.test(entry.name) && (!hidden(entry.name) || hidden(segment))) next.push(join(dir, entry.name));
    }
    current = last ? next.filter((p) => !isDir(p)) : next;
  }
  return { root, files: [...new Set(current)].sort(byPath) };
}

function walkDirs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory() && !hidden(entry.name)) {
      const full = join(dir, entry.name);
      out.push(full, ...walkDirs(full));
    }
  return out;
}

/** Code-point order of paths (the order the parts are read in, whatever the locale). */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Hive partition values of a part's folders below the dataset root (`year=2025/month=03`). */
export function partitionOf(relativePath: string): [string, string][] {
  return relativePath
    .split('/')
    .slice(0, -1)
    .flatMap((folder): [string, string][] => {
      const m = /^([^=]+)=(.*)$/.exec(folder);
      if (!m) return [];
      let value = m[2];
      try {
        value = decodeURIComponent(value);
      } catch {
        /* not percent-encoded: as written */
      }
      return [[m[1], value]];
    });
}

function fileInput(path: string, option: string): InputFile {
  const full = resolve(path);
  let size: number;
  try {
    size = statSync(full).size;
  } catch {
    throw new UsageError(`${option} "${path}": no such file`);
  }
  return { name: basename(full), size, source: { kind: 'path', path: full } };
}

/**
 * The inputs one file option names. Throws UsageError for a path that does not exist, a glob
 * that matches nothing, a folder without data files, or Parquet and other files mixed.
 */
export async function resolveInputs(arg: string, option: string): Promise<InputFile[]> {
  if (/^https?:\/\//i.test(arg)) {
    let url: URL;
    try {
      url = new URL(arg);
    } catch {
      throw new UsageError(`${option} "${arg}": not a valid URL`);
    }
    return [await openDataUrl(url)];
  }
  let root: string;
  let files: string[];
  let name: string;
  if (isDir(arg)) {
    root = resolve(arg);
    files = walk(root).filter((f) => DATA_FILE.test(f));
    name = basename(root);
    if (!files.length)
      throw new UsageError(
        `${option} "${arg}": the folder holds no data files (.parquet, .csv, .tsv, .txt, .xlsx, optionally .gz)`,
      );
  } else if (GLOB.test(arg)) {
    ({ root, files } = expandGlob(arg));
    name = arg;
    if (!files.length)
      throw new UsageError(
        `${option} "${arg}": no file matches this pattern (looked in ${root}; quote the pattern so the shell does not expand it)`,
      );
  } else return [fileInput(arg, option)];
  const parquet = files.filter((f) => PARQUET.test(f));
  if (parquet.length && parquet.length < files.length)
    throw new UsageError(
      `${option} "${arg}": Parquet and other files are mixed (${basename(parquet[0])}, ${basename(files.find((f) => !PARQUET.test(f))!)}); a dataset is all Parquet, or each file is read on its own`,
    );
  if (!parquet.length) return files.map((f) => fileInput(f, option));
  const parts: DatasetPart[] = files.map((f) => {
    const rel = relative(root, f).split(sep).join('/');
    return {
      name: rel,
      size: statSync(f).size,
      source: { kind: 'path', path: f },
      partition: partitionOf(rel),
    };
  });
  return [{ name, size: parts.reduce((n, p) => n + p.size, 0), source: parts[0].source, parts }];
}
