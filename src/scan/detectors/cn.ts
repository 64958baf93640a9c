/**
 * Mainland China helpers: resident ID structure (GB 11643), calendar checks, and the Han
 * character classes the single-pass scanner uses (plates, addresses, surnames).
 */
import { cnIdCheckChar } from './checksums.js';

const D0 = 48;

/** Province-level prefixes issued on resident IDs (GB/T 2260) plus 81/82/83 residence permits. */
export const PROVINCES: ReadonlySet<number> = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 81, 82, 83]);

export function validProvince(s: string, at: number): boolean {
  return PROVINCES.has((s.charCodeAt(at) - D0) * 10 + (s.charCodeAt(at + 1) - D0));
}

const NOW = new Date();
const THIS_YEAR = NOW.getUTCFullYear();
const TODAY = THIS_YEAR * 10000 + (NOW.getUTCMonth() + 1) * 100 + NOW.getUTCDate();

export function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A real calendar date from 1900-01-01 up to today. */
export function validBirthDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return false;
  return y * 10000 + m * 100 + d <= TODAY;
}

export function num(s: string, from: number, len: number): number {
  let v = 0;
  for (let k = 0; k < len; k++) v = v * 10 + (s.charCodeAt(from + k) - D0);
  return v;
}

/** 18-character resident ID at `from`: province, birth date and MOD 11-2 check (X or x). */
export function cnId18Valid(s: string, from: number): boolean {
  if (!validProvince(s, from)) return false;
  if (!validBirthDate(num(s, from + 6, 4), num(s, from + 10, 2), num(s, from + 12, 2))) return false;
  const want = cnIdCheckChar(s, from).charCodeAt(0);
  const got = s.charCodeAt(from + 17);
  return got === want || (want === 88 && got === 120);
}

/** 15-digit legacy resident ID: province and YYMMDD birth date (19YY); it has no check digit. */
export function cnId15Valid(s: string, from: number): boolean {
  if (!validProvince(s, from)) return false;
  return validBirthDate(1900 + num(s, from + 6, 2), num(s, from + 8, 2), num(s, from + 10, 2));
}

/** The 18-digit form of a legacy 15-digit ID (inserts the century and computes the check). */
export function cnId15To18(id15: string): string {
  const first17 = id15.slice(0, 6) + '19' + id15.slice(6);
  return first17 + cnIdCheckChar(first17, 0);
}

// ---------------------------------------------------------------------------------------------
// Han character classes (one table lookup per Han character in the hot loop)
// ---------------------------------------------------------------------------------------------

export const HAN_PLATE = 1; // province abbreviation that starts a vehicle plate
export const HAN_ADMIN = 2; // administrative-level marker in an address
export const HAN_STREET = 4; // street / building marker in an address
export const HAN_SURNAME = 8; // common single-character surname
export const HAN_KEY = 16; // first character of a context keyword (姓名, 联系人 …)
export const HAN_COMPOUND = 32; // first character of a compound surname

export const HAN = new Uint8Array(0x10000);
const mark = (chars: string, bit: number): void => {
  for (const ch of chars) HAN[ch.charCodeAt(0)] = HAN[ch.charCodeAt(0)]! | bit;
};
mark('京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼', HAN_PLATE);
mark('省市区县州镇乡旗盟', HAN_ADMIN);
mark('路街道巷弄号村里栋幢楼室组胡同苑园', HAN_STREET);
mark(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝' +
    '萧傅阎薛洪贝鞠俞钭奚郦蔚祖凤胥卢喻糜邸花仝闻冀谈宦邴芮羿储靳汲井富巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公',
  HAN_SURNAME,
);
mark('姓联收客患持', HAN_KEY);

export const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '令狐', '慕容', '夏侯', '长孙', '宇文', '司徒', '公孙'];
for (const cs of COMPOUND_SURNAMES) HAN[cs.charCodeAt(0)] = HAN[cs.charCodeAt(0)]! | HAN_COMPOUND;

/** Province-level names an address usually starts with. */
export const PROVINCE_NAMES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];

/** PROVINCE_NAMES by their first character. */
const PROVINCE_BY_FIRST = new Map<number, string[]>();
for (const p of PROVINCE_NAMES) {
  const f = p.charCodeAt(0);
  const l = PROVINCE_BY_FIRST.get(f);
  if (l) l.push(p);
  else PROVINCE_BY_FIRST.set(f, [p]);
}

/** Keywords after which 2–4 Han characters are a person's name. */
/** Whether one of `words` occurs in s at p (a loop, not `words.some(…)`: no closure per call in the hot path). */
export function startsWithAny(s: string, p: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (s.startsWith(words[k]!, p)) return true;
  return false;
}

export const NAME_KEYWORDS = ['姓名', '联系人', '收件人', '收货人', '客户', '患者', '持卡人'];

/**
 * Words that follow a name keyword directly (no ： or space) and begin with a surname
 * character, but are no name: 客户关系管理, 患者满意度, 客户余额, 客户于… Checked only when
 * nothing separates keyword and word (姓名：成功 stays a name).
 */
