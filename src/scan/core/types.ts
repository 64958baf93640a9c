/**
 * The scan contract between the hot path (detectors, readers, the per-source accumulator —
 * src/scan/{detectors,readers,core,corpus}) and everything around it (sources, subjects,
 * report, inventory — src/scan/{sources,subjects}, report.ts, write-inventory.ts).
 *
 * Flow for one source:
 *
 *   const scanner = createSourceScanner({ onSubject: (j, key) => hll(j).add(hmac(key)) });
 *   await readCsv(textStream, { source: 'people.csv' }, scanner);   // or readJsonLines / readText,
 *   // or, for database tables, scanner.scanRecord(primaryKey, [[column, value], ...]) per row
 *   const { records, fields, findings } = scanner.result();
 *
 * Invariants:
 * - Offsets (`start`/`end`) are UTF-16 code-unit offsets into the field's string value,
 *   `end` exclusive.
 * - Nothing here ever stores a raw matched value: findings carry `masked` only. The one raw
 *   thing that leaves this layer is the `normalizedKey` given to `onSubject`, in memory,
 *   which the subjects layer must hash (keyed) at once and never keep or print.
 * - Results are deterministic: same input, same output, same order.
 * - The scanner's methods are bound: wrapping it (Object.create, spreading) is safe.
 */
import type { CategoryId } from '../../inventory/taxonomy.js';

/**
 * Every kind of value a detector reports. Ids are stable (they appear in JSON output and in
 * stored scans). See {@link TYPE_INFO} for category and subject jurisdiction, and
 * docs/scan-detectors.md for the validation rule of each.
 */
export type DetectionType =
  // China, Hong Kong, Taiwan
  | 'cn_resident_id' // 18-digit (MOD 11-2, region, birth date) and 15-digit legacy
  | 'cn_mobile' // 1[3-9]x mainland mobile, optional +86/0086
  | 'cn_uscc' // Unified Social Credit Code (GB 32100 check character)
  | 'cn_passport' // E/G + 8, E + letter + 7, P/S/D(E) forms; context needed
  | 'hk_id' // HKID with check digit
  | 'tw_id' // Taiwan national ID / resident certificate with check digit
  | 'cn_vehicle_plate' // 京A12345, new-energy 京AD12345
  | 'cn_address' // 省/市/区/县 … 路/街/号 structure
  // United States
  | 'us_ssn'
  | 'us_itin'
  | 'us_passport' // context needed
  | 'aba_routing' // ABA 3-7-1 checksum
  // Global
  | 'phone' // any region except CN mobiles (libphonenumber-js validity)
  | 'email'
  | 'ip_address' // IPv4 and IPv6
  | 'mac_address' // MAC-48 / Wi-Fi BSSID
  | 'imei' // Luhn
  | 'payment_card' // Luhn + issuer ranges, incl. UnionPay
  | 'iban' // mod 97 + per-country length
  | 'geo_coordinates' // lat/long pair precise to ≤ 1,000 m
  | 'date_of_birth' // a date in a birth context
  | 'advertising_id' // IDFA / GAID in an advertising context
  | 'crypto_wallet' // BTC Base58Check / Bech32, ETH EIP-55
  | 'genomic' // FASTA / VCF / SAM records
  | 'icd10' // ICD-10 code in a health context
  | 'person_name' // names in a name context (field name or Chinese surname heuristic)
  | 'address'; // street address in an address context (non-CN)

/** One hit inside one field value. */
export interface Detection {
  readonly type: DetectionType;
  /** UTF-16 offset of the first code unit of the match. */
  readonly start: number;
  /** UTF-16 offset one past the last code unit (exclusive). */
  readonly end: number;
  /** 0..1: how sure the detector is, after field context (see docs/scan-detectors.md). */
  readonly confidence: number;
  /** ISO 3166-1 alpha-2 of the data subject's jurisdiction when the value implies one. */
  readonly jurisdiction?: string;
  readonly category: CategoryId;
}

/** Static facts about each detection type. */
export interface TypeInfo {
  readonly label: string;
  readonly category: CategoryId;
  /** The jurisdiction every match implies (phone numbers take it from the number instead). */
  readonly jurisdiction?: string;
  /**
   * Whether a match identifies one natural person strongly enough to count as a subject
   * (passed to `onSubject`). E-mails and cards are personal but say nothing of the country.
   */
  readonly subjectKey: boolean;
}

/**
 * The detector entry points (implemented in src/scan/detectors/index.ts):
 * - `detect(value, field?)`: all detections in one value, sorted by start, non-overlapping.
 * - `mask(value, d)`: the masked sample of one detection, e.g. `110105********002X`.
 */
