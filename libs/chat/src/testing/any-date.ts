/**
 * Matches any valid Date inside toEqual, also one made in another realm: the SQLite store's
 * thread hands its Dates over by structured clone, which builds them outside Jest's realm, where
 * `expect.any(Date)` (an instanceof check) fails.
 */
export const anyDate = {
  asymmetricMatch: (value: unknown): boolean => Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime()),
  toAsymmetricMatcher: (): string => 'anyDate',
};
