/**
 * The client's address as Fastify's `trustProxy: hops` sees it (proxy-addr with a hop count): the
 * socket's peer, or, behind `hops` trusted proxies, the entry of X-Forwarded-For that the
 * outermost trusted proxy appended. Entries further left were written by the client and are never
 * taken, so a forged header cannot pick the address (DESIGN §5 rate limits count per address).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // Nearest first: the peer, then the header read from the right.
  const chain = [peer ?? '', ...forwarded.reverse()];
  return chain[Math.min(hops, chain.length - 1)];
}
