/**
 * Masked samples: enough to recognise the kind of value and tell two apart in a report,
 * never enough to recover it. Separators are kept; letters and digits are replaced by `*`
 * except for a short prefix/suffix chosen per type:
 *
 * | type | kept | example |
 * | --- | --- | --- |
 * | cn_resident_id | first 6 (region), last 4 | `110105********002X` |
 * | cn_mobile | first 3 of the number, last 4 (+86 kept) | `+86 138****5678` |
 * | payment_card | first 4, last 4 | `6222 **** **** 1234` |
 * | us_ssn, us_itin, phone | last 4 (phone: also a leading `+cc`) | `***-**-6789` |
 * | email | first letter of local part and of domain, the TLD | `j***@e******.com` |
 * | ip_address | first two IPv4 octets / IPv6 groups | `192.168.*.*` |
 * | mac_address | the OUI (first three octets) | `D0:50:99:**:**:**` |
 * | geo_coordinates | one decimal | `39.9*, 116.4*` |
 * | date_of_birth | the year | `1990-**-**` |
 * | person_name | first character | `张*`, `J*** ***` |
 * | cn_address, address | the first characters, up to 6 and a third of the value | `北京市*****` |
 * | anything else | first 2, last 2 (nothing under 8 characters) | `E1*****78` |
 *
 * Samples are capped at 48 characters (a long genomic line keeps only its start). Full-width
 * digits, letters and the punctuation identifiers are written with are masked as their ASCII
 * twins: `１３８１２３４５６７８` gives `138****5678`.
 */
import type { Detection, DetectionType } from '../core/types.js';

const MAX = 48;

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Keep the first `head` and last `tail` letters/digits; mask the others, keep separators. */
function keep(raw: string, head: number, tail: number, maskAll = isAlnumCode, maxShare = 0.5): string {
  let total = 0;
  for (let i = 0; i < raw.length; i++) if (maskAll(raw.charCodeAt(i))) total++;
  // never reveal more than `maxShare` of the characters
  while (head + tail > total * maxShare && (head > 0 || tail > 0)) {
    if (head >= tail && head > 0) head--;
    else tail--;
  }
  let out = '';
  let k = 0;
  for (let i = 0; i < raw.length && out.length < MAX; i++) {
    const c = raw.charCodeAt(i);
    if (!maskAll(c)) {
      out += raw[i];
      continue;
    }
    out += k < head || k >= total - tail ? raw[i] : '*';
    k++;
  }
  return out;
}

const anyNonSpace = (c: number): boolean => c !== 32 && c !== 44 && c !== 0xff0c && c !== 0x3001;

/**
 * Full-width forms the detectors read as ASCII (digits, letters, ＠ ＋ － ． ／ （ ）) and the
 * ideographic space, narrowed to their ASCII twins: `１３８１２３４５６７８` is a mobile number
 * the engine found, and its sample must mask it like `13812345678` (the rules below only know
 * ASCII letters and digits, so a full-width value would otherwise come out whole).
 */
function narrow(raw: string): string {
  let i = 0;
  while (i < raw.length && !isWide(raw.charCodeAt(i))) i++;
  if (i === raw.length) return raw;
  let out = raw.slice(0, i);
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    out += isWide(c) ? String.fromCharCode(c === 0x3000 ? 32 : c - 0xfee0) : raw[i];
  }
  return out;
}

function isWide(c: number): boolean {
  if (c === 0x3000) return true;
  if (c < 0xff08 || c > 0xff5a) return false;
  const a = c - 0xfee0;
  return isAlnumCode(a) || a === 64 || a === 43 || a === 45 || a === 46 || a === 47 || a === 40 || a === 41;
}

/** The masked sample of a matched value (full-width forms are masked as their ASCII twins). */
export function maskMatch(value: string, type: DetectionType): string {
  const raw = narrow(value);
  switch (type) {
    case 'cn_resident_id':
      // the national standard display form (region + last four), 10 of 18 shown
      return raw.length >= 18 ? keep(raw, 6, 4, isAlnumCode, 0.56) : keep(raw, 6, 3, isAlnumCode, 0.6);
    case 'cn_mobile': {
      // keep +86 / 0086 / 86 as is, then 3 + 4 of the 11-digit number
      const m = /^(\+?(?:00)?86[ -]?)?(.*)$/.exec(raw);
      const cc = m?.[1] ?? '';
      const rest = raw.slice(cc.length);
      return cc + keep(rest, 3, 4, isAlnumCode, 0.64); // 138****5678, the usual display form
    }
    case 'payment_card':
      return keep(raw, 4, 4);
    case 'us_ssn':
    case 'us_itin':
      return keep(raw, 0, 4);
    case 'phone': {
      const m = /^(\+\d{1,3}[ -]?)?/.exec(raw);
      const cc = m?.[1] ?? '';
      return cc + keep(raw.slice(cc.length), 0, 4);
    }
    case 'email': {
      const at = raw.lastIndexOf('@');
      const local = raw.slice(0, at);
      const domain = raw.slice(at + 1);
      const dot = domain.lastIndexOf('.');
      const host = domain.slice(0, dot);
      return `${local.slice(0, 1)}${'*'.repeat(Math.min(8, Math.max(1, local.length - 1)))}@${host.slice(0, 1)}${'*'.repeat(Math.min(8, Math.max(1, host.length - 1)))}${domain.slice(dot)}`;
    }
    case 'ip_address': {
      if (raw.includes(':')) {
        const parts = raw.split(':');
        return parts.map((p, i) => (i < 2 || p === '' ? p : '*')).join(':');
      }
      const parts = raw.split('.');
      return parts.map((p, i) => (i < 2 ? p : '*')).join('.');
    }
    case 'mac_address':
      return keep(raw, 6, 0);
    case 'geo_coordinates':
      return raw.replace(/(\d+\.\d)\d*/g, '$1*');
    case 'date_of_birth': {
      const y = /^\d{4}/.test(raw) ? 'head' : 'tail';
      return y === 'head' ? keep(raw, 4, 0) : keep(raw, 0, 4);
    }
    case 'person_name':
    case 'address':
    case 'cn_address':
      return keep(raw, type === 'person_name' ? 1 : Math.min(6, Math.floor(raw.length / 3)), 0, anyNonSpace).slice(0, MAX);
    case 'cn_vehicle_plate':
      return keep(raw, 2, 1, (c) => isAlnumCode(c) || c > 0x3400);
    case 'genomic':
      return raw.length <= 12 ? keep(raw, 2, 0) : `${raw.slice(0, 4).replace(/\t/g, ' ')}…[${raw.length}]`;
    case 'icd10':
      return keep(raw, 1, 0);
    default:
      return raw.length < 8 ? keep(raw, 0, 0) : keep(raw, 2, 2);
  }
}

/** The masked sample of one detection in its value. */
export function mask(value: string, d: Pick<Detection, 'start' | 'end' | 'type'>): string {
  return maskMatch(value.slice(d.start, d.end), d.type);
}
