/**
 * Text context: keywords that, shortly before a candidate in free text, raise its confidence
 * (or, for the negative list, lower it). Matched case-insensitively in a window of
 * {@link KEYWORD_WINDOW} UTF-16 units before the match. Only candidates pay for this.
 *
 * An ASCII keyword starts a word (no letter before it: "hotel" holds no `tel`, "database" no
 * `aba`, "airborne" no `born`); one of at most {@link WHOLE_WORD_MAX} characters must also end
 * one ("machine" is no `mac`, "icd10" is `icd`). Longer ones may begin a longer word
 * (`card` in "cards", `diagnos` in "diagnosis"). Chinese keywords match anywhere.
 */
import type { DetectionType } from '../core/types.js';

export const KEYWORD_WINDOW = 28;
/** ASCII keywords this short must be whole words. */
export const WHOLE_WORD_MAX = 3;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Does `s` at `at` spell the lower-case `word` (from its character `from` on), ASCII letters of
 * `s` lowered? Other characters must match exactly. No string is made.
 */
export function matchesLower(s: string, at: number, word: string, from = 0): boolean {
  for (let k = from; k < word.length; k++) {
    let c = s.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * A keyword list compiled for look-backs: words grouped by their first character, so a
 * window is walked once and only characters that start some word are compared further.
 */
export class KeywordSet {
  private readonly ascii: (string[] | undefined)[] = new Array<string[] | undefined>(128);
  private readonly other = new Map<number, string[]>();

  constructor(readonly words: readonly string[]) {
    for (const w of words) {
      const f = w.charCodeAt(0);
      if (f < 128) (this.ascii[f] ??= []).push(w);
      else {
        let l = this.other.get(f);
        if (!l) this.other.set(f, (l = []));
        l.push(w);
      }
    }
  }

  /** One of the words in the KEYWORD_WINDOW units before `start` (not before `from`), ASCII case-insensitive. */
  before(s: string, from: number, start: number): boolean {
    const w0 = start - KEYWORD_WINDOW > from ? start - KEYWORD_WINDOW : from;
    for (let p = w0; p < start; p++) {
      let c = s.charCodeAt(p);
      let list: string[] | undefined;
      let ascii = false;
      if (c < 128) {
        if (c >= 65 && c <= 90) c |= 32;
        list = this.ascii[c];
        // an ASCII keyword starts a word (or a camelCase part: customerSsn, clientIMEI)
        if (list !== undefined && p > from && isLetter(s.charCodeAt(p - 1)) && !(c !== s.charCodeAt(p) && s.charCodeAt(p - 1) >= 97)) continue;
        ascii = true;
      } else list = this.other.size ? this.other.get(c) : undefined;
      if (list === undefined) continue;
      for (let i = 0; i < list.length; i++) {
        const w = list[i]!;
        const L = w.length;
        if (p + L > start) continue;
        if (!matchesLower(s, p, w, 1)) continue;
        // … and a short one ends it too
        if (ascii && L <= WHOLE_WORD_MAX && p + L < start && isLetter(s.charCodeAt(p + L))) continue;
        return true;
      }
    }
    return false;
  }
}

const RAW_KEYWORDS: Readonly<Partial<Record<DetectionType, readonly string[]>>> = {
  cn_resident_id: ['身份证', '证件', 'id card', 'id no', 'identity', '公民'],
  cn_mobile: ['phone', 'tel', 'mobile', 'cell', 'call', '手机', '电话', '联系', '致电'],
  phone: ['phone', 'tel', 'mobile', 'cell', 'call', 'fax', 'contact', '电话', '手机', '联系', '致电', '传真'],
  cn_passport: ['passport', '护照', '通行证', '证件'],
  us_passport: ['passport', 'travel document'],
  hk_id: ['hkid', 'hong kong', '香港', '身份證', '身份证'],
  tw_id: ['taiwan', '台湾', '臺灣', '身分證', '身份證', '身份证'],
  us_ssn: ['ssn', 'social security', 'social sec', 'ss#'],
  us_itin: ['itin', 'taxpayer', 'tax id'],
  aba_routing: ['routing', 'aba', 'rtn', 'transit'],
  imei: ['imei', '串号', '设备', 'device'],
  payment_card: ['card', 'visa', 'mastercard', 'amex', 'unionpay', 'credit', 'debit', '银联', '卡号', '银行卡', '信用卡', '借记卡'],
  iban: ['iban', 'bank', 'account'],
  date_of_birth: ['birth', 'born', 'dob', 'bday', 'b.', '出生', '生日', '生于'],
  icd10: ['diagnos', 'icd', 'dx', 'disease', 'condition', '诊断', '疾病', '病'],
  advertising_id: ['idfa', 'gaid', 'advertising', 'adid', 'ad id', 'ad_id', 'maid', 'aaid', '广告'],
  geo_coordinates: ['lat', 'latitude', 'lng', 'lon', 'longitude', 'gps', 'coord', 'location', 'position', '坐标', '位置', '经纬', '定位'],
  crypto_wallet: ['wallet', 'btc', 'bitcoin', 'eth', 'ether', '钱包'],
  mac_address: ['mac', 'bssid', 'wifi', 'wi-fi', 'hw addr'],
  ip_address: ['ip', 'addr', 'host', 'client'],
};

/** Per type: words that, shortly before a candidate, give it context. */
export const KEYWORDS: Readonly<Partial<Record<DetectionType, KeywordSet>>> = Object.fromEntries(
  Object.entries(RAW_KEYWORDS).map(([t, ws]) => [t, new KeywordSet(ws)]),
);

/** Words just before a number that say it is not about a person. */
export const NEGATIVE_KEYWORDS = new KeywordSet(['order', 'invoice', 'tracking', 'sku', 'txn', 'transaction', 'ref', 'reference', 'serial', 'version', 'build', 'ticket', '订单', '单号', '流水', '编号', '版本']);
