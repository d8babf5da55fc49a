import { ANALYSES, type FileSpec } from '../analytics/registry';
import type { AllResults, RunInfo } from '../analytics/run-all';
import { materialise, type Text } from '../export/csv';
import { summaryInputs } from '../ingest/rejects';
import type { LoadReport } from '../ingest/types';

/** A result file: name and UTF-8 text (in pieces when too long for one string, export/csv.ts). */
export interface ResultFile {
  name: string;
  content: Text;
}

/** What summary.json gathers from the analyses as their files are written. */
export interface SummaryParts {
  /** Each analysis' block, in the registry's order. */
  blocks: Record<string, unknown>;
  /** Files not written, and why (outputs.md). */
  notWritten: { file: string; reason: string }[];
}

/** An empty SummaryParts to fill with `analysisFiles`. */
export function summaryParts(): SummaryParts {
  return { blocks: {}, notWritten: [] };
}

/**
 * The result files of one analysis (the registry's `files`, in order), handed to `emit` one at a
 * time, each made from the result only when the previous one has been emitted; its summary.json
 * block and the files it does not write (with the reason) go into `parts`. Call it for the
 * analyses in the registry's order, so summary.json's blocks keep that order.
 */
export function analysisFiles(
  id: string,
  result: unknown,
  emit: (file: ResultFile) => void,
  parts: SummaryParts,
): void {
  const a = ANALYSES.find((x) => x.id === id);
  if (!a) throw new Error(`no analysis ${id}`);
  if ('summary' in a && a.summary) parts.blocks[a.id] = (a.summary as (r: unknown) => unknown)(result);
  for (const f of a.files as readonly FileSpec<unknown>[]) {
    const content = f.write(result);
    if (content === null) parts.notWritten.push({ file: f.name, reason: f.missing?.(result) ?? 'no_input' });
    else emit({ name: f.name, content });
  }
}

/** summary.json's object: inputs, parameters, then each analysis' block in the registry's order. */
export function summaryObject(
  run: RunInfo,
  parts: SummaryParts,
  inputs: LoadReport[],
): Record<string, unknown> {
  return {
    inputs: summaryInputs(inputs),
    parameters: {
      ...run.params,
      period: { start: run.period.start, as_of: run.period.asOf, months: run.period.months },
    },
    ...parts.blocks,
    // outputs.md: files whose inputs are missing are not written; this says which and why.
    not_written: parts.notWritten,
  };
}

/** summary.json, the last result file. */
export function summaryFile(run: RunInfo, parts: SummaryParts, inputs: LoadReport[]): ResultFile {
  return { name: 'summary.json', content: JSON.stringify(summaryObject(run, parts, inputs), null, 2) + '\n' };
}

/**
 * The result files of outputs.md, in a fixed order, from one run of every analysis. Pure: the
 * same inputs always give the same bytes (no timestamps), so the browser export, the CLI and the
 * API agree to the byte. Each analysis of the registry writes its own files; a file whose input
 * is missing is not written and summary.json says why. (The CLI writes the same files analysis
 * by analysis with `analysisFiles` and `summaryFile`, without holding every result.)
 */
export function resultFiles(all: AllResults, inputs: LoadReport[]): ResultFile[] {
  const results = all.results as Record<string, unknown>;
  const files: ResultFile[] = [];
  const parts = summaryParts();
  // Kept, so that the ZIP and the workbook can both read a long file's pieces.
  const keep = (f: ResultFile) => files.push({ ...f, content: materialise(f.content) });
  for (const a of ANALYSES) if (a.id in results) analysisFiles(a.id, results[a.id], keep, parts);
  files.push(summaryFile(all, parts, inputs));
  return files;
}

/** The summary.json object of a run (writes every file to learn which are not written). */
export function summary(all: AllResults, inputs: LoadReport[]): Record<string, unknown> {
  const results = all.results as Record<string, unknown>;
  const parts = summaryParts();
  for (const a of ANALYSES) if (a.id in results) analysisFiles(a.id, results[a.id], () => undefined, parts);
  return summaryObject(all, parts, inputs);
}
