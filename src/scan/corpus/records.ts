/**
 * The labelled corpus: records of a wide customer table (English and Chinese people, US,
 * mainland, Hong Kong, Taiwan and EU identifiers, devices, locations, health and genomic
 * values, free-text notes built from templates) plus hard negatives (order numbers, SKUs,
 * amounts, timestamps, version strings, session UUIDs, IDs and cards that fail their
 * checks). Every label is a (type, start, end) span in one field value.
 *
 * Names, street addresses and e-mails come from @faker-js/faker (en_US, zh_CN); the
 * checksummed identifiers from ./identifiers.ts. Test and benchmark use only.
 */
import { fakerEN_US, fakerZH_CN, type Faker } from '@faker-js/faker';
import type { DetectionType } from '../core/types.js';
import * as id from './identifiers.js';
import { Rng } from './random.js';

export interface Label {
  readonly type: DetectionType;
  readonly start: number;
  readonly end: number;
}
export interface LabelledValue {
  readonly value: string;
  readonly labels: readonly Label[];
}
export interface LabelledRecord {
  readonly id: string;
  /** Field name → value (empty fields are absent). */
  readonly fields: Readonly<Record<string, LabelledValue>>;
}

/** The columns, in CSV order (English and Chinese names, as real exports mix them). */
export const COLUMNS = [
  'id', '姓名', 'full_name', '手机号', 'phone', 'email', '身份证号', 'ssn', 'passport_no', 'address', '住址', 'dob', 'card_no',
  'routing_number', 'iban', 'ip', 'mac', 'imei', 'idfa', 'lat', 'lng', 'wallet', 'diagnosis_code', '车牌号', '统一社会信用代码',
  'sequence', 'notes', 'order_no', 'sku', 'amount', 'created_at', 'session_id', 'app_version',
] as const;

/** A value that is entirely one labelled span (or has no label when `type` is undefined). */
const whole = (value: string, type?: DetectionType): LabelledValue => ({ value, labels: type ? [{ type, start: 0, end: value.length }] : [] });

/** Builds free text from parts: strings are filler, [type, value] pairs are labelled. */
function text(parts: readonly (string | readonly [DetectionType | undefined, string])[]): LabelledValue {
  let value = '';
  const labels: Label[] = [];
  for (const p of parts) {
    if (typeof p === 'string') value += p;
    else {
      if (p[0]) labels.push({ type: p[0], start: value.length, end: value.length + p[1].length });
      value += p[1];
    }
  }
  return { value, labels };
}

const CN_PROVINCES: [string, string[]][] = [
  ['北京市', ['朝阳区', '海淀区', '东城区', '西城区']],
  ['上海市', ['浦东新区', '徐汇区', '静安区']],
  ['广东省', ['广州市天河区', '深圳市南山区', '东莞市']],
  ['浙江省', ['杭州市西湖区', '宁波市鄞州区']],
  ['四川省', ['成都市武侯区', '绵阳市涪城区']],
  ['江苏省', ['南京市鼓楼区', '苏州市工业园区']],
  ['湖北省', ['武汉市洪山区']],
  ['山东省', ['济南市历下区', '青岛市市南区']],
];
const CN_STREETS = ['建国路', '中山路', '人民大道', '解放街', '长安街', '科技园路', '南京东路', '文化巷', '新华路', '学院路'];

function cnAddress(r: Rng): string {
  const [prov, subs] = r.pick(CN_PROVINCES);
  let a = prov + r.pick(subs) + r.pick(CN_STREETS) + r.int(1, 999) + '号';
  if (r.chance(0.4)) a += r.int(1, 30) + '栋' + r.int(101, 2505) + '室';
  return a;
}

