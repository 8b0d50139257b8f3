/** The token of an `Authorization: Bearer <token>` header (scheme in any case, RFC 7235); undefined otherwise. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^bearer +([\w.~+/-]+=*)$/i.exec(authorization);
  return match?.[1];
}
