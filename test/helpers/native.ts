import { createRequire } from 'node:module';

/** Whether the optional native DuckDB package (and its prebuilt binary for this platform) is installed. */
export function nativeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@duckdb/node-api');
    return true;
  } catch {
    return false;
  }
}
