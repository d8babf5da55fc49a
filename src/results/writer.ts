import { ANALYSES, type FileSpec } from '../analytics/registry';
import type { AllResults } from '../analytics/run-all';
import { summaryInputs } from '../ingest/rejects';
import type { LoadReport } from '../ingest/types';

/** A result file: name and UTF-8 text. */
export interface ResultFile {
  name: string;
  content: string;
}

/**
 * The result files of outputs.md, in a fixed order, from one run of every analysis. Pure: the
 * same inputs always give the same bytes (no timestamps), so the browser export, the CLI and the
 * API agree to the byte. Each analysis of the registry writes its own files; a file whose input
 * is missing is not written and summary.json says why.
 */
export function resultFiles(all: AllResults, inputs: LoadReport[]): ResultFile[] {
  const results = all.results as Record<string, unknown>;
  const files: ResultFile[] = [];
  for (const a of ANALYSES) {
    if (!(a.id in results)) continue;
    for (const f of a.files as readonly FileSpec<unknown>[]) {
      const content = f.write(results[a.id]);
      if (content !== null) files.push({ name: f.name, content });
    }
  }
  files.push({ name: 'summary.json', content: JSON.stringify(summary(all, inputs), null, 2) + '\n' });
  return files;
}

/** The summary.json object: inputs, parameters, then each analysis' block in the registry's order. */
export function summary(all: AllResults, inputs: LoadReport[]): Record<string, unknown> {
  const results = all.results as Record<string, unknown>;
  const blocks: Record<string, unknown> = {};
  const notWritten: { file: string; reason: string }[] = [];
  for (const a of ANALYSES) {
    if (!(a.id in results)) continue;
    if ('summary' in a && a.summary) blocks[a.id] = (a.summary as (r: unknown) => unknown)(results[a.id]);
    for (const f of a.files as readonly FileSpec<unknown>[])
      if (f.write(results[a.id]) === null)
        notWritten.push({ file: f.name, reason: f.missing?.(results[a.id]) ?? 'no_input' });
  }
  return {
    inputs: summaryInputs(inputs),
    parameters: {
      ...all.params,
      period: { start: all.period.start, as_of: all.period.asOf, months: all.period.months },
    },
    ...blocks,
    // outputs.md: files whose inputs are missing are not written; this says which and why.
    not_written: notWritten,
  };
}
