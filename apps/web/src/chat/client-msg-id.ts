/** A fresh id per message sent, so a retried send is stored once (crypto.randomUUID needs a secure context). */
export function newClientMsgId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const random = crypto.getRandomValues(new Uint32Array(4));
  return `${Date.now().toString(36)}-${[...random].map((n) => n.toString(36)).join('')}`;
}
