/**
 * Field context: what a column or key name says about its values, in English and Chinese.
 *
 * A name is split into words (snake_case, kebab-case, camelCase, spaces, digits); Han text is
 * kept whole. Short English keys (ip, tel, lat, dx …) must equal a whole word; longer keys may
 * appear inside a word (`mobilephone`, `emailaddr`); Chinese keys match as substrings.
 *
 * The result is a bit set of {@link DetectionType}s the field is expected to hold (they are
 * boosted, and value-level types such as names, addresses or single coordinates are only
 * reported in such a field) and a `negative` flag for fields that hold identifiers of things,
 * not people (order numbers, SKUs, hashes, amounts), which lowers confidence.
 */
import { DETECTION_TYPES, type DetectionType } from '../core/types.js';

export interface FieldContext {
  readonly name: string;
  /** Bit set over DETECTION_TYPES indices ({@link typeBit}). */
  readonly hints: number;
  /** The field names a thing, not a person (order no., SKU, hash, price …). */
  readonly negative: boolean;
  /** The field holds version numbers (dotted quads there are not IP addresses). */
  readonly version: boolean;
  /** The field is a latitude (single values must be within ±90). */
  readonly latitude: boolean;
  /**
   * The field is called just "name" (any case): a person's name in a contact list, but also a
   * package's, a job's or a file's — values that read as software names are not taken for people.
   */
  readonly bareName: boolean;
}

const TYPE_INDEX = new Map<DetectionType, number>(DETECTION_TYPES.map((t, i) => [t, i]));
export function typeIndex(t: DetectionType): number {
  return TYPE_INDEX.get(t)!;
}
export function typeBit(t: DetectionType): number {
  return 1 << typeIndex(t);
}
export function hasHint(ctx: FieldContext, t: DetectionType): boolean {
  return (ctx.hints & typeBit(t)) !== 0;
}

/** Keys per type. `=word` requires a whole word; other ASCII keys may be part of a word. */
const DICTIONARY: Readonly<Partial<Record<DetectionType, readonly string[]>>> = {
  cn_resident_id: ['身份证', '证件号', '公民身份', 'idcard', 'idno', '=sfz', '=sfzh', 'identity', 'citizenid', 'residentid', 'nationalid', '=id_number'],
  cn_mobile: ['手机', '电话', '联系方式', 'mobile', 'phone', '=tel', 'telephone', 'cellphone', '=cell'],
  phone: ['phone', 'mobile', '=tel', 'telephone', '=cell', '=fax', '电话', '手机', '联系方式', '传真'],
  cn_uscc: ['信用代码', 'uscc', 'creditcode', '营业执照', '纳税人识别号'],
  cn_passport: ['护照', '通行证', 'passport'],
  us_passport: ['passport'],
  hk_id: ['hkid', '香港身份证', '身分證'],
  tw_id: ['身分證', '身份證', 'twid', 'taiwanid'],
  cn_vehicle_plate: ['车牌', 'plate', 'licenseplate', '号牌'],
  cn_address: ['地址', '住址', '居住地', '户籍', '籍贯', 'address', '=addr', 'street'],
  address: ['address', '=addr', 'street', '地址', '住址'],
  us_ssn: ['=ssn', 'socialsecurity', 'social_security'],
  us_itin: ['=itin', '=tin', 'taxpayer', 'taxid'],
  aba_routing: ['routing', '=aba', '=rtn'],
  email: ['email', 'e_mail', '=mail', '邮箱', '电子邮件', '邮件'],
  ip_address: ['=ip', 'ipaddr', 'ipv4', 'ipv6', 'ip_address', 'remoteaddr', 'clientip', '=host'],
  mac_address: ['=mac', 'macaddr', 'bssid', '=wifi', 'hwaddr', '物理地址'],
  imei: ['imei', '串号', '设备号', '=meid'],
  payment_card: ['card', '=cc', '=pan', 'creditcard', '银行卡', '卡号', '信用卡', 'bankcard', '银联'],
  iban: ['iban'],
  geo_coordinates: ['=lat', 'latitude', '=lng', '=lon', '=long', 'longitude', 'coord', 'coordinates', '=gps', 'geo', 'location', '经度', '纬度', '坐标', '定位', '位置'],
  date_of_birth: ['=dob', 'birth', 'birthday', 'birthdate', '=bday', '出生', '生日'],
  advertising_id: ['idfa', 'gaid', '=adid', '=aaid', '=maid', 'advertising', 'ad_id', '广告标识'],
  crypto_wallet: ['wallet', '=btc', '=eth', 'bitcoin', 'ethereum', '钱包'],
  genomic: ['sequence', '=seq', 'genotype', '=dna', 'allele', '基因', 'genome', '=read'],
  icd10: ['=icd', 'icd10', 'diagnosis', '=dx', '诊断', '疾病', 'condition'],
  person_name: ['=name', 'fullname', 'firstname', 'lastname', 'surname', 'givenname', 'familyname', 'middlename', '姓名', '名字', '联系人', '收件人', '客户名', '持卡人', 'cardholder', 'patient'],
};

