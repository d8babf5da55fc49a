/**
 * The demo's customer satisfaction survey (analytics.md §12, seed 002): two half-yearly waves as
 * 问卷星 exports them (UTF-8 with BOM, 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP,
 * identity phrased as questions, one column per question answered with Likert labels or
 * `(跳过)`, an open question at the end) and the question table (题目, 维度, 重要性).
 * Planted: reliability and responsiveness matter most and score lowest on complaints and rush
 * orders (the "concentrate here" quadrant); tangibles score high and matter little ("possible
 * overkill"); growing customers are happier, declining and churned ones less; a few large
 * customers fall by 15+ points in the second wave (the at-risk list); respondents leave the id
 * out (matched by name), write it in lower case, or are not in the sales data at all.
 */
import type { Customer } from './model';
import type { Random } from './random';

/** The 20 questions: seed 002's five dimensions, four each, with their importance (1–5). */
const QUESTIONS: { dimension: string; text: string; importance: number; effect: number }[] = [
  { dimension: '有形性', text: '送货车辆和装卸设备整洁完好', importance: 2.8, effect: 0.55 },
  { dimension: '有形性', text: '业务人员着装规范、举止得体', importance: 2.6, effect: 0.6 },
  { dimension: '有形性', text: '单据、合同、发票清晰规范', importance: 3.2, effect: 0.35 },
  { dimension: '有形性', text: '提货现场整洁有序', importance: 2.5, effect: 0.45 },
  { dimension: '可靠性', text: '按约定时间交货', importance: 4.8, effect: -0.1 },
  { dimension: '可靠性', text: '产品质量稳定、符合标准', importance: 4.7, effect: 0.3 },
  { dimension: '可靠性', text: '开票准确无差错', importance: 4.1, effect: 0.2 },
  { dimension: '可靠性', text: '兑现合同和服务承诺', importance: 4.5, effect: 0.1 },
  { dimension: '响应性', text: '订单和询价答复及时', importance: 4.3, effect: 0 },
  { dimension: '响应性', text: '投诉和质量异议处理及时', importance: 4.6, effect: -0.75 },
  { dimension: '响应性', text: '紧急订单能快速安排', importance: 4.2, effect: -0.6 },
  { dimension: '响应性', text: '业务员乐于提供帮助', importance: 3.6, effect: 0.25 },
  { dimension: '保证性', text: '业务员熟悉产品和技术知识', importance: 3.9, effect: 0.05 },
  { dimension: '保证性', text: '技术服务能解决使用中的问题', importance: 3.7, effect: -0.3 },
  { dimension: '保证性', text: '交易安全、信用可靠', importance: 4.0, effect: 0.35 },
  { dimension: '保证性', text: '对贵公司的信息保密', importance: 3.1, effect: 0.2 },
  { dimension: '移情性', text: '了解贵公司的特殊需要', importance: 3.5, effect: -0.35 },
  { dimension: '移情性', text: '营业和服务时间方便', importance: 2.9, effect: 0.15 },
  { dimension: '移情性', text: '定期关注和回访', importance: 3.0, effect: -0.2 },
  { dimension: '移情性', text: '价格和结算方式灵活', importance: 4.0, effect: -0.5 },
];

const LABELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
const SOURCES = ['手机提交', '链接', '微信'];
const PROVINCES = ['浙江-杭州', '江苏-苏州', '上海-上海', '广东-广州', '山东-济南', '四川-成都', '湖北-武汉'];
const SUGGESTIONS = [
  '',
  '',
  '',
  '',
  '希望加快投诉处理',
  '紧急订单能否优先安排',
  '价格再优惠些',
  '无',
  '发票请及时寄出',
];
/** Respondents whose company is not in the sales data (a new contact, a group's sister company). */
const STRANGERS = ['南通远航物流有限公司', '宁波港城建材有限公司'];

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: string[]) => cells.map(csvField).join(',');

/** How much a customer likes the service: its purchase pattern, a little noise of its own. */
function baseMood(r: Random, c: Customer): number {
  const byPattern: Record<string, number> = {
    growing: 0.45,
    steady: 0.1,
    new: 0.3,
    late: 0.15,
    quiet: -0.25,
    declining: -0.55,
    churned: -0.9,
    no_value: -0.2,
  };
  return (byPattern[c.pattern] ?? 0) + r.normal() * 0.35;
}