export type DetectFn = (value: string, field?: string) => Detection[];
export type MaskFn = (value: string, d: Detection) => string;

// ---------------------------------------------------------------------------------------------
// Per-source accumulator
// ---------------------------------------------------------------------------------------------

/** A finding as stored and reported: the masked sample only, never the value. */
export interface Finding {
  /** Primary key / `id` field / row or line number (1-based). */
  readonly record: string | number;
  readonly field: string;
  readonly type: DetectionType;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly masked: string;
}

export interface FieldTypeCount {
  readonly type: DetectionType;
  /** Exact number of detections of this type in this field. */
  readonly count: number;
  /** Mean confidence of those detections, rounded to 2 decimals. */
  readonly confidence: number;
}

export interface FieldSummary {
  readonly field: string;
  /** Sorted by count desc, then type. */
  readonly types: readonly FieldTypeCount[];
}

export interface SourceScanResult {
  /** Records seen (rows, lines, objects). */
  readonly records: number;
  /** Fields with at least one detection, in first-seen order. */
  readonly fields: readonly FieldSummary[];
  /** The first `maxFindings` findings in input order. */
  readonly findings: readonly Finding[];
  /** Exact number of findings (≥ findings.length). */
  readonly findingsTotal: number;
  /** findingsTotal > findings.length. */
  readonly findingsTruncated: boolean;
  /** Detections per category over the whole source (for the inventory). */
  readonly categories: Readonly<Partial<Record<CategoryId, number>>>;
}

export interface SourceScannerOptions {
  /** Keep at most this many findings (counts stay exact). Default 1000. */
  readonly maxFindings?: number;
  /** Detections below this confidence are dropped. Default 0.5. */
  readonly minConfidence?: number;
  /**
   * Called at most once per record per jurisdiction with the strongest subject identifier
   * of that record (priority: national ID > SSN/ITIN > passport > mobile/phone), as
   * `<type>:<normalized value>` (e.g. `cn_resident_id:11010519491231002X`,
   * `phone:+8613812345678`). In memory only: hash it immediately, never store or print it.
   */
  readonly onSubject?: (jurisdiction: string, normalizedKey: string) => void;
  /**
   * The same keys as `onSubject`, given as UTF-16 code units `key[0, length)` in a buffer the
   * scanner reuses (and clears), so that no string is made per key: the subject counter hashes
   * them in place. Takes the place of `onSubject` when both are given. In memory only, as for
   * `onSubject`: hash at once, never keep or print.
   */
  readonly subjectSink?: SubjectSink;
}

/** Where subject keys go as code units (see SourceScannerOptions.subjectSink). */
export interface SubjectSink {
  addUnits(jurisdiction: string, key: Uint16Array, length: number): void;
  /**
   * A sink that hashes with SipHash-2-4 may give its key (four little-endian 32-bit words) and
   * take hashes: the scan's WebAssembly module then hashes the keys it writes itself, and only
   * the hashes leave it. `addHash(j, hi, lo)` must count what `addUnits` of the key would.
   */
  readonly sipKey?: readonly [number, number, number, number];
  addHash?(jurisdiction: string, hi: number, lo: number): void;
}

export interface SourceScanner {
  /** Scan one record: every (field, value) pair. Empty values are skipped. */
  scanRecord(record: string | number, fields: Iterable<readonly [field: string, value: string]>): void;
  /**
   * Lower-level, allocation-free path used by the readers: `beginRecord`, then any number
   * of `scanField`, then `endRecord`. `scanRecord` is exactly this sequence.
   */
  beginRecord(record: string | number): void;
  scanField(field: string, value: string): void;
  endRecord(): void;
  /** The record id of the open record may be set late (JSON lines `id` after other keys). */
  setRecordId(record: string | number): void;
  result(): SourceScanResult;
  /**
   * Optional fast path (the scanner from createSourceScanner has it; the readers fall back
   * to `scanField` when absent): a stable slot number per field name, and scanning a range
   * s[from, to) of a larger string as that field's value without copying it. `base` is
   * added to reported offsets (a window that starts `base` units into a long value).
   */
  slot?(field: string): number;
  /**
   * `more`: this is a window of a longer value and more windows of it follow (the scanner keeps
   * the window's end, so a value cut by the window edge is found whole in the next one).
   */
  scanSlot?(slot: number, s: string, from: number, to: number, base?: number, more?: boolean): void;
}

