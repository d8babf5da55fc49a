/**
 * The glossary page: each metric's name, its formula in one line and how to
 * read it, as analytics.md defines it. Kept in its own file so work on different areas does not
 * collide in the main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must
 * have the same keys. The terms are listed in src/ui/help/glossary.ts.
 */
export const glossaryEn = {
  'nav.help': 'Glossary',
  'help.title': 'Glossary: what each figure means',
  'help.intro':
    'Each figure of the workbench in one line: its formula, then how to read it. The ? next to a figure on the other pages opens its entry here.',
  'help.formula': 'Formula',
  'help.reading': 'How to read it',
  'help.open': 'What is {term}? (glossary)',
  'help.terms': 'Terms on this panel:',
  'help.back': 'Back to {page}',

  'glossary.abc.name': 'ABC class',
  'glossary.abc.formula':
    'rank by value; A while the cumulative share before the entity < 80 %, B while < 95 %, else C (value ≤ 0: C)',
  'glossary.abc.read':
    'A is the few customers who make most of the value, C the long tail. The entity that crosses a threshold belongs to the higher class.',
  'glossary.top20.name': 'Top 20 % share',
  'glossary.top20.formula': 'value share of the first ⌈0.2 × n⌉ entities by rank',
  'glossary.top20.read':
    'Around 80 % is the classic Pareto shape; much higher means dependence on a few customers, much lower a broad base.',
  'glossary.hhi.name': 'HHI (Herfindahl–Hirschman index)',
  'glossary.hhi.formula': 'HHI = Σ share_i² (shares as fractions)',
  'glossary.hhi.read':
    'From 1/n (all equal) to 1 (one customer has everything). 1/HHI is the "effective number" of equal customers: HHI 0.05 behaves like 20.',
  'glossary.gini.name': 'Gini coefficient',
  'glossary.gini.formula': 'G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄) over the positive values',
  'glossary.gini.read':
    '0 = every customer buys the same, near 1 = one customer buys nearly everything. It is twice the area between the Lorenz curve and the diagonal.',
  'glossary.rfm.name': 'R · F · M scores',
  'glossary.rfm.formula':
    'R = days since the last purchase, F = orders, M = net revenue in the 12-month window; each scored 1–5: min(5, 1 + ⌊5p⌋), p = share of customers below (for R: above)',
  'glossary.rfm.read':
    '5 is the best fifth: bought recently (R), often (F), for much (M). Ties get the same score; customers with M ≤ 0 are left out.',
  'glossary.segment.name': 'RFM segment',
  'glossary.segment.formula':
    'from the R and F scores: 5[4-5] champions, [3-4][4-5] loyal, [1-2]5 cannot lose, [1-2][3-4] at risk, [1-2][1-2] hibernating …',
  'glossary.segment.read':
    'What to do next: keep champions and loyal customers, win back the ones at risk before they become hibernating.',
  'glossary.plan_fulfilment.name': 'Plan fulfilment (R1)',
  'glossary.plan_fulfilment.formula':
    'R1 = Σ actual ÷ Σ plan over the period (quantity when the plan has quantities)',
  'glossary.plan_fulfilment.read':
    '1.0 = the plan exactly; below 1 behind plan. Empty when the customer has no plan.',
  'glossary.volume_share.name': 'Volume share (R2)',
  'glossary.volume_share.formula': 'R2 = quantity of the customer ÷ quantity of all scored customers',
  'glossary.volume_share.read':
    "The customer's weight in the volume sold (revenue when there are no quantities).",
  'glossary.price_index.name': 'Price index (R3)',
  'glossary.price_index.formula':
    'R3 = Σ_p revenue(c,p) ÷ Σ_p quantity(c,p) × avg_price(p), avg_price(p) = revenue(p) ÷ quantity(p) over all customers',
  'glossary.price_index.read':
    '1.0 = the customer pays the average price for the same products; 1.05 = 5 % above it; below 1 = discounts. Mix-neutral: buying cheaper products does not lower it.',
  'glossary.stability.name': 'Stability (R4)',
  'glossary.stability.formula': 'R4 = months with net revenue > 0 ÷ months in the period',
  'glossary.stability.read':
    '1.0 = bought every month; 0.25 = one month in four. Steady customers are easier to plan for.',
  'glossary.kpi_tier.name': 'KPI score and tier',
  'glossary.kpi_tier.formula':
    'score s = (rank − 1) ÷ (n − 1) per metric; total = Σ weight × s; top 20 % A, bottom 20 % C, rest B; 3 months below plan → C',
  'glossary.kpi_tier.read':
    'The total is out of 100 (weights sum to 100). A customer who missed its plan in 3 months or more is C whatever its score.',
  'glossary.turnover.name': 'Turnover',
  'glossary.turnover.formula':
    'turnover = sales in the period ÷ average inventory ((opening + closing) ÷ 2 per month)',
  'glossary.turnover.read':
    'How many times the stock was sold through in the period: higher is faster. The page says whether units, cost or revenue were used.',
  'glossary.cross_ratio.name': 'Cross ratio',
  'glossary.cross_ratio.formula': 'cross ratio = margin rate × turnover',
  'glossary.cross_ratio.read':
    'Gross profit earned per unit of stock held: a slow product with a high margin can equal a fast one with a low margin.',
  'glossary.contribution.name': 'Contribution ratio',
  'glossary.contribution.formula': 'contribution = cross ratio × sales share',
  'glossary.contribution.read':
    "The product's part in the company's profit from stock: the products to push first have a high one.",
  'glossary.p_alive.name': 'P(alive)',
  'glossary.p_alive.formula':
    'BG/NBD: P(alive) = 1 ÷ (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))',
  'glossary.p_alive.read':
    'The probability that the customer still buys, given how often they bought (x) and how long ago the last purchase was (t_x) for their age (T). A long silence after frequent buying lowers it most.',
  'glossary.expected_value.name': 'Expected value (CLV)',
  'glossary.expected_value.formula':
    'expected value = expected purchase days in the horizon × expected average value (Gamma-Gamma)',
  'glossary.expected_value.read':
    'Revenue to expect from the customer over the next 52 weeks (undiscounted), for ranking customers by what they are likely to bring.',
};

