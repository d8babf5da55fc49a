/**
 * The mapping screen's proposal for a survey file (analytics.md §12): which columns are the
 * respondent's id, name and submission time, which are questions (wide form) or the question
 * and answer (long form), and per question its text, dimension, scale and importance. The user
 * can fix any of it; the load (survey-load.ts) reads the answers with it.
 */
import { SURVEY_DERIVED, type TableKind } from './canonical';
import { SURVEY_ROLES } from './roles';
import {
  answerStats,
  inferScale,
  isImportanceRow,
  isMetadataHeader,
  isSurveyKind,
  isSurveyMarker,
  parseQuestion,
  questionLike,
  surveyRoleForHeader,
  type Scale,
} from './survey';
import type { ColumnPlan } from './types';
import { parseNumber } from './values';

/** One question of a survey file as proposed (and as the user fixed it). */
export interface SurveyQuestion {
  /** Question text without its number and bracketed dimension: the question's identity (§12). */
  item: string;
  /** Wide form: the column holding its answers; long form and question tables: null. */
  column: number | null;
  /** Dimension (有形性, 可靠性 …), null when none is known. */
  dimension: string | null;
  /** Where the dimension came from: the header's brackets, a dimension column, or the user. */
  dimensionSource: 'header' | 'column' | 'user' | null;
  /** The question's scale; null when no usual scale holds its answers (the user picks one). */
  scale: Scale | null;
  /** `labels`: Likert labels (1–5); `numbers`: the smallest usual scale; `user`: chosen. */
  scaleSource: 'labels' | 'numbers' | 'user';
  /** Importance given in the file (an importance row or column, a question table); null = not given. */
  importance: number | null;
  /** Answers in the sample (skipped ones not counted). */
  answers: number;
  /** Answers in the sample that are not on the scale or not understood (first few, as written). */
  outside: string[];
}

/** A survey file's proposal (FilePlan.survey). */
export interface SurveyPlan {
  /** `wide`: one column per question; `long`: one row per answer; `items`: a question table. */
  form: 'wide' | 'long' | 'items';
  questions: SurveyQuestion[];
  /** Wide form: 0-based index in `rows` of the importance row, null when there is none. */
  importanceRow: number | null;
  /** The sample rows the proposal was made from (survey files are small), to redo it when roles change. */
  rows: string[][];
}

const MAX_SAMPLE_CELLS = 200_000;

/** Question columns of a wide file: no other role, not a survey tool's own column, answers that fit a scale. */
function findQuestions(columns: ColumnPlan[], rows: string[][]): number[] {
  return columns
    .filter((c) => !c.role && !isMetadataHeader(c.header))
    .filter((c) => {
      const q = questionLike(rows.map((r) => r[c.index] ?? ''));
      if (q.answered === 0) return false;
      // A numbered header (`5、…`) is a question even with a few answers not understood (they are reported).
      return q.share >= 0.8 || (/^\s*\d+\s*[、.．]/.test(c.header) && q.share >= 0.6);
    })
    .map((c) => c.index);
}

/**
 * Propose the roles of a survey file and its kind, when it is one: a survey tool's own column
 * (提交答卷时间, 来自IP …), columns of Likert labels, or long/question-table roles. Identity
 * columns phrased as questions (`1、贵公司客户编号`) get their role; in the wide form the
 * remaining columns whose answers fit a scale become questions. Other kinds are left alone,
 * except that survey-only roles are cleared from them. Mutates the columns' roles.
 */
