import type { Table } from 'apache-arrow';
import type { Engine } from '../engine/types';

/** Statements the console accepts: it reads, it never changes the loaded tables. */
const READ_ONLY = /^(select|with|from|describe|show|summarize|explain|pragma\s+table_info|values|table)\b/i;

/** A console query that was refused before it ran. */
export class ConsoleRefused extends Error {
  readonly key: 'console.readOnly' | 'console.oneStatement' | 'console.empty';
  constructor(key: ConsoleRefused['key']) {
    super(key);
    this.name = 'ConsoleRefused';
    this.key = key;
  }
}

/** Strip comments and one trailing semicolon; refuse anything but a single read statement. */
export function checkConsoleSql(sql: string): string {
  const body = sql
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .trim()
    .replace(/;\s*$/, '');
  if (!body) throw new ConsoleRefused('console.empty');
  // A semicolon outside quotes means a second statement.
  const outsideQuotes = body.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, '');
  if (outsideQuotes.includes(';')) throw new ConsoleRefused('console.oneStatement');
  if (!READ_ONLY.test(body)) throw new ConsoleRefused('console.readOnly');
  return body;
}

/** Run a console query; the caller shows at most `limit` rows of the Arrow result. */
export async function runConsole(db: Engine, sql: string): Promise<{ table: Table; ms: number }> {
  const body = checkConsoleSql(sql);
  const t0 = performance.now();
  const table = await db.arrow(body);
  return { table, ms: performance.now() - t0 };
}