// ---------------------------------------------------------------------------------------------
// Readers (src/scan/readers/*): text in, records into a SourceScanner.
// Input is a Node Readable or any (async) iterable of chunks: UTF-8 bytes (Buffer /
// Uint8Array; the CSV and JSON-lines readers then parse the bytes and decode only the
// fields that are not ASCII, see readers/bytes.ts) or strings. Decoding other charsets
// (GBK/GB18030) and decompression happen before, in the sources layer.
// ---------------------------------------------------------------------------------------------

export type TextInput = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export interface ReaderOptions {
  /** Name used in error messages (file path as the user gave it). */
  readonly source?: string;
  /** Called now and then with the number of input units consumed so far (see ReadStats.units). */
  readonly onProgress?: (unitsRead: number) => void;
}

export interface CsvOptions extends ReaderOptions {
  /** Field delimiter; sniffed from the first lines when absent (`,` `\t` `;` `|`). */
  readonly delimiter?: string;
  /** First row is a header (default true). Without one, fields are named `1`, `2`, … */
  readonly header?: boolean;
  /** Column whose value is the record id (default: row number, 1-based, header excluded). */
  readonly recordKey?: string;
}

export interface JsonLinesOptions extends ReaderOptions {
  /** Top-level key whose value is the record id when present (default `id`). */
  readonly idKey?: string;
}

export type TextOptions = ReaderOptions;

export interface ReadStats {
  readonly records: number;
  /** Input units read: bytes when the input was bytes, UTF-16 code units when it was strings. */
  readonly units: number;
}

/**
 * Static facts per type. Subject jurisdiction: CN for mainland identifiers, HK/TW for theirs,
 * US for SSN/ITIN/passport; phone numbers carry the region of the number.
 */
export const TYPE_INFO: Readonly<Record<DetectionType, TypeInfo>> = {
  cn_resident_id: { label: 'China resident identity card number', category: 'government_id', jurisdiction: 'CN', subjectKey: true },
  cn_mobile: { label: 'China mobile number', category: 'contact', jurisdiction: 'CN', subjectKey: true },
  cn_uscc: { label: 'China Unified Social Credit Code (organisation)', category: 'business', subjectKey: false },
  cn_passport: { label: 'China passport or travel permit', category: 'government_id', jurisdiction: 'CN', subjectKey: true },
  hk_id: { label: 'Hong Kong identity card', category: 'government_id', jurisdiction: 'HK', subjectKey: true },
  tw_id: { label: 'Taiwan national ID / resident certificate', category: 'government_id', jurisdiction: 'TW', subjectKey: true },
  cn_vehicle_plate: { label: 'China vehicle plate', category: 'personal_other', jurisdiction: 'CN', subjectKey: false },
  cn_address: { label: 'China address', category: 'contact', jurisdiction: 'CN', subjectKey: false },
  us_ssn: { label: 'US Social Security number', category: 'government_id', jurisdiction: 'US', subjectKey: true },
  us_itin: { label: 'US Individual Taxpayer Identification Number', category: 'government_id', jurisdiction: 'US', subjectKey: true },
  us_passport: { label: 'US passport number', category: 'government_id', jurisdiction: 'US', subjectKey: true },
  aba_routing: { label: 'ABA routing number', category: 'financial', jurisdiction: 'US', subjectKey: false },
  phone: { label: 'Phone number', category: 'contact', subjectKey: true },
  email: { label: 'E-mail address', category: 'contact', subjectKey: false },
  ip_address: { label: 'IP address', category: 'network_id', subjectKey: false },
  mac_address: { label: 'MAC address / Wi-Fi BSSID', category: 'device_id', subjectKey: false },
  imei: { label: 'IMEI', category: 'device_id', subjectKey: false },
  payment_card: { label: 'Payment card number', category: 'financial_account', subjectKey: false },
  iban: { label: 'IBAN', category: 'financial_account', subjectKey: false },
  geo_coordinates: { label: 'Precise geolocation (≤ 1,000 m)', category: 'precise_geolocation', subjectKey: false },
  date_of_birth: { label: 'Date of birth', category: 'demographic', subjectKey: false },
  advertising_id: { label: 'Advertising ID (IDFA / GAID)', category: 'advertising_id', subjectKey: false },
  crypto_wallet: { label: 'Crypto-wallet address', category: 'financial_account', subjectKey: false },
  genomic: { label: 'Genomic data (FASTA / VCF / SAM)', category: 'genomic', subjectKey: false },
  icd10: { label: 'ICD-10 diagnosis code', category: 'health', subjectKey: false },
  person_name: { label: 'Person name', category: 'name', subjectKey: false },
  address: { label: 'Street address', category: 'contact', subjectKey: false },
};

export const DETECTION_TYPES = Object.keys(TYPE_INFO) as DetectionType[];