export function proposeSurvey(columns: ColumnPlan[], rows: string[][], kind: TableKind): TableKind {
  const likert = columns.filter((c) => !c.role && questionLike(rows.map((r) => r[c.index] ?? '')).labels);
  const surveyish =
    isSurveyKind(kind) ||
    columns.some((c) => isSurveyMarker(c.header)) ||
    likert.length >= 2 ||
    columns.some((c) => c.role === 'survey_date');
  if (!surveyish) {
    for (const c of columns) if (c.role && SURVEY_ROLES.has(c.role)) c.role = c.roleSource = null;
    return kind;
  }
  if (kind === 'survey_items') return kind;
  const roles = new Set(columns.flatMap((c) => (c.role ? [c.role] : [])));
  const long = roles.has('item') && roles.has('answer');
  // Only a survey's roles apply; in the wide form not the long form's question and answer.
  for (const c of columns) {
    if (!long && (c.role === 'item' || c.role === 'answer')) c.role = c.roleSource = null;
    if (c.role && !isSurveyRole(c.role)) c.role = c.roleSource = null;
  }
  // Identity phrased as a question (`1、贵公司客户编号`) or named as survey tools name it (公司名称).
  for (const c of columns) {
    if (c.role) continue;
    const role = surveyRoleForHeader(c.header);
    if (!role || !isSurveyRole(role) || role === 'item' || role === 'answer' || role === 'question') continue;
    if (columns.some((o) => o.role === role)) continue;
    // A column of Likert labels is a question, whatever its header says.
    if (questionLike(rows.map((r) => r[c.index] ?? '')).labels) continue;
    c.role = role;
    c.roleSource = 'header';
  }
  if (long) return 'survey';
  for (const i of findQuestions(columns, rows)) {
    columns[i].role = 'question';
    columns[i].roleSource = 'content';
  }
  return 'survey';
}

/** Roles a survey file's column may take (its canonical columns, not the derived ones, and `question`). */
export function isSurveyRole(role: string): boolean {
  return (
    role === 'question' ||
    role === 'customer_id' ||
    role === 'customer_name' ||
    (SURVEY_ROLES.has(role) && !SURVEY_DERIVED.has(role))
  );
}

/**
 * What the user fixed of one question on the mapping screen (its dimension, its scale), as a
 * remembered mapping keeps it (mapping-memory.ts): a wide export's question by its column (the
 * header is the same, so is the column), a long form's by its text.
 */
export interface QuestionFix {
  item: string;
  column: number | null;
  /** Present when the user set the dimension (null: no dimension). */
  dimension?: string | null;
  /** Present when the user set the scale (null: none). */
  scale?: Scale | null;
}

/** The user's fixes of a plan's questions (empty when none). */
export function questionFixes(plan: SurveyPlan | undefined): QuestionFix[] {
  return (plan?.questions ?? []).flatMap((q) =>
    q.dimensionSource === 'user' || q.scaleSource === 'user'
      ? [
          {
            item: q.item,
            column: q.column,
            ...(q.dimensionSource === 'user' ? { dimension: q.dimension } : {}),
            ...(q.scaleSource === 'user' ? { scale: q.scale } : {}),
          },
        ]
      : [],
  );
}

/** Questions as `surveyPlanOf`'s `previous` reads them: a plan's, or fixes remembered. */
type Previous = Pick<
  SurveyQuestion,
  'item' | 'column' | 'dimension' | 'dimensionSource' | 'scale' | 'scaleSource'
>;

/** Remembered fixes as the questions of a previous proposal (what `surveyPlanOf` keeps of it). */
export function fixesAsPrevious(fixes: QuestionFix[] | undefined): { questions: Previous[] } | undefined {
  if (!Array.isArray(fixes) || !fixes.length) return undefined;
  return {
    questions: fixes.map((f) => ({
      item: f.item,
      column: f.column ?? null,
      dimension: f.dimension ?? null,
      dimensionSource: 'dimension' in f ? 'user' : null,
      scale: f.scale ?? null,
      scaleSource: 'scale' in f ? 'user' : 'numbers',
    })),
  };
}