function cnDob(r: Rng): string {
  const { y, m, d } = id.birthDate(r);
  return r.chance(0.5) ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${y}年${m}月${d}日`;
}
function usDob(r: Rng): string {
  const { y, m, d } = id.birthDate(r);
  return r.chance(0.5) ? `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cnMobileFormatted(r: Rng): string {
  const m = id.cnMobile(r);
  const f = r.next();
  if (f < 0.7) return m;
  if (f < 0.8) return `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
  if (f < 0.9) return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  return `+86${m}`;
}

/** EU numbers in international form that libphonenumber accepts (checked by the corpus test). */
function euPhone(r: Rng): string {
  return r.pick([
    () => `+44 20 7${r.int(100, 999)} ${r.int(1000, 9999)}`,
    () => `+49 30 ${r.int(1000000, 9999999)}`,
    () => `+33 1 ${r.int(40, 59)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    () => `+44 7${r.int(400, 999)} ${r.int(100000, 999999)}`,
  ])();
}

function usAddress(f: Faker): string {
  return `${f.location.streetAddress()}, ${f.location.city()}, ${f.location.state({ abbreviated: true })} ${f.location.zipCode('#####')}`;
}

function orderNo(r: Rng): string {
  return r.pick([() => r.digits(11), () => r.digits(16), () => r.digits(18), () => 'SO' + r.digits(10), () => r.digits(15)])();
}

type Person = 'cn' | 'us' | 'eu' | 'hk' | 'tw';

export interface CorpusOptions {
  readonly seed?: number;
  /** Share of records whose notes are Chinese (default 0.5 of CN/HK/TW records, always for them). */
}

/** Deterministic record generator. */
export class CorpusGenerator {
  private readonly r: Rng;
  private readonly en: Faker;
  private readonly zh: Faker;
  private n = 0;

  constructor(seed = 42) {
    this.r = new Rng(seed);
    this.en = fakerEN_US;
    this.zh = fakerZH_CN;
    this.en.seed(seed);
    this.zh.seed(seed + 1);
  }

