/** Pages of history: `limit` 1–100, 50 when not given (DESIGN §5 "History"). */
export const HISTORY_DEFAULT_LIMIT = 50;
export const HISTORY_MAX_LIMIT = 100;

/** Message search: `limit` 1–50, 20 when not given; the query 1–100 code points. */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_QUERY_MAX_CODE_POINTS = 100;