/** The fixes the user made to this question in `previous`, kept when the proposal is redone. */
function keepUserChoices(
  q: SurveyQuestion,
  cells: string[],
  previous: Previous[] | undefined,
): SurveyQuestion {
  // A wide export's question is its column (two questions of the same text get their number back
  // after this, so the text alone may differ); a long form's is its text.
  const old = previous?.find((p) => p.column === q.column && (q.column !== null || p.item === q.item));
  if (!old) return q;
  const out = { ...q };
  if (old.dimensionSource === 'user') {
    out.dimension = old.dimension;
    out.dimensionSource = 'user';
  }
  if (old.scaleSource === 'user') {
    out.scale = old.scale;
    out.scaleSource = 'user';
    out.outside = outsideOf(out.scale, cells);
  }
  return out;
}

/** Sample answers not understood or not on the scale (the first five, as written). */
function outsideOf(scale: Scale | null, cells: string[]): string[] {
  const stats = answerStats(cells);
  const out = [...stats.bad];
  for (const cell of cells) {
    const v = parseNumber(cell.trim().replace(/分$/, ''), 'dot');
    if (v !== null && (!scale || v < scale[0] - 1e-9 || v > scale[1] + 1e-9) && !out.includes(cell.trim()))
      out.push(cell.trim());
  }
  return out.slice(0, 5);
}

/** A question from its answers in the sample. */
function question(
  item: string,
  column: number | null,
  dimension: string | null,
  dimensionSource: SurveyQuestion['dimensionSource'],
  importance: number | null,
  cells: string[],
): SurveyQuestion {
  const stats = answerStats(cells);
  const scale = inferScale(stats);
  const q: SurveyQuestion = {
    item,
    column,
    dimension,
    dimensionSource: dimension ? dimensionSource : null,
    scale,
    scaleSource: stats.labels ? 'labels' : 'numbers',
    importance,
    answers: stats.answers,
    outside: [],
  };
  q.outside = outsideOf(scale, cells);
  return q;
}

/** Questions with the same text get their number back, so each keeps its own answers. */
function uniqueItems(questions: SurveyQuestion[], headers: Map<number, string>): void {
  const seen = new Map<string, number>();
  for (const q of questions) seen.set(q.item, (seen.get(q.item) ?? 0) + 1);
  for (const q of questions)
    if ((seen.get(q.item) ?? 0) > 1 && q.column !== null) q.item = (headers.get(q.column) ?? q.item).trim();
}

/** A number cell of a question table or importance row (null when empty or not a number). */
function importanceOf(cell: string | undefined): number | null {
  return cell === undefined ? null : parseNumber(cell, 'dot');
}

/**
 * The survey proposal of a file whose columns have their roles: the questions (wide: the
 * `question` columns; long: the distinct questions of the sample; question table: its rows),
 * each with dimension, scale and importance. User choices in `previous` are kept.
 */
