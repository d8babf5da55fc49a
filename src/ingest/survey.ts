/**
 * Survey files (analytics.md §12, data-model.md): what an answer means (a number on a scale, a
 * Likert label, a skipped question), which scale a question uses, what a question is called, and
 * how a wide export (one column per question, as 问卷星 and other survey tools write it) is
 * recognised. The SQL that loads a survey is in survey-load.ts; this file is the shared vocabulary
 * and the mapping screen's proposal.
 */
import { normaliseHeader, roleForHeader, SURVEY_ROLES } from './roles';
import { parseNumber } from './values';

/** A question's scale: the lowest and the highest possible answer. */
export type Scale = [number, number];

/** The usual scales, smallest first: a question takes the first that holds every answer (§12). */
export const USUAL_SCALES: readonly Scale[] = [
  [1, 5],
  [1, 7],
  [1, 10],
  [0, 10],
  [0, 100],
];

/** Likert labels and their value on the 1–5 scale (§12: 非常满意 5 … 非常不满意 1, English likewise). */
const LIKERT_LABELS: [number, string[]][] = [
  [
    5,
    [
      '非常满意',
      '很满意',
      '十分满意',
      '非常同意',
      '完全同意',
      '非常好',
      'verysatisfied',
      'extremelysatisfied',
      'completelysatisfied',
      'stronglyagree',
      'excellent',
      'verygood',
    ],
  ],
  [
    4,
    [
      '满意',
      '比较满意',
      '较满意',
      '同意',
      '比较同意',
      '比较好',
      'satisfied',
      'somewhatsatisfied',
      'agree',
      'good',
    ],
  ],
  [
    3,
    [
      '一般',
      '中立',
      '中等',
      '说不清',
      '一般满意',
      '无所谓',
      'neutral',
      'neithersatisfiednordissatisfied',
      'neitheragreenordisagree',
      'average',
      'fair',
    ],
  ],
  [
    2,
    [
      '不满意',
      '比较不满意',
      '较不满意',
      '不太满意',
      '不同意',
      '比较不同意',
      '比较差',
      'dissatisfied',
      'somewhatdissatisfied',
      'unsatisfied',
      'disagree',
      'poor',
    ],
  ],
  [
    1,
    [
      '非常不满意',
      '很不满意',
      '极不满意',
      '非常不同意',
      '完全不同意',
      '非常差',
      'verydissatisfied',
      'extremelydissatisfied',
      'veryunsatisfied',
      'stronglydisagree',
      'verypoor',
    ],
  ],
];

/** Label (normalised by labelKey) → value on the 1–5 scale. */
export const LIKERT = new Map<string, number>(
  LIKERT_LABELS.flatMap(([v, labels]) => labels.map((l) => [l, v] as [string, number])),
);

/** Cells that mean "not answered" (§12: `(跳过)`, `跳过`, `N/A` and blanks), after labelKey. */
export const SKIP_WORDS = [
  '',
  '跳过',
  '未作答',
  '未回答',
  '不适用',
  '空',
  'n/a',
  'na',
  '-',
  '--',
  '—',
  'skip',
  'skipped',
  'null',
  'none',
];

/**
 * An answer cell as compared with the labels: NFKC (full-width → half-width), lower case, without
 * spaces, brackets and a final full stop. `(跳过)` → `跳过`, `Very satisfied` → `verysatisfied`.
 * labelKeySql is the same in SQL.
 */
export function labelKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}【】〔〕<>《》"'“”‘’]/g, '')
    .replace(/[.。!！]+$/, '');
}

/** SQL for labelKey over a text expression (the brackets and quotes of labelKey, full-width ones spelled out). */
export function labelKeySql(expr: string): string {
  return `regexp_replace(regexp_replace(lower(${expr}), '[\\s()\\[\\]{}【】〔〕<>《》"''“”‘’（）［］｛｝＜＞＂＇]', '', 'g'), '[.。!！．]+$', '')`;
}

/** What one answer cell holds. */
export type Answer =
  { kind: 'skip' } | { kind: 'label'; value: number } | { kind: 'number'; value: number } | { kind: 'bad' };