  next(): LabelledRecord {
    const r = this.r;
    this.n++;
    const who: Person = r.pick(['cn', 'cn', 'cn', 'us', 'us', 'us', 'eu', 'hk', 'tw']);
    const f: Record<string, LabelledValue> = {};
    f['id'] = whole(String(this.n));
    const chinese = who === 'cn' || who === 'hk' || who === 'tw';
    if (chinese) {
      f['姓名'] = whole(this.zh.person.lastName() + this.zh.person.firstName(), 'person_name');
      if (r.chance(0.9)) f['手机号'] = whole(cnMobileFormatted(r), 'cn_mobile');
      if (who === 'cn') f['身份证号'] = r.chance(0.95) ? whole(id.cnResidentId(r), 'cn_resident_id') : whole(id.cnResidentId15(r), 'cn_resident_id');
      else if (who === 'hk') f['身份证号'] = whole(id.hkid(r), 'hk_id');
      else f['身份证号'] = whole(id.twId(r), 'tw_id');
      if (who === 'cn' && r.chance(0.3)) f['passport_no'] = whole(id.cnPassport(r), 'cn_passport');
      if (r.chance(0.8)) f['住址'] = whole(cnAddress(r), 'cn_address');
      if (r.chance(0.6)) f['dob'] = whole(cnDob(r), 'date_of_birth');
      if (r.chance(0.5)) f['card_no'] = whole(id.card(r, 'unionpay'), 'payment_card');
      if (r.chance(0.3)) f['车牌号'] = whole(id.cnPlate(r), 'cn_vehicle_plate');
      if (r.chance(0.2)) f['统一社会信用代码'] = whole(id.uscc(r), 'cn_uscc');
      if (r.chance(0.5)) f['email'] = whole(`${r.digits(9)}@qq.com`, 'email');
    } else {
      const fk = this.en;
      f['full_name'] = whole(fk.person.fullName(), 'person_name');
      if (r.chance(0.9)) f['phone'] = who === 'us' ? whole(id.usPhone(r), 'phone') : whole(euPhone(r), 'phone');
      if (r.chance(0.9)) f['email'] = whole(fk.internet.email().toLowerCase(), 'email');
      if (who === 'us') f['ssn'] = r.chance(0.9) ? whole(id.ssn(r), 'us_ssn') : whole(id.itin(r), 'us_itin');
      if (who === 'us' && r.chance(0.3)) f['passport_no'] = whole(r.digits(9), 'us_passport');
      if (r.chance(0.8)) f['address'] = whole(usAddress(fk), 'address');
      if (r.chance(0.6)) f['dob'] = whole(usDob(r), 'date_of_birth');
      if (r.chance(0.6)) {
        const c = id.card(r);
        f['card_no'] = whole(r.chance(0.4) ? id.groupCard(c, r.pick([' ', '-'])) : c, 'payment_card');
      }
      if (who === 'us' && r.chance(0.3)) f['routing_number'] = whole(id.aba(r), 'aba_routing');
      if (who === 'eu' && r.chance(0.8)) f['iban'] = whole(id.iban(r), 'iban');
    }
    // devices, network, location — anyone
    if (r.chance(0.7)) f['ip'] = whole(r.chance(0.75) ? id.ipv4(r) : id.ipv6(r), 'ip_address');
    if (r.chance(0.3)) f['mac'] = whole(id.mac(r), 'mac_address');
    if (r.chance(0.3)) f['imei'] = whole(id.imei(r), 'imei');
    if (r.chance(0.3)) f['idfa'] = whole(id.uuid(r, r.chance(0.5)), 'advertising_id');
    if (r.chance(0.4)) {
      const precise = r.chance(0.85);
      f['lat'] = whole(id.coordinate(r, true, precise ? r.int(4, 6) : 2), precise ? 'geo_coordinates' : undefined);
      f['lng'] = whole(id.coordinate(r, false, precise ? r.int(4, 6) : 2), precise ? 'geo_coordinates' : undefined);
    }
    if (r.chance(0.1)) f['wallet'] = whole(r.chance(0.5) ? id.btcAddress(r) : id.ethAddress(r), 'crypto_wallet');
    if (r.chance(0.15)) f['diagnosis_code'] = whole(id.icd10(r), 'icd10');
    if (r.chance(0.05)) f['sequence'] = whole(id.dnaSequence(r, r.int(30, 150)), 'genomic');
    f['notes'] = chinese && r.chance(0.8) ? this.zhNote() : this.enNote();
    // hard negatives
    f['order_no'] = whole(orderNo(r));
    f['sku'] = whole(`SKU-${r.digits(6)}`);
    f['amount'] = whole(`${r.int(1, 99999)}.${r.digits(2)}`);
    f['created_at'] = whole(`202${r.int(0, 5)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')} ${String(r.int(0, 23)).padStart(2, '0')}:${r.digits(1)}${r.digits(1)}:${r.digits(1)}${r.digits(1)}`);
    f['session_id'] = whole(id.uuid(r, false));
    f['app_version'] = whole(`${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 30)}.${r.int(100, 9999)}`);
    return { id: String(this.n), fields: f };
  }

  private enNote(): LabelledValue {
    const r = this.r;
    const fk = this.en;
    const t = r.int(0, 15);
    switch (t) {
      case 0:
        return text(['Customer called from ', ['phone', id.usPhone(r)], ' about a late delivery.']);
      case 1:
        return text(['Please ship to ', ['address', fk.location.streetAddress()], '. Contact: ', ['email', fk.internet.email().toLowerCase()]]);
      case 2:
        return text(['SSN ', ['us_ssn', id.ssn(r)], ' verified by agent ', fk.person.firstName(), '.']);
      case 3:
        return text(['Login from ', ['ip_address', id.ipv4(r)], ' on device ', ['mac_address', id.mac(r)]]);
      case 4:
        return text(['Refund to card ', ['payment_card', id.groupCard(id.card(r), ' ')], ' approved.']);
      case 5:
        return text(['Patient diagnosis ', ['icd10', id.icd10(r)], ', DOB ', ['date_of_birth', usDob(r)], '.']);
      case 6:
        return text(['GPS ', ['geo_coordinates', `${id.coordinate(r, true, 5)}, ${id.coordinate(r, false, 5)}`], ' recorded at 2024-01-05 13:45.']);
      case 7:
        return text(['Order ', orderNo(r), ' shipped on 2024-02-01, total $', `${r.int(5, 900)}.${r.digits(2)}`, '.']);
      case 8:
        return text(['Wire to IBAN ', ['iban', id.iban(r)], ' pending.']);
      case 9:
        return text(['IMEI ', ['imei', id.imei(r)], ' reported stolen.']);
      case 10:
        return text(['Send BTC to ', ['crypto_wallet', id.btcAddress(r)], ' by Friday.']);
      case 11:
        return text(['idfa ', ['advertising_id', id.uuid(r, true)], ' opted out of tracking.']);
      case 12:
        return text(['Name: ', ['person_name', `${fk.person.firstName()} ${fk.person.lastName()}`], ', phone ', ['phone', id.usPhone(r)]]);
      case 13:
        return text(['Ticket ', r.digits(9), ' closed; build ', `${r.int(1, 9)}.${r.int(0, 9)}.${r.int(0, 99)}`, ' deployed.']);
      case 14:
        return text(['Mr. ', ['person_name', fk.person.lastName()], ' updated routing number ', ['aba_routing', id.aba(r)], '.']);
      default:
        return text([fk.lorem.sentence()]);
    }
  }

