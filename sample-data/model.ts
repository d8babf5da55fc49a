import type { Random } from './random';

/** The 24 calendar months of the demo, 2024-01 … 2025-12. */
export const MONTHS = Array.from(
  { length: 24 },
  (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

/** How a customer's purchases develop over the 24 months (planted for the lifecycle analysis). */
export type Pattern = 'steady' | 'growing' | 'declining' | 'late' | 'new' | 'quiet' | 'churned' | 'no_value';

export interface Product {
  id: string;
  name: string;
  category: string;
  price: number;
  unitCost: number;
}

export interface Customer {
  id: string;
  name: string;
  type: string;
  region: string;
  channel: string;
  rep: string;
  /** Expected revenue per active month at the start. */
  monthly: number;
  /** Price discount off list. */
  discount: number;
  pattern: Pattern;
  /** First active month index (0-based). */
  start: number;
  /** Last active month index (inclusive). */
  stop: number;
  /** Months with no purchases (the "quiet" pattern). */
  quiet: Set<number>;
  /** Monthly growth factor. */
  trend: number;
}

const CATEGORIES = [
  {
    name: '润滑油',
    price: 420,
    margin: 0.3,
    series: ['车用机油', '工业齿轮油', '液压油', '汽轮机油', '压缩机油'],
  },
  { name: '溶剂油', price: 260, margin: 0.14, series: ['6号溶剂油', '120号溶剂油', '200号溶剂油'] },
  { name: '沥青', price: 3900, margin: 0.09, series: ['道路沥青', '改性沥青', '乳化沥青'] },
  { name: '化工原料', price: 1800, margin: 0.17, series: ['聚丙烯', '聚乙烯', '苯乙烯', '甲醇'] },
  { name: '液化气', price: 520, margin: 0.07, series: ['民用液化气', '工业丙烷'] },
  { name: '添加剂', price: 96, margin: 0.38, series: ['抗磨剂', '清净剂', '降凝剂', '抗氧剂'] },
];
const GRADES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'];

/** 60 products in 6 categories, margins differing by category. */
export function makeProducts(r: Random): Product[] {
  const out: Product[] = [];
  for (let i = 0; out.length < 60; i++) {
    const c = CATEGORIES[i % CATEGORIES.length];
    const series = c.series[Math.floor(i / CATEGORIES.length) % c.series.length];
    const grade = GRADES[Math.floor(i / CATEGORIES.length) % GRADES.length];
    const price = Math.round(c.price * (0.7 + r.next() * 0.8) * 100) / 100;
    const unitCost = Math.round(price * (1 - c.margin) * (0.92 + r.next() * 0.16) * 100) / 100;
    out.push({
      id: `P${String(out.length + 1).padStart(3, '0')}`,
      name: `${series} ${grade}${10 + out.length}`,
      category: c.name,
      price,
      unitCost,
    });
  }
  return out;
}

const CITIES = [
  '杭州',
  '宁波',
  '苏州',
  '无锡',
  '广州',
  '佛山',
  '东莞',
  '北京',
  '天津',
  '石家庄',
  '武汉',
  '长沙',
  '郑州',
  '成都',
  '重庆',
  '昆明',
  '西安',
  '兰州',
  '沈阳',
  '大连',
  '南京',
  '合肥',
  '济南',
  '青岛',
  '厦门',
];
const WORDS = [
  '恒达',
  '宏远',
  '华泰',
  '中信',
  '鑫源',
  '博润',
  '永盛',
  '联创',
  '金桥',
  '海通',
  '瑞丰',
  '天宇',
  '嘉禾',
  '众合',
  '诚信',
  '新元',
  '顺发',
  '立华',
  '广源',
  '德昌',
];
const SUFFIX = [
  '贸易有限公司',
  '石化有限公司',
  '物流有限公司',
  '实业有限公司',
  '化工有限公司',
  '能源有限公司',
  '工程有限公司',
  '商贸有限公司',
];
const REGION_OF: Record<string, string> = {
  杭州: '华东',
  宁波: '华东',
  苏州: '华东',
  无锡: '华东',
  南京: '华东',
  合肥: '华东',
  济南: '华东',
  青岛: '华东',
  厦门: '华东',
  广州: '华南',
  佛山: '华南',
  东莞: '华南',
  北京: '华北',
  天津: '华北',
  石家庄: '华北',
  武汉: '华中',
  长沙: '华中',
  郑州: '华中',
  成都: '西南',
  重庆: '西南',
  昆明: '西南',
  西安: '西北',
  兰州: '西北',
  沈阳: '东北',
  大连: '东北',
};
/** Two sales reps per region. */
export const REPS: Record<string, string[]> = {
  华东: ['王伟', '李娜'],
  华南: ['张敏', '刘洋'],
  华北: ['陈杰', '杨静'],
  华中: ['赵磊', '黄丽'],
  西南: ['周涛', '吴芳'],
  西北: ['徐强'],
  东北: ['孙颖'],
};

function pattern(i: number): Pattern {
  // Deterministic mix by position, so every pattern is present in a known proportion.
  const k = i % 50;
  if (k < 27) return 'steady';
  if (k < 32) return 'growing';
  if (k < 37) return 'declining';
  if (k < 41) return 'late';
  if (k < 43) return 'new';
  if (k < 45) return 'quiet';
  if (k < 49) return 'churned';
  return 'no_value';
}

/** `n` customers with a Pareto-like size spread (lognormal) and planted lifecycle patterns. */
export function makeCustomers(r: Random, n: number): Customer[] {
  const names = new Set<string>();
  const out: Customer[] = [];
  for (let i = 0; i < n; i++) {
    let name = '';
    let city = '';
    do {
      city = r.pick(CITIES);
      name = `${city}${r.pick(WORDS)}${r.pick(SUFFIX)}`;
    } while (names.has(name));
    names.add(name);
    const region = REGION_OF[city];
    const size = Math.exp(r.normal() * 1.25);
    const type = size > 4 ? '大客户' : size > 1.2 ? '经销商' : size > 0.45 ? '直营客户' : '零售客户';
    const p = pattern(i);
    const start = p === 'late' ? r.int(6, 20) : p === 'new' ? r.int(21, 23) : 0;
    const stop = p === 'churned' ? r.int(5, 16) : 23;
    const quietFrom = r.int(8, 16);
    const quiet = new Set(p === 'quiet' ? [quietFrom, quietFrom + 1, quietFrom + 2, quietFrom + 3] : []);
    out.push({
      id: `C${String(i + 1).padStart(4, '0')}`,
      name,
      type,
      region,
      channel:
        type === '零售客户'
          ? r.pick(['线上', '线上', '线下'])
          : type === '大客户'
            ? '线下'
            : r.pick(['线下', '分销', '线上']),
      rep: r.pick(REPS[region]),
      monthly: 18000 * size,
      discount: type === '大客户' ? 0.06 + r.next() * 0.08 : r.next() * 0.08,
      pattern: p,
      start,
      stop,
      quiet,
      trend: p === 'growing' ? 1.045 : p === 'declining' ? 0.94 : 1,
    });
  }
  return out;
}

/** Seasonality: slow around the Spring Festival, strong in the autumn road-building season. */
export const SEASON = [0.95, 0.7, 1.0, 1.05, 1.05, 1.0, 0.95, 1.0, 1.1, 1.15, 1.1, 1.05];