export function surveyPlanOf(
  columns: ColumnPlan[],
  rows: string[][],
  kind: TableKind,
  previous?: { questions: Previous[] },
): SurveyPlan | undefined {
  if (!isSurveyKind(kind)) return undefined;
  const width = Math.max(1, columns.length);
  const sample = rows.slice(0, Math.max(1, Math.floor(MAX_SAMPLE_CELLS / width)));
  const col = (role: string) => columns.find((c) => c.role === role)?.index ?? null;
  const cell = (r: string[], i: number | null) => (i === null ? '' : (r[i] ?? '').trim());
  const itemCol = col('item');
  const dimCol = col('dimension');
  const impCol = col('importance');
  if (kind === 'survey_items') {
    const questions: SurveyQuestion[] = [];
    for (const r of sample) {
      const text = cell(r, itemCol);
      if (!text) continue;
      const parsed = parseQuestion(text);
      if (questions.some((q) => q.item === parsed.item)) continue;
      const dimension = cell(r, dimCol) || parsed.dimension;
      const q = question(
        parsed.item,
        null,
        dimension || null,
        dimCol !== null ? 'column' : 'header',
        importanceOf(impCol === null ? undefined : r[impCol]),
        [],
      );
      questions.push(q);
    }
    return { form: 'items', questions, importanceRow: null, rows: sample };
  }
  if (itemCol !== null && col('answer') !== null) {
    const answerCol = col('answer')!;
    const byItem = new Map<
      string,
      { dimension: string | null; importance: number | null; cells: string[] }
    >();
    for (const r of sample) {
      const text = cell(r, itemCol);
      if (!text) continue;
      const parsed = parseQuestion(text);
      const entry = byItem.get(parsed.item) ?? { dimension: null, importance: null, cells: [] };
      entry.dimension ??= cell(r, dimCol) || parsed.dimension;
      entry.importance ??= importanceOf(impCol === null ? undefined : r[impCol]);
      entry.cells.push(r[answerCol] ?? '');
      byItem.set(parsed.item, entry);
    }
    const questions = [...byItem].map(([item, e]) =>
      keepUserChoices(
        question(item, null, e.dimension, dimCol !== null ? 'column' : 'header', e.importance, e.cells),
        e.cells,
        previous?.questions,
      ),
    );
    return { form: 'long', questions, importanceRow: null, rows: sample };
  }
  const questionColumns = columns.filter((c) => c.role === 'question');
  const qset = new Set(questionColumns.map((c) => c.index));
  const importanceRow = sample.findIndex((r) => isImportanceRow(r, qset));
  const answerRows = sample.filter((_, i) => i !== importanceRow);
  const questions = questionColumns.map((c) => {
    const parsed = parseQuestion(c.header);
    const cells = answerRows.map((r) => r[c.index] ?? '');
    return keepUserChoices(
      question(
        parsed.item,
        c.index,
        parsed.dimension,
        'header',
        importanceRow >= 0 ? importanceOf(sample[importanceRow][c.index]) : null,
        cells,
      ),
      cells,
      previous?.questions,
    );
  });
  uniqueItems(questions, new Map(questionColumns.map((c) => [c.index, c.header])));
  return { form: 'wide', questions, importanceRow: importanceRow >= 0 ? importanceRow : null, rows: sample };
}

/** The sample answers of one question (wide: its column; long: the rows asking it). */
function cellsOf(plan: SurveyPlan, q: SurveyQuestion, columns: ColumnPlan[]): string[] {
  const rows = plan.rows.filter((_, i) => i !== plan.importanceRow);
  if (q.column !== null) return rows.map((r) => r[q.column!] ?? '');
  const itemCol = columns.find((c) => c.role === 'item')?.index;
  const answerCol = columns.find((c) => c.role === 'answer')?.index;
  if (itemCol === undefined || answerCol === undefined) return [];
  return rows.filter((r) => parseQuestion(r[itemCol] ?? '').item === q.item).map((r) => r[answerCol] ?? '');
}

/** Change one question of a plan (the mapping screen: dimension or scale fixed by the user). */
export function fixQuestion(
  plan: SurveyPlan,
  columns: ColumnPlan[],
  index: number,
  change: { dimension?: string | null; scale?: Scale | null },
): SurveyPlan {
  const questions = plan.questions.map((q, i) => {
    if (i !== index) return q;
    const out: SurveyQuestion = { ...q };
    if ('dimension' in change) {
      out.dimension = change.dimension?.trim() || null;
      out.dimensionSource = 'user';
    }
    if ('scale' in change) {
      out.scale = change.scale ?? null;
      out.scaleSource = 'user';
    }
    out.outside = outsideOf(out.scale, cellsOf(plan, q, columns));
    return out;
  });
  return { ...plan, questions };
}

/** Problems the mapping screen and the load report name (message keys with params). */
export function surveyProblems(plan: SurveyPlan): { key: string; params: Record<string, string | number> }[] {
  if (plan.form === 'items') return [];
  const out: { key: string; params: Record<string, string | number> }[] = [];
  const noScale = plan.questions.filter((q) => q.answers > 0 && !q.scale);
  if (noScale.length)
    out.push({ key: 'survey.noScale', params: { items: noScale.map((q) => q.item).join('；') } });
  const outside = plan.questions.filter((q) => q.outside.length);
  for (const q of outside)
    out.push({ key: 'survey.outside', params: { item: q.item, values: q.outside.join(', ') } });
  return out;
}