/** One answer cell: a Likert label, now and then skipped. */
function answer(r: Random, mood: number, effect: number): string {
  if (r.next() < 0.03) return '(跳过)';
  const v = Math.round(3.75 + mood + effect + r.normal() * 0.65);
  return LABELS[Math.min(5, Math.max(1, v)) - 1];
}

/** A submission time as 问卷星 writes it (`2025/6/12 10:23:45`). */
function stamp(r: Random, month: number, fromDay: number): string {
  const day = fromDay + r.int(0, 17);
  return `2025/${month}/${day} ${r.int(8, 20)}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
}

/** The same time as a key that sorts (zero-padded). */
function sortKey(stamp: string): string {
  return stamp.replace(/\d+/g, (d) => d.padStart(4, '0'));
}

/**
 * The two waves' exports and the question table. Wave 1 (June 2025) writes each question's
 * dimension in its header (`3、[可靠性]按约定时间交货`); wave 2 (December 2025) does not, and
 * takes the dimensions from the question table.
 */
export function surveyFiles(r: Random, customers: Customer[]): { name: string; text: string }[] {
  // The largest customers answer more often; a customer active before the wave can answer.
  const bySize = [...customers].sort((a, b) => b.monthly - a.monthly);
  const rankOf = new Map(bySize.map((c, i) => [c.id, i]));
  const mood = new Map(customers.map((c) => [c.id, baseMood(r, c)]));
  // Large customers whose satisfaction falls in wave 2 (the at-risk list).
  const fallers = new Set(
    bySize
      .slice(0, 40)
      .filter((_, i) => i % 8 === 3)
      .map((c) => c.id),
  );
  const waves = [
    { name: 'survey_2025h1.csv', month: 6, lastMonth: 17, brackets: true },
    { name: 'survey_2025h2.csv', month: 12, lastMonth: 23, brackets: false },
  ];
  const files = waves.map((w, k) => {
    const header = [
      '序号',
      '提交答卷时间',
      '所用时间',
      '来源',
      '来源详情',
      '来自IP',
      '1、贵公司客户编号',
      '2、贵公司名称',
      ...QUESTIONS.map((q, i) => `${i + 3}、${w.brackets ? `[${q.dimension}]` : ''}${q.text}`),
      `${QUESTIONS.length + 3}、您对我们还有什么建议？`,
    ];
    const rows: string[][] = [];
    for (const c of customers) {
      if (c.start > w.lastMonth - 2) continue;
      const rank = rankOf.get(c.id)!;
      const p = rank < 40 ? 0.75 : rank < 120 ? 0.45 : 0.2;
      if (r.next() >= p) continue;
      const drift = k === 1 ? (fallers.has(c.id) ? -0.9 : c.pattern === 'churned' ? -0.3 : 0.05) : 0;
      const m = (mood.get(c.id) ?? 0) + drift + r.normal() * 0.15;
      const who = r.next();
      const id = who < 0.1 ? '' : who < 0.16 ? c.id.toLowerCase() : c.id;
      rows.push([
        '',
        stamp(r, w.month, 2),
        `${r.int(95, 620)}秒`,
        r.pick(SOURCES),
        r.next() < 0.7 ? '直接访问' : 'N/A',
        `${r.int(36, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}(${r.pick(PROVINCES)})`,
        id,
        c.name,
        ...QUESTIONS.map((q) => answer(r, m, q.effect)),
        r.pick(SUGGESTIONS),
      ]);
    }
    // Not in the sales data: reported as unmatched, counted under the name they give.
    const stranger = STRANGERS[k];
    rows.splice(r.int(0, rows.length), 0, [
      '',
      stamp(r, w.month, 2),
      `${r.int(95, 620)}秒`,
      '链接',
      '直接访问',
      `${r.int(36, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}(江苏-南通)`,
      '',
      stranger,
      ...QUESTIONS.map((q) => answer(r, 0, q.effect)),
      '',
    ]);
    // Survey tools number responses in the order submitted.
    rows.sort((a, b) => (sortKey(a[1]) < sortKey(b[1]) ? -1 : sortKey(a[1]) > sortKey(b[1]) ? 1 : 0));
    rows.forEach((row, i) => (row[0] = String(i + 1)));
    return { name: w.name, text: '\uFEFF' + [line(header), ...rows.map(line)].join('\r\n') + '\r\n' };
  });
  const items = [
    line(['题目', '维度', '重要性']),
    ...QUESTIONS.map((q) => line([q.text, q.dimension, q.importance.toFixed(1)])),
  ];
  return [...files, { name: 'survey_items.csv', text: items.join('\n') + '\n' }];
}
