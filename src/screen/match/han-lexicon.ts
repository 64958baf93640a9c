/**
 * A small lexicon for segmenting Chinese company names (written for datacustoms).
 *
 * Chinese names have no spaces; registered company names follow a fixed pattern
 * (企业名称登记管理规定: place + trade name + industry + organizational form), e.g.
 * 杭州 | 海康威视 | 数字技术 | 股份有限公司. The lexicon knows the closing legal forms, the common
 * industry words, and the places, so the part left over is the trade name (字号) — the
 * distinctive part. Each entry carries an English gloss used for a secondary "gloss" key
 * (华为技术有限公司 → "huawei technology ltd") and the pinyin is computed with pinyin-pro.
 *
 * All entries are simplified characters (text is folded before segmentation).
 */

export type HanKind = 'legal' | 'weak' | 'loc' | 'word' | 'stop';

export interface HanWord {
  readonly kind: HanKind;
  /** English gloss (for legal forms: the compare form of the legal-form dictionary). */
  readonly gloss: string;
  /** Legal forms only: the generic class (LLC, JSC …). */
  readonly generic?: string;
}

const legal = (gloss: string, generic: string): HanWord => ({ kind: 'legal', gloss, generic });
const weak = (gloss: string): HanWord => ({ kind: 'weak', gloss });
const loc = (gloss: string): HanWord => ({ kind: 'loc', gloss });
const word = (gloss: string): HanWord => ({ kind: 'word', gloss });

/** Organizational forms (公司法 / 企业名称登记管理规定) and their compare forms. */
const LEGAL: Record<string, HanWord> = {
  股份有限公司: legal('jsc', 'JSC'), // company limited by shares
  有限责任公司: legal('llc', 'LLC'), // limited liability company
  有限公司: legal('ltd', 'LLC'),
  总公司: legal('corp', 'CO'),
  公司: legal('co', 'CO'),
  株式会社: legal('jsc', 'JSC'), // Japanese kabushiki kaisha
  有限会社: legal('ltd', 'LLC'), // Japanese yugen kaisha
  合伙企业: legal('partnership', 'LP'),
  有限合伙: legal('lp', 'LP'),
  研究所: word('research institute'),
  研究院: word('research academy'),
};

/** Generic industry words: they weigh less, like Technology or Group in English. */
const WEAK: Record<string, HanWord> = {
  集团: weak('group'),
  控股: weak('holdings'),
  技术: weak('technology'),
  科技: weak('technology'),
  科学技术: weak('science technology'),
  高科技: weak('hi tech'),
  国际: weak('international'),
  信息: weak('information'),
  通信: weak('communications'),
  通讯: weak('communications'),
  电信: weak('telecom'),
  电子: weak('electronics'),
  网络: weak('network'),
  数字: weak('digital'),
  工业: weak('industry'),
  实业: weak('industrial'),
  产业: weak('industry'),
  发展: weak('development'),
  投资: weak('investment'),
  贸易: weak('trading'),
  进出口: weak('import export'),
  工程: weak('engineering'),
  建设: weak('construction'),
  建筑: weak('construction'),
  制造: weak('manufacturing'),
  设备: weak('equipment'),
  系统: weak('systems'),
  服务: weak('services'),
  管理: weak('management'),
  咨询: weak('consulting'),
  资源: weak('resources'),
  能源: weak('energy'),
  新能源: weak('new energy'),
  智能: weak('intelligent'),
  软件: weak('software'),
  材料: weak('materials'),
  物流: weak('logistics'),
  航运: weak('shipping'),
  海运: weak('shipping'),
  国家: weak('national'),
  全国: weak('national'),
  中央: weak('central'),
  有限: weak('limited'),
  股份: weak('shares'),
  企业: weak('enterprise'),
  创新: weak('innovation'),
  应用: weak('application'),
  精密: weak('precision'),
  机械: weak('machinery'),
  设计: weak('design'),
  研究: weak('research'),
  中心: weak('center'),
  // a unit named after its company (…有限公司深圳分公司): weak, like Branch, Subsidiary and
  // Office in English names, not a trade name of its own
  分公司: weak('branch'),
  子公司: weak('subsidiary'),
  办事处: weak('office'),
  代表处: weak('office'),
};