/** Read one answer cell: skipped, a Likert label, a number (`4`, `4分`, full-width), or not understood. */
export function readAnswer(cell: string | null | undefined): Answer {
  const key = labelKey(cell ?? '');
  if (SKIP_WORDS.includes(key)) return { kind: 'skip' };
  const label = LIKERT.get(key);
  if (label !== undefined) return { kind: 'label', value: label };
  const n = parseNumber(key.replace(/分$/, ''), 'dot');
  return n === null ? { kind: 'bad' } : { kind: 'number', value: n };
}

/** What the answers of one question look like (the input of inferScale). */
export interface AnswerStats {
  /** Smallest and largest number answered (labels not counted); null when none. */
  min: number | null;
  max: number | null;
  /** Some answers are Likert labels. */
  labels: boolean;
}

/** Summarise answer cells for inferScale. */
export function answerStats(cells: Iterable<string>): AnswerStats & { answers: number; bad: string[] } {
  let min: number | null = null;
  let max: number | null = null;
  let labels = false;
  let answers = 0;
  const bad: string[] = [];
  for (const cell of cells) {
    const a = readAnswer(cell);
    if (a.kind === 'skip') continue;
    if (a.kind === 'bad') {
      if (!bad.includes(cell.trim())) bad.push(cell.trim());
      continue;
    }
    answers++;
    if (a.kind === 'label') labels = true;
    else {
      min = min === null ? a.value : Math.min(min, a.value);
      max = max === null ? a.value : Math.max(max, a.value);
    }
  }
  return { min, max, labels, answers, bad };
}

/**
 * The scale of a question (§12): the labels' 1–5 when it has Likert labels, else the smallest
 * usual scale that holds every number answered (1–5, 1–7, 1–10, 0–10 when a 0 occurs, 0–100).
 * Null when nothing was answered or no usual scale holds the answers (negative, above 100): the
 * user picks one, and answers outside it are set aside.
 */
export function inferScale(s: AnswerStats): Scale | null {
  if (s.labels) return [1, 5];
  if (s.min === null || s.max === null) return null;
  for (const scale of USUAL_SCALES) if (s.min >= scale[0] && s.max <= scale[1]) return [scale[0], scale[1]];
  return null;
}

/** Whether a value lies on a scale (inclusive, with the 1e-9 tolerance of §0). */
export function onScale(v: number, scale: Scale): boolean {
  return v >= scale[0] - 1e-9 && v <= scale[1] + 1e-9;
}

/** A leading question number: `3、`, `3.`, `3)`, `Q3.`, `Q3 `. The same pattern is used in SQL. */
export const QUESTION_NUMBER = '^\\s*(?:[Qq]\\s*\\d+\\s*[、.．:：)）]?|\\d+\\s*[、.．:：)）])\\s*';
/** A bracketed dimension: `[可靠性]`, `【可靠性】`. */
export const BRACKETED_DIMENSION = '[\\[【［]([^\\]】］]*)[\\]】］]';

/**
 * A question's text and dimension from a header (or a question cell): without the leading number
 * and without the bracketed dimension, which becomes the dimension (§12).
 * `3、[可靠性]按约定时间交货` → `{ item: '按约定时间交货', dimension: '可靠性' }`.
 */
export function parseQuestion(text: string): { item: string; dimension: string | null } {
  const noNumber = text.replace(new RegExp(QUESTION_NUMBER), '');
  const m = noNumber.match(new RegExp(BRACKETED_DIMENSION));
  const dimension = m ? m[1].trim() || null : null;
  const item = noNumber.replace(new RegExp(BRACKETED_DIMENSION, 'g'), ' ').replace(/\s+/g, ' ').trim();
  return { item: item || text.trim(), dimension };
}

/** SQL: the question text of parseQuestion (number and bracketed dimension removed). */
export function itemSql(expr: string): string {
  const noNumber = `regexp_replace(${expr}, '${QUESTION_NUMBER}', '')`;
  const bare = `trim(regexp_replace(regexp_replace(${noNumber}, '${BRACKETED_DIMENSION}', ' ', 'g'), '\\s+', ' ', 'g'))`;
  return `coalesce(nullif(${bare}, ''), nullif(trim(${expr}), ''))`;
}

