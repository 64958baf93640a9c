/**
 * ONE taxonomy of data categories, mapped to each regime's own classes:
 *
 * - US 28 CFR 202: the six sensitive-personal-data categories (202.249), the listed
 *   identifiers of 202.234(a)–(h), and government-related data (202.222).
 * - China: personal information (PIPL Art. 4), sensitive personal information (PIPL Art. 28),
 *   important data and core data (DSL Art. 21).
 * - EU GDPR: personal data (Art. 4(1)), special categories (Art. 9), criminal data (Art. 10).
 *
 * A dataset lists the categories it holds; every pack reads the mapping here, never the ids.
 */

/** DOJ sensitive-personal-data categories (28 CFR 202.249). */
export type DojCategory =
  | 'covered_personal_identifiers'
  | 'precise_geolocation'
  | 'biometric_identifiers'
  | 'human_omic'
  | 'personal_health'
  | 'personal_financial';

/** Listed identifier classes, 28 CFR 202.234(a)–(h). */
export type ListedIdentifierClass =
  | 'government_id' // (a)
  | 'financial_account' // (b)
  | 'device_id' // (c)
  | 'demographic_contact' // (d)
  | 'advertising_id' // (e)
  | 'account_authentication' // (f)
  | 'network_id' // (g)
  | 'call_detail'; // (h)

/** PIPL Art. 28 sensitive-PI kinds (the list ends in 等, so it is open). */
export type CnSensitiveKind =
  | 'biometrics'
  | 'religious_belief'
  | 'specific_identity'
  | 'medical_health'
  | 'financial_account'
  | 'whereabouts'
  | 'minor_under_14'
  /** Not one of Art. 28's own words (the list is open): `basis` says why. */
  | 'other';

export interface CategoryInfo {
  readonly label: string;
  /** Relates to an identified or identifiable natural person. */
  readonly personal: boolean;
  readonly us?: {
    /** The 202.249 category this data falls in when linked (see 202.212 for identifiers). */
    readonly category?: DojCategory;
    /** A listed identifier (202.234); combined with another it is a covered personal identifier. */
    readonly listedIdentifier?: ListedIdentifierClass;
    /** 202.224: genomic data has its own, lower bulk threshold. */
    readonly genomic?: boolean;
    /** 202.223: human biospecimens from which 'omic data could be derived. */
    readonly biospecimen?: boolean;
  };
  readonly cn?: {
    /** PIPL Art. 28 sensitive personal information. */
    readonly sensitive?: CnSensitiveKind;
    /** Why it is classed sensitive, when the basis is not PIPL Art. 28's own words. */
    readonly basis?: string;
  };
  readonly eu?: {
    /** GDPR Art. 9(1) special category, or Art. 10 criminal-offence data. */
    readonly special?: 'art9' | 'art10';
  };
}