/** Industry words that usually carry meaning (kept at full weight). */
const WORDS: Record<string, HanWord> = {
  航空: word('aviation'),
  航天: word('aerospace'),
  船舶: word('shipbuilding'),
  重工: word('heavy industry'),
  半导体: word('semiconductor'),
  集成电路: word('integrated circuit'),
  存储: word('memory'),
  移动: word('mobile'),
  联合: word('united'),
  联通: word('unicom'),
  石油: word('petroleum'),
  石化: word('petrochemical'),
  化工: word('chemical'),
  化学: word('chemical'),
  核电: word('nuclear power'),
  核工业: word('nuclear industry'),
  电力: word('power'),
  卫星: word('satellite'),
  汽车: word('automotive'),
  生物: word('biological'),
  基因: word('genomics'),
  医疗: word('medical'),
  光学: word('optical'),
  光电: word('optoelectronics'),
  仪器: word('instrument'),
  导航: word('navigation'),
  无人机: word('uav'),
  机器人: word('robotics'),
  计算机: word('computer'),
  微电子: word('microelectronics'),
  银行: word('bank'),
  大学: word('university'),
  学院: word('college'),
  医院: word('hospital'),
  交通: word('communications'),
  铁路: word('railway'),
  铁建: word('railway construction'),
  电网: word('grid'),
  远洋: word('ocean'),
  兵器: word('ordnance'),
  军工: word('military industry'),
  火箭: word('rocket'),
  飞机: word('aircraft'),
  安全: word('security'),
  民主: word('democracy'),
  基金会: word('foundation'),
  协会: word('association'),
  委员会: word('committee'),
};

/** Places (provinces, main cities, regions): they qualify a name without being distinctive. */
const PLACES: Record<string, HanWord> = {
  中国: loc('china'),
  中华: loc('china'),
  美国: loc('usa'),
  香港: loc('hong kong'),
  澳门: loc('macau'),
  台湾: loc('taiwan'),
  北京: loc('beijing'),
  上海: loc('shanghai'),
  天津: loc('tianjin'),
  重庆: loc('chongqing'),
  深圳: loc('shenzhen'),
  广州: loc('guangzhou'),
  杭州: loc('hangzhou'),
  南京: loc('nanjing'),
  武汉: loc('wuhan'),
  成都: loc('chengdu'),
  西安: loc('xian'),
  沈阳: loc('shenyang'),
  哈尔滨: loc('harbin'),
  长春: loc('changchun'),
  大连: loc('dalian'),
  青岛: loc('qingdao'),
  厦门: loc('xiamen'),
  福州: loc('fuzhou'),
  珠海: loc('zhuhai'),
  苏州: loc('suzhou'),
  无锡: loc('wuxi'),
  宁波: loc('ningbo'),
  合肥: loc('hefei'),
  长沙: loc('changsha'),
  郑州: loc('zhengzhou'),
  济南: loc('jinan'),
  昆明: loc('kunming'),
  贵阳: loc('guiyang'),
  南宁: loc('nanning'),
  兰州: loc('lanzhou'),
  太原: loc('taiyuan'),
  石家庄: loc('shijiazhuang'),
  呼和浩特: loc('hohhot'),
  乌鲁木齐: loc('urumqi'),
  海口: loc('haikou'),
  南昌: loc('nanchang'),
  宁德: loc('ningde'),
  东莞: loc('dongguan'),
  佛山: loc('foshan'),
  保定: loc('baoding'),
  绵阳: loc('mianyang'),
  河北: loc('hebei'),
  山西: loc('shanxi'),
  辽宁: loc('liaoning'),
  吉林: loc('jilin'),
  黑龙江: loc('heilongjiang'),
  江苏: loc('jiangsu'),
  浙江: loc('zhejiang'),
  安徽: loc('anhui'),
  福建: loc('fujian'),
  江西: loc('jiangxi'),
  山东: loc('shandong'),
  河南: loc('henan'),
  湖北: loc('hubei'),
  湖南: loc('hunan'),
  广东: loc('guangdong'),
  海南: loc('hainan'),
  四川: loc('sichuan'),
  贵州: loc('guizhou'),
  云南: loc('yunnan'),
  陕西: loc('shaanxi'),
  甘肃: loc('gansu'),
  青海: loc('qinghai'),
  内蒙古: loc('inner mongolia'),
  广西: loc('guangxi'),
  西藏: loc('tibet'),
  宁夏: loc('ningxia'),
  新疆: loc('xinjiang'),
  日本: loc('japan'),
  英国: loc('uk'),
  德国: loc('germany'),
  法国: loc('france'),
};

/** Administrative suffixes and particles that carry no identity (市 city, 省 province …). */
const STOP: Record<string, HanWord> = {
  市: { kind: 'stop', gloss: '' },
  省: { kind: 'stop', gloss: '' },
  自治区: { kind: 'stop', gloss: '' },
  的: { kind: 'stop', gloss: '' },
  和: { kind: 'stop', gloss: 'and' },
  与: { kind: 'stop', gloss: 'and' },
};

export const HAN_LEXICON: ReadonlyMap<string, HanWord> = new Map(
  Object.entries({ ...STOP, ...PLACES, ...WORDS, ...WEAK, ...LEGAL }),
);

/** Longest entry, in characters (bounds the forward maximum-matching window). */
export const HAN_LEXICON_MAX = Math.max(...[...HAN_LEXICON.keys()].map((k) => [...k].length));
