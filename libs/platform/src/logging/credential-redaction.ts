export const REDACTED = '[Redacted]';

// Names that carry a secret: Authorization and Proxy-Authorization, X-Auth-*, cookies, tokens,
// secrets, passwords, API keys, sessions, signatures. Over-redacting a harmless header costs nothing.
const CREDENTIAL_NAME = /(?:^|[-_])auth(?:$|[-_])|authori[sz]ation|cookie|token|secret|passw|pwd|api[-_]?key|session|credential|signature|jwt/i;
// Short query names that hold keys or signatures on their own (`?key=…`, `?sig=…`).
const CREDENTIAL_QUERY_NAMES = new Set(['key', 'sig']);
// Not credentials but people's words: a search term (`?q=`) is a piece of someone's messages or an email.
const CONTENT_QUERY_NAMES = new Set(['q']);

/** Whether a header, query parameter or field of this name may carry a credential. */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) || CREDENTIAL_QUERY_NAMES.has(name.toLowerCase());
}

/** Whether a log line shows the value of a field of this name: not for credentials, nor for search terms. */
function isHiddenName(name: string): boolean {
  return isCredentialName(name) || CONTENT_QUERY_NAMES.has(name.toLowerCase());
}

/** A copy of a header or query map with the values of credential-like names (and search terms) replaced. */
export function redactByName<T>(fields: Record<string, T> | undefined): Record<string, T | typeof REDACTED> | undefined {
  if (!fields || typeof fields !== 'object') return fields;
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, isHiddenName(name) ? REDACTED : value]));
}

/** The URL with the values of credential-like query parameters (and search terms) replaced; everything else kept byte for byte. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const parameters = url
    .slice(queryStart + 1)
    .split('&')
    .map((parameter) => {
      const name = parameter.split('=', 1)[0];
      return isHiddenName(decodedName(name)) ? `${name}=${REDACTED}` : parameter;
    });
  return `${url.slice(0, queryStart + 1)}${parameters.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