/** 简体中文。 */
export const glossaryZhCN: Record<keyof typeof glossaryEn, string> = {
  'nav.help': '术语表',
  'help.title': '术语表：各项指标的含义',
  'help.intro': '工作台中每个指标一行公式，再说明如何解读。其他页面指标旁的“?”会打开这里对应的条目。',
  'help.formula': '公式',
  'help.reading': '如何解读',
  'help.open': '{term} 是什么？（术语表）',
  'help.terms': '本面板术语：',
  'help.back': '返回{page}',

  'glossary.abc.name': 'ABC 类别',
  'glossary.abc.formula':
    '按数值排名；该对象之前的累计占比 < 80% 为 A，< 95% 为 B，其余为 C（数值 ≤ 0 为 C）',
  'glossary.abc.read': 'A 类是贡献大部分价值的少数客户，C 类是长尾。跨越阈值的对象归入较高的一类。',
  'glossary.top20.name': '前 20% 占比',
  'glossary.top20.formula': '排名前 ⌈0.2 × n⌉ 个对象的价值占比',
  'glossary.top20.read': '约 80% 是典型的帕累托结构；明显更高说明依赖少数客户，明显更低说明客户基础分散。',
  'glossary.hhi.name': 'HHI（赫芬达尔—赫希曼指数）',
  'glossary.hhi.formula': 'HHI = Σ 占比_i²（占比为小数）',
  'glossary.hhi.read':
    '从 1/n（完全均等）到 1（一个客户占全部）。1/HHI 是“等效客户数”：HHI 为 0.05 相当于 20 个同等规模的客户。',
  'glossary.gini.name': '基尼系数',
  'glossary.gini.formula': 'G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄)，只计正值',
  'glossary.gini.read':
    '0 表示每个客户购买相同，接近 1 表示几乎全部由一个客户购买。等于洛伦兹曲线与对角线之间面积的两倍。',
  'glossary.rfm.name': 'R · F · M 评分',
  'glossary.rfm.formula':
    'R = 距最近一次购买的天数，F = 订单数，M = 12 个月窗口内净销售额；各评 1–5 分：min(5, 1 + ⌊5p⌋)，p = 低于该值的客户比例（R 为高于）',
  'glossary.rfm.read':
    '5 分是最好的五分之一：最近买过（R）、买得频繁（F）、买得多（M）。同值同分；M ≤ 0 的客户不参与。',
  'glossary.segment.name': 'RFM 客户分群',
  'glossary.segment.formula':
    '由 R、F 分数决定：5[4-5] 重要价值客户，[3-4][4-5] 忠诚客户，[1-2]5 不能失去，[1-2][3-4] 流失风险，[1-2][1-2] 沉睡客户……',
  'glossary.segment.read': '下一步怎么做：维护重要价值与忠诚客户，在流失风险客户变成沉睡客户之前挽回。',
  'glossary.plan_fulfilment.name': '计划兑现率（R1）',
  'glossary.plan_fulfilment.formula': 'R1 = 期间内 Σ 实际 ÷ Σ 计划（计划有数量时按数量）',
  'glossary.plan_fulfilment.read': '1.0 表示恰好完成计划；低于 1 表示落后。客户没有计划时为空。',
  'glossary.volume_share.name': '销量占比（R2）',
  'glossary.volume_share.formula': 'R2 = 该客户销量 ÷ 所有参评客户销量',
  'glossary.volume_share.read': '客户在销量中的分量（没有数量时按销售额）。',
  'glossary.price_index.name': '价格指数（R3）',
  'glossary.price_index.formula':
    'R3 = Σ_p 销售额(c,p) ÷ Σ_p 数量(c,p) × 平均价(p)，平均价(p) = 全部客户的销售额(p) ÷ 数量(p)',
  'glossary.price_index.read':
    '1.0 表示客户对同样产品支付平均价格；1.05 表示高 5%；低于 1 表示有折让。与品种结构无关：多买便宜产品不会拉低它。',
  'glossary.stability.name': '客户稳定率（R4）',
  'glossary.stability.formula': 'R4 = 净销售额 > 0 的月份数 ÷ 期间月份数',
  'glossary.stability.read': '1.0 表示每个月都有购买；0.25 表示四个月中有一个月。稳定的客户更便于计划。',
  'glossary.kpi_tier.name': 'KPI 总分与等级',
  'glossary.kpi_tier.formula':
    '每项指标得分 s = (排名 − 1) ÷ (n − 1)；总分 = Σ 权重 × s；前 20% 为 A，后 20% 为 C，其余为 B；3 个月未完成计划 → C',
  'glossary.kpi_tier.read':
    '总分满分 100（权重合计 100）。3 个月及以上未完成计划的客户无论得分多少都是 C 级。',
  'glossary.turnover.name': '周转率',
  'glossary.turnover.formula': '周转率 = 期间销售 ÷ 平均库存（每月 (期初 + 期末) ÷ 2）',
  'glossary.turnover.read': '期间内库存周转了几次：越高越快。页面会说明按数量、成本还是销售额计算。',
  'glossary.cross_ratio.name': '交叉比率',
  'glossary.cross_ratio.formula': '交叉比率 = 毛利率 × 周转率',
  'glossary.cross_ratio.read': '每单位库存赚取的毛利：高毛利的慢销品可以与低毛利的快销品相当。',
  'glossary.contribution.name': '贡献比率',
  'glossary.contribution.formula': '贡献比率 = 交叉比率 × 销售占比',
  'glossary.contribution.read': '产品在公司库存利润中的份额：应优先推广贡献比率高的产品。',
  'glossary.p_alive.name': '存活概率 P(alive)',
  'glossary.p_alive.formula':
    'BG/NBD：P(alive) = 1 ÷ (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))',
  'glossary.p_alive.read':
    '根据客户购买的频繁程度（x）以及相对其客户年龄（T）最近一次购买的时间（t_x），估计客户仍在购买的概率。频繁购买之后长期沉默，下降最多。',
  'glossary.expected_value.name': '预期价值（CLV）',
  'glossary.expected_value.formula': '预期价值 = 预测期内预期购买天数 × 预期平均金额（Gamma-Gamma）',
  'glossary.expected_value.read':
    '未来 52 周可望从该客户获得的销售额（不折现），用于按可能带来的价值为客户排序。',
};
