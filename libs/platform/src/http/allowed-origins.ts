/**
 * The CORS allow-list (CORS_ORIGINS). The browser client is served by this server, so its own
 * origin needs no CORS at all; other sites are let in only when listed.
 */
export class AllowedOrigins {
  private readonly listed: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.listed = new Set(origins);
  }

  /** Whether an answer to this Origin carries CORS headers (HTTP, socket.io polling). */
  isListed(origin: string | undefined): boolean {
    return origin !== undefined && this.listed.has(origin);
  }

  /**
   * Whether a socket.io handshake may go on. A WebSocket is not bound by CORS in the browser,
   * so the server checks the Origin itself: none (not a browser), the same host as the request's
   * Host header (our own page), or a listed one.
   */
  mayConnect(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.isListed(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host.toLowerCase();
    } catch {
      return false;
    }
  }
}