export const NOT_NAME_WORDS: readonly string[] = (
  '关系 关注 关怀 关联 满意 满足 安全 安排 安置 管理 明细 文件 文档 余额 金额 康复 单位 单号 全称 全部 全体 ' +
  '车辆 商户 商品 项目 高级 高端 成功 成本 成员 成交 付款 付费 包括 范围 申请 申诉 方面 方式 方案 方法 方向 ' +
  '应用 应付 时间 时长 习惯 利益 利润 权益 权限 权利 公司 公众 国家 国籍 相关 通知 通讯 通话 能力 能够 ' +
  '资料 资产 资金 资质 信息 经理 服务'
).split(' ');
/** NOT_NAME_WORDS as the two code units of each word in one number (looked up without making a string). */
const NOT_NAME_PAIRS = new Set(NOT_NAME_WORDS.map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));

/** Whether s[p, p + 2) is one of NOT_NAME_WORDS. */
export function notNameWordAt(s: string, p: number): boolean {
  return NOT_NAME_PAIRS.has(s.charCodeAt(p) * 0x10000 + s.charCodeAt(p + 1));
}
/** Whether c is a particle that ends a name (的 了 等): 客户张三的手机号 → 张三. */
export function isNameEnd(c: number): boolean {
  return c === 0x7684 || c === 0x4e86 || c === 0x7b49;
}

export function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

/** Uppercase plate letters (I and O are not used) and digits. */
export function isPlateChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c !== 73 && c !== 79);
}

/**
 * A plate at `i` (a province abbreviation): `京A12345`, `京A·12345`, new-energy `京AD12345`,
 * optionally ending in 挂/学/警. Returns the end, or -1.
 */
export function plateAt(s: string, i: number, to: number): number {
  let p = i + 1;
  const c1 = s.charCodeAt(p);
  if (!(c1 >= 65 && c1 <= 90) || p >= to) return -1;
  p++;
  const sep = s.charCodeAt(p);
  if (sep === 0xb7 || sep === 0x2022 || sep === 32) p++;
  const start = p;
  while (p < to && p - start < 7 && isPlateChar(s.charCodeAt(p))) p++;
  let n = p - start;
  if (p < to && n === 4 && (s.charCodeAt(p) === 0x6302 || s.charCodeAt(p) === 0x5b66 || s.charCodeAt(p) === 0x8b66)) {
    p++; // 挂 学 警 in place of the last character
    n = 5;
  }
  if (n !== 5 && n !== 6) return -1;
  const after = p < to ? s.charCodeAt(p) : 0;
  if ((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)) return -1;
  // At least one digit: plates are never all letters.
  let digits = 0;
  for (let k = start; k < p; k++) if (s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) digits++;
  if (digits === 0) return -1;
  if (n === 6) {
    // New-energy plates: D/F as first (small cars) or last (large vehicles) character.
    const f = s.charCodeAt(start);
    const l = s.charCodeAt(start + 5);
    if (f !== 68 && f !== 70 && l !== 68 && l !== 70) return -1;
  }
  return p;
}

/** Characters that may continue an address run: Han, digits, ASCII letters, - # and the full-width ones. */
export function isAddressChar(c: number): boolean {
  return isHan(c) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 35 || c === 0xff03 || c === 0xff0d || (c >= 0xff10 && c <= 0xff19);
}

/**
 * A Chinese address inside the run [runStart, runEnd): needs an administrative marker (省 市
 * 区 县 …) followed later by a street or building marker (路 街 号 室 …). Returns
 * [start, end] or undefined. Start is a province name when one is present, else two
 * characters before the first administrative marker.
 */
export function addressIn(s: string, runStart: number, runEnd: number): [number, number] | undefined {
  let admin = -1;
  let streetEnd = -1;
  for (let k = runStart; k < runEnd; k++) {
    const c = s.charCodeAt(k);
    const h = c < 0x10000 ? HAN[c]! : 0;
    if (h & HAN_ADMIN && admin < 0 && k > runStart) admin = k;
    else if (h & HAN_STREET && admin >= 0 && k > admin + 1) streetEnd = k + 1;
  }
  if (admin < 0 || streetEnd < 0) return undefined;
  // the first province name that lies whole in [runStart, admin]
  let start = -1;
  for (let k = runStart; k <= admin && start < 0; k++) {
    const names = PROVINCE_BY_FIRST.get(s.charCodeAt(k));
    if (names === undefined) continue;
    for (let n = 0; n < names.length; n++) {
      const w = names[n]!;
      if (k + w.length <= admin + 1 && s.startsWith(w, k)) {
        start = k;
        break;
      }
    }
  }
  if (start < 0) start = Math.max(runStart, admin - 2);
  // Trailing house / room numbers written after the last marker (e.g. 88号院3单元501).
  let end = streetEnd;
  while (end < runEnd) {
    const c = s.charCodeAt(end);
    if ((c >= 48 && c <= 57) || c === 45 || (c < 0x10000 && HAN[c]! & HAN_STREET) || c === 0x5355 /* 单 */ || c === 0x5143 /* 元 */ || c === 0x5c42 /* 层 */ || c === 0x9662 /* 院 */) end++;
    else break;
  }
  if (end - start < 6) return undefined;
  return [start, end];
}

/** The date birth dates are judged against (read once at start-up), for the WebAssembly port. */
export const CN_CLOCK = { TODAY, THIS_YEAR } as const;
