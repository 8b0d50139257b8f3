import { createHmac } from 'node:crypto';

/** Builds JWTs by hand, so tests can make tokens the server must refuse. */
export function forgeJwt(header: object, claims: object, secret: string, algorithm = 'sha256'): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  if ((header as { alg?: string }).alg === 'none') return `${unsigned}.`;
  return `${unsigned}.${createHmac(algorithm, secret).update(unsigned).digest('base64url')}`;
}

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