/** The categories. Ids are stable: inventories, scans and rules refer to them. */
export const CATEGORIES = {
  // --- identifiers (202.234) -------------------------------------------------------------
  name: { label: 'Name', personal: true, us: { listedIdentifier: 'demographic_contact' } },
  contact: {
    label: 'Contact data (address, phone, email)',
    personal: true,
    us: { listedIdentifier: 'demographic_contact' },
  },
  demographic: {
    label: 'Demographic data (birth date, birthplace, ZIP code)',
    personal: true,
    us: { listedIdentifier: 'demographic_contact' },
  },
  government_id: {
    label: 'Government identification number (SSN, resident ID, passport, driver licence)',
    personal: true,
    us: { listedIdentifier: 'government_id' },
    cn: { sensitive: 'other', basis: 'GB/T 35273-2020 §3.2 note lists ID card numbers as sensitive PI [S] (Annex B: identity documents [M]); not Art. 28 特定身份' },
  },
  financial_account: {
    label: 'Financial account or card number, PIN',
    personal: true,
    us: { listedIdentifier: 'financial_account', category: 'personal_financial' },
    cn: { sensitive: 'financial_account' },
  },
  device_id: { label: 'Device or hardware identifier (IMEI, MAC, SIM)', personal: true, us: { listedIdentifier: 'device_id' } },
  advertising_id: { label: 'Advertising identifier (IDFA, GAID, MAID)', personal: true, us: { listedIdentifier: 'advertising_id' } },
  account_credentials: {
    label: 'Account authentication data (username, password, security answers)',
    personal: true,
    us: { listedIdentifier: 'account_authentication' },
    cn: { sensitive: 'other', basis: 'GB/T 35273-2020 Annex B lists authentication information (passwords) as sensitive PI [M]; sensitive is the conservative reading' },
  },
  network_id: { label: 'Network identifier (IP address, cookie)', personal: true, us: { listedIdentifier: 'network_id' } },
  call_detail: {
    label: 'Call-detail records (CPNI)',
    personal: true,
    us: { listedIdentifier: 'call_detail' },
    cn: { sensitive: 'other', basis: 'GB/T 35273-2020 §3.2 note lists communication records and content as sensitive PI [S]' },
  },
  // --- the other sensitive categories (202.249) -------------------------------------------
  precise_geolocation: {
    label: 'Precise geolocation (within 1,000 m)',
    personal: true,
    us: { category: 'precise_geolocation' },
    cn: { sensitive: 'whereabouts' },
  },
  biometric: {
    label: 'Biometric identifiers (face, fingerprint, voice, iris)',
    personal: true,
    us: { category: 'biometric_identifiers' },
    cn: { sensitive: 'biometrics' },
    eu: { special: 'art9' },
  },
  genomic: {
    label: 'Human genomic data',
    personal: true,
    us: { category: 'human_omic', genomic: true },
    cn: { sensitive: 'medical_health', basis: 'PIPL Art. 28 (biometrics/medical health); HGR rules also apply' },
    eu: { special: 'art9' },
  },
  omic_other: {
    label: 'Human epigenomic, proteomic or transcriptomic data',
    personal: true,
    us: { category: 'human_omic' },
    cn: { sensitive: 'medical_health' },
    eu: { special: 'art9' },
  },
  biospecimen: {
    label: 'Human biospecimens',
    personal: true,
    us: { category: 'human_omic', biospecimen: true },
    cn: { sensitive: 'medical_health' },
    eu: { special: 'art9' },
  },
  health: {
    label: 'Personal health data',
    personal: true,
    us: { category: 'personal_health' },
    cn: { sensitive: 'medical_health' },
    eu: { special: 'art9' },
  },
  financial: {
    label: 'Personal financial data (transactions, statements, credit reports)',
    personal: true,
    us: { category: 'personal_financial' },
    cn: { sensitive: 'financial_account', basis: 'PIPL Art. 28 financial accounts; GB/T 35273-2020 §3.2 note lists property, credit and transaction information as sensitive PI [S]' },
  },
  // --- other China / EU sensitive classes ------------------------------------------------
  religious_belief: { label: 'Religious or philosophical belief', personal: true, cn: { sensitive: 'religious_belief' }, eu: { special: 'art9' } },
  minor_under_14: { label: 'Personal information of minors under 14', personal: true, cn: { sensitive: 'minor_under_14' } },
  racial_ethnic_origin: { label: 'Racial or ethnic origin', personal: true, cn: { sensitive: 'specific_identity' }, eu: { special: 'art9' } },
  political_opinion: { label: 'Political opinions', personal: true, eu: { special: 'art9' } },
  trade_union: { label: 'Trade-union membership', personal: true, eu: { special: 'art9' } },
  sex_life: {
    label: 'Sex life or sexual orientation',
    personal: true,
    cn: { sensitive: 'other', basis: 'GB/T 35273-2020 Annex B lists sexual orientation as sensitive PI [M]; sensitive is the conservative reading' },
    eu: { special: 'art9' },
  },
  criminal_record: {
    label: 'Criminal convictions and offences',
    personal: true,
    cn: { sensitive: 'other', basis: 'GB/T 35273-2020 Annex B lists undisclosed criminal records as sensitive PI [M]; sensitive is the conservative reading' },
    eu: { special: 'art10' },
  },
  employment: { label: 'Employment records (job, salary, performance)', personal: true },
  online_activity: { label: 'Online activity and behaviour', personal: true },
  personal_other: { label: 'Other personal information', personal: true },
  // --- non-personal ----------------------------------------------------------------------
  anonymized_statistics: { label: 'Anonymised or aggregate statistics (no individual identifiable)', personal: false },
  business: { label: 'Business or operational data, not about individuals', personal: false },
  trade_secret: { label: 'Trade secrets and proprietary information', personal: false },
  technical: { label: 'Technical data, source code, designs', personal: false },
  geospatial: { label: 'Geospatial or mapping data (not about individuals)', personal: false },
} as const satisfies Record<string, CategoryInfo>;

export type CategoryId = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as CategoryId[];

export function categoryInfo(id: CategoryId): CategoryInfo {
  return CATEGORIES[id];
}