  private zhNote(): LabelledValue {
    const r = this.r;
    const zh = this.zh;
    const name = (): string => zh.person.lastName() + zh.person.firstName();
    const t = r.int(0, 13);
    switch (t) {
      case 0:
        return text(['客户', ['person_name', name()], '的手机号是', ['cn_mobile', id.cnMobile(r)], '，身份证号', ['cn_resident_id', id.cnResidentId(r)], '。']);
      case 1:
        return text(['收货地址：', ['cn_address', cnAddress(r)], '，联系电话', ['cn_mobile', id.cnMobile(r)]]);
      case 2:
        return text(['姓名：', ['person_name', name()], '，出生日期', ['date_of_birth', cnDob(r)]]);
      case 3:
        return text(['车牌', ['cn_vehicle_plate', id.cnPlate(r)], '于2024年3月1日违章。']);
      case 4:
        return text(['订单号', orderNo(r), '已发货，金额', `${r.int(1, 9999)}.${r.digits(2)}`, '元。']);
      case 5:
        return text(['银行卡号', ['payment_card', id.card(r, 'unionpay')], '绑定成功。']);
      case 6:
        return text(['护照号码', ['cn_passport', id.cnPassport(r)], '，有效期至2030年。']);
      case 7:
        return text(['诊断：', ['icd10', id.icd10(r)], '，建议复查。']);
      case 8:
        return text(['定位坐标', ['geo_coordinates', `${id.coordinate(r, true, 6)},${id.coordinate(r, false, 6)}`]]);
      case 9:
        return text(['香港身份证', ['hk_id', id.hkid(r)], '已核验。']);
      case 10:
        return text(['身分證字號', ['tw_id', id.twId(r)], '。']);
      case 11:
        return text(['公司统一社会信用代码', ['cn_uscc', id.uscc(r)], '。']);
      case 12:
        return text(['错误的身份证号', id.cnResidentIdBroken(r), '已退回，卡号', id.cardBroken(r), '无效。']);
      default:
        return text(['用户反馈物流较慢，已安排客服跟进处理。']);
    }
  }
}

/** RFC 4180 quoting when needed. */
export function csvCell(v: string, delim = ','): string {
  return v.includes('"') || v.includes(delim) || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvHeader(delim = ','): string {
  return COLUMNS.map((c) => csvCell(c, delim)).join(delim) + '\n';
}

export function csvRow(rec: LabelledRecord, delim = ','): string {
  return COLUMNS.map((c) => csvCell(rec.fields[c]?.value ?? '', delim)).join(delim) + '\n';
}

export function jsonLine(rec: LabelledRecord): string {
  const o: Record<string, string> = {};
  for (const c of COLUMNS) {
    const v = rec.fields[c];
    if (v) o[c] = v.value;
  }
  return JSON.stringify(o) + '\n';
}
