/**
 * Word classes for Latin-script names (written for datacustoms).
 *
 * - Stopwords: articles, prepositions and conjunctions carry no identity ("Intelligence Bureau
 *   of the Joint Staff Department" = "Intelligence Bureau, Joint Staff Department").
 * - Weak words: generic industry and organization words (Technology, Group, International …).
 *   They still have to agree, but weigh less, so "Huawei Cafe" is not "Huawei Technologies".
 * - Places: countries, Chinese provinces and large cities. They qualify a name (SMIC Beijing vs
 *   SMIC Shanghai) without identifying it.
 * - Number words: spelled numbers and ordinals are numbers (Third Navigation = 3rd Navigation).
 * - Abbreviations: common short forms that are not prefixes of the long form (Intl, Natl, Mfg).
 */

export const STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'of', 'and', 'for', 'in', 'on', 'at', 'by', 'to', 'a', 'an', 'de', 'del', 'della', 'des', 'du', 'la', 'le', 'les', 'el',
  'los', 'las', 'y', 'e', 'et', 'und', 'der', 'die', 'das', 'van', 'von', 'zu', 'da', 'do', 'dos', 'di', 'no', 'nr', 'number',
]);

/** Name particles of personal names: kept, but weak (al-Assad = Assad). */
export const PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'ben', 'ould', 'mac', 'mc']);

export const WEAK_WORDS: ReadonlySet<string> = new Set([
  // organization words
  'group', 'groups', 'holding', 'holdings', 'international', 'intl', 'global', 'worldwide', 'enterprise', 'enterprises',
  'industry', 'industries', 'industrial', 'development', 'trading', 'trade', 'import', 'export', 'imports', 'exports',
  'investment', 'investments', 'capital', 'resources', 'general', 'national', 'united', 'associates', 'partners',
  'management', 'consulting', 'services', 'service', 'solutions', 'products', 'project', 'projects', 'new', 'joint',
  'center', 'centre', 'head', 'office', 'branch', 'sub', 'unit', 'subsidiary', 'successor',
  // technology and industry words
  'technology', 'technologies', 'tech', 'hitech', 'hi', 'high', 'science', 'sciences', 'scientific', 'information', 'info',
  'electronics', 'electronic', 'electric', 'electrical', 'communications', 'communication', 'comm', 'telecommunications',
  'telecom', 'telecommunication', 'network', 'networks', 'digital', 'systems', 'system', 'engineering', 'manufacturing',
  'equipment', 'energy', 'intelligent', 'intelligence', 'software', 'materials', 'logistics', 'shipping', 'precision',
  'machinery', 'construction', 'design', 'research', 'innovation', 'application', 'applications', 'data', 'smart',
  'solar', 'power', 'robotics', 'automation', 'instruments', 'instrument', 'devices', 'device', 'components',
]);

export const PLACES: ReadonlySet<string> = new Set([
  'china', 'chinese', 'prc', 'usa', 'us', 'america', 'americas', 'american', 'hong', 'kong', 'hongkong', 'hk', 'macau', 'macao',
  'taiwan', 'japan', 'korea', 'russia', 'iran', 'europe', 'asia', 'pacific', 'north', 'south', 'east', 'west', 'northern',
  'southern', 'eastern', 'western', 'bvi', 'cayman', 'singapore', 'uk',
  'beijing', 'shanghai', 'tianjin', 'chongqing', 'shenzhen', 'sz', 'guangzhou', 'hangzhou', 'nanjing', 'wuhan', 'chengdu',
  'xian', 'shenyang', 'harbin', 'changchun', 'dalian', 'qingdao', 'xiamen', 'fuzhou', 'zhuhai', 'suzhou', 'wuxi', 'ningbo',
  'hefei', 'changsha', 'zhengzhou', 'jinan', 'kunming', 'guiyang', 'nanning', 'lanzhou', 'taiyuan', 'shijiazhuang', 'hohhot',
  'urumqi', 'haikou', 'nanchang', 'ningde', 'dongguan', 'foshan', 'baoding', 'mianyang',
  'hebei', 'shanxi', 'liaoning', 'jilin', 'heilongjiang', 'jiangsu', 'zhejiang', 'anhui', 'fujian', 'jiangxi', 'shandong',
  'henan', 'hubei', 'hunan', 'guangdong', 'hainan', 'sichuan', 'guizhou', 'yunnan', 'shaanxi', 'gansu', 'qinghai', 'inner',
  'mongolia', 'guangxi', 'tibet', 'ningxia', 'xinjiang',
]);

const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7',
  eighth: '8', ninth: '9', tenth: '10', eleventh: '11', twelfth: '12', thirteen: '13', fourteen: '14', fifteen: '15',
  sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirteenth: '13', fourteenth: '14',
  fifteenth: '15', sixteenth: '16', seventeenth: '17', eighteenth: '18', nineteenth: '19', twentieth: '20',
}));

/** Abbreviations that are not letter-subsequences of their long form are few; list them. */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  intl: 'international', natl: 'national', mfg: 'manufacturing', mfrs: 'manufacturers', svcs: 'services', svc: 'service',
  dept: 'department', univ: 'university', assn: 'association', bros: 'brothers', mgmt: 'management', hldgs: 'holdings',
  hldg: 'holding', invt: 'investment', eng: 'engineering', engg: 'engineering',
}));

/** The number a token stands for ("14th" → "14", "third" → "3"), or undefined. */
export function numberOf(token: string): string | undefined {
  const c = token.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return NUMBER_WORDS.get(token);
  const m = /^0*(\d+)(?:st|nd|rd|th)?$/.exec(token);
  return m ? m[1] : undefined;
}

/** Plural and inflection folding for comparison: technologies → technology, systems → system. */
export function stem(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return token.slice(0, -3) + 'y';
  if (token.length > 4 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is')) return token.slice(0, -1);
  return token;
}
