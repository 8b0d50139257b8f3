import type { Database } from 'better-sqlite3';
import { foldForSearch } from '../../../domain/search-fold';
import { searchDocument } from './search-document';

/** The SQL name of the search index's document function (the schema's triggers call it). */
export const SEARCH_DOCUMENT_FUNCTION = 'webchat_search_document';

/** The SQL name of foldForSearch, so search folds the text exactly as it folds the query. */
export const FOLD_FUNCTION = 'webchat_fold';

/** Registers the functions the schema and the statements call; every connection needs them before it writes. */
export function registerSearchFunctions(db: Database): void {
  db.function(FOLD_FUNCTION, { deterministic: true }, (text: unknown) => foldForSearch(String(text)));
  db.function(SEARCH_DOCUMENT_FUNCTION, { deterministic: true }, (channelId: unknown, text: unknown) =>
    searchDocument(String(channelId), foldForSearch(String(text))),
  );
}