/** SQL: the bracketed dimension of a question text (NULL without one). */
export function itemDimensionSql(expr: string): string {
  return `nullif(trim(regexp_extract(regexp_replace(${expr}, '${QUESTION_NUMBER}', ''), '${BRACKETED_DIMENSION}', 1)), '')`;
}

/** Words in a row that mark it as the importance row of a wide export (its cells are the questions' importance). */
export const IMPORTANCE_WORDS = ['重要性', '重要程度', '重要度', '权重', 'importance', 'weight'];

/**
 * Columns a survey tool adds that are not questions (§12 data-model: 序号, 所用时间, 来源,
 * 来源详情, 来自IP, 总分 …), by normalised header.
 */
const METADATA = new Set(
  [
    '序号',
    '所用时间',
    '答题时长',
    '来源',
    '来源详情',
    '来自ip',
    'ip',
    'ip地址',
    '总分',
    '平均分',
    '得分',
    '用户名',
    '微信昵称',
    '填写设备',
    '操作系统',
    '浏览器',
    'duration',
    'timetaken',
    'source',
    'sourcedetail',
    'ipaddress',
    'totalscore',
    'total',
    'useragent',
    'device',
  ].map(normaliseHeader),
);

/** Identity roles a survey tool phrases as questions (`1、贵公司客户编号`): matched when the header contains one of these. */
const CONTAINED: [string, string[]][] = [
  [
    'customer_id',
    [
      '客户编号',
      '客户代码',
      '客户编码',
      '客户号',
      '客户id',
      'customerid',
      'customercode',
      'customerno',
      'accountno',
    ],
  ],
  [
    'customer_name',
    [
      '公司名称',
      '客户名称',
      '单位名称',
      '企业名称',
      '公司名',
      'companyname',
      'customername',
      'company',
      'organization',
      'organisation',
    ],
  ],
  ['survey_date', ['提交答卷时间', '提交时间', 'submitted', 'submissiontime']],
];

/** Headers only a survey export has (its own columns): any one of them makes a file a survey. */
const MARKERS = new Set(['提交答卷时间', '所用时间', '来源详情', '来自ip', '答卷编号'].map(normaliseHeader));

/** A header without its question number, normalised. */
function bareHeader(header: string): string {
  return normaliseHeader(header.replace(new RegExp(QUESTION_NUMBER), ''));
}

/**
 * The role a survey export's column has by its header: the usual synonyms once the question
 * number is removed, else an identity phrase it contains (`贵公司客户编号` → customer_id).
 */
export function surveyRoleForHeader(header: string): string | null {
  const bare = header.replace(new RegExp(QUESTION_NUMBER), '');
  const exact = roleForHeader(bare);
  if (exact) return exact;
  const n = bareHeader(header);
  for (const [role, words] of CONTAINED) if (words.some((w) => n.includes(normaliseHeader(w)))) return role;
  return null;
}

/** Whether a header names a survey tool's own column (not a question). */
export function isMetadataHeader(header: string): boolean {
  return METADATA.has(bareHeader(header));
}

/** Whether a header marks a survey export. */
export function isSurveyMarker(header: string): boolean {
  return MARKERS.has(normaliseHeader(header));
}

/** Whether a row (its cells as read) is the importance row of a wide export. */
export function isImportanceRow(cells: string[], questionColumns: ReadonlySet<number>): boolean {
  const words = new Set(IMPORTANCE_WORDS.map(labelKey));
  return cells.some((c, i) => !questionColumns.has(i) && words.has(labelKey(c ?? '')));
}

/** How the answers in a column look: share of readable answers and whether it looks like a question. */
export function questionLike(cells: string[]): { answered: number; share: number; labels: boolean } {
  let answered = 0;
  let readable = 0;
  let labels = false;
  for (const c of cells) {
    const a = readAnswer(c);
    if (a.kind === 'skip') continue;
    answered++;
    if (a.kind === 'label') {
      readable++;
      labels = true;
    } else if (a.kind === 'number' && a.value >= 0 && a.value <= 100) readable++;
  }
  return { answered, share: answered ? readable / answered : 0, labels };
}

/** Whether survey-only roles make sense for a kind. */
export function isSurveyKind(kind: string): kind is 'survey' | 'survey_items' {
  return kind === 'survey' || kind === 'survey_items';
}

export { SURVEY_ROLES };