/** Words in a field name that mean "not a person's identifier". */
const NEGATIVE = ['order', 'sku', 'invoice', '=txn', 'transaction', 'tracking', 'serial', 'hash', 'checksum', 'amount', 'price', 'total', 'timestamp', '=ts', '=qty', 'quantity', 'version', '订单', '流水', '单号', '金额', '价格', '编号'];

/** Words that, right before "name" in a field name, make it the name of software, not of a person. */
const SOFTWARE_THINGS = [
  'component', 'components', 'package', 'packages', 'pkg', 'tool', 'tools', 'license', 'licenses', 'licence', 'licences',
  'module', 'modules', 'library', 'libraries', 'dependency', 'dependencies', 'artifact', 'artifacts', 'plugin', 'plugins',
  'image', 'images', 'container', 'containers', 'repository', 'repo', 'project', 'projects', 'service', 'services',
  'namespace', 'workflow', 'job', 'jobs', 'step', 'steps', 'task', 'tasks', 'branch', 'tag', 'tags', 'bucket', 'topic', 'queue', 'metric',
];

/** Words of a field name that say its values are versions. */
const VERSION_FIELD_WORDS = ['version', 'versions', 'ver', 'build', 'release', 'introduced', 'fixed'];

const cache = new Map<string, FieldContext>();
const EMPTY: FieldContext = { name: '', hints: 0, negative: false, version: false, latitude: false, bareName: false };

/** Context for a field name (cached: call freely per record). */
export function fieldContext(name: string | undefined): FieldContext {
  if (!name) return EMPTY;
  let c = cache.get(name);
  if (c === undefined) {
    c = compute(name);
    if (cache.size > 50_000) cache.clear();
    cache.set(name, c);
  }
  return c;
}

/** Split a field name into lowercase words, keeping Han runs whole. */
export function fieldWords(name: string): { words: string[]; joined: string; han: string } {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  // Latin and Han are separate words: "IP地址" is "ip" + "地址", "MAC地址" "mac" + "地址"
  const words = spaced
    .toLowerCase()
    .split(/[^a-z\u3400-\u9fff]+|(?<=[a-z])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[a-z])/)
    .filter(Boolean);
  const han = (name.match(/[\u3400-\u9fff]+/g) ?? []).join(' ');
  return { words, joined: words.join(''), han };
}

function matches(key: string, words: readonly string[], joined: string, han: string, raw: string): boolean {
  if (key.charCodeAt(0) > 0x2fff) return han.includes(key);
  if (key.startsWith('=')) {
    const k = key.slice(1);
    if (k.includes('_')) return raw === k;
    return words.includes(k);
  }
  if (key.includes('_')) return raw.includes(key);
  return joined.includes(key);
}

function compute(name: string): FieldContext {
  const { words, joined, han } = fieldWords(name);
  const raw = words.join('_');
  let hints = 0;
  for (const [type, keys] of Object.entries(DICTIONARY) as [DetectionType, readonly string[]][]) {
    if (keys.some((k) => matches(k, words, joined, han, raw))) hints |= typeBit(type);
  }
  // "id" alone (a record id) is not a person identifier; "user_id" neither.
  const negative = NEGATIVE.some((k) => matches(k, words, joined, han, raw));
  // A plain "name" next to a thing word (product_name, file_name, company_name) is not a person.
  if (hints & typeBit('person_name')) {
    const thing = ['product', 'file', 'company', 'org', 'organization', 'host', 'item', 'brand', 'table', 'column', 'field', 'app', 'device', 'user', 'display', 'screen', 'domain', 'server', 'class', 'type', 'event', 'city', 'country', 'street', 'bank', 'merchant'];
    if (words.some((w) => thing.includes(w)) || /公司|企业|单位|产品|商户|银行/.test(han)) hints &= ~typeBit('person_name');
    // … and so is the name of a piece of software, in an SBOM or an advisory (components[].name,
    // affected[].package.name, metadata.tools[].name, licenses[].license.name): the word that
    // owns the name says so (components[].authors[].name stays a person's)
    const at = words.lastIndexOf('name');
    if (at > 0 && SOFTWARE_THINGS.includes(words[at - 1]!)) hints &= ~typeBit('person_name');
  }
  // "address" that is an e-mail / IP / MAC / wallet address is not a postal address (地址 too:
  // 邮箱地址, 钱包地址, 物理地址 (a MAC), IP地址, 服务器地址 …).
  if (words.some((w) => ['email', 'mail', 'ip', 'mac', 'wallet', 'btc', 'eth', 'hw', 'remote', 'server', 'host'].includes(w)) || /邮箱|邮件|钱包|物理地址|网络地址|服务器|主机/.test(han)) {
    hints &= ~(typeBit('address') | typeBit('cn_address'));
  }
  // (OSV ranges: affected[].ranges[].events[].introduced / fixed, affected[].versions[])
  const version = words.some((w) => VERSION_FIELD_WORDS.includes(w)) || han.includes('版本');
  if (version) hints &= ~typeBit('ip_address');
  const latitude = words.some((w) => w === 'lat' || w.startsWith('latitude')) || han.includes('纬');
  const bareName = raw === 'name';
  return { name, hints, negative, version, latitude, bareName };
}
