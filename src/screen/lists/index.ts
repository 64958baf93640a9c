/** List import: parsers (usable without the store), the store-backed import and loader. */
export { parseListFile, parseListDir, parseListPaths, listFiles, type ParseOptions } from './parse.js';
export { LIST_IDS, LIST_TITLES, LIST_FORMATS, isSkipped } from './types.js';
export type { ListId, ListFormat, ListDateSource, ParsedList, SkippedFile, ParseOutcome, ListCategory } from './types.js';
export { resolveParents, linkedToNames, fccNamedEntities, nameKey, type ParentLink } from './parents.js';
export { importParsedLists, loadListEntries, listSummaries, listingHistory } from './store.js';
export type { ImportOptions, ImportResult, LoadOptions, ListSummary } from './store.js';
export type { ListingPeriod } from './history.js';
