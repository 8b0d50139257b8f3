import { randomUUID } from 'node:crypto';
import { SignedInUser, TestApp } from './test-app';

export const WALLET_PASSWORD = 'wallet-pass';

/** The wallet routes as one user sees them, each money move with a fresh Idempotency-Key unless given. */
export function walletClient(t: TestApp, user: SignedInUser) {
  const auth = `Bearer ${user.token}`;
  const get = (path: string) => t.http.get(path).set('authorization', auth);
  const post = (path: string, body: object = {}, key?: string) => {
    const request = t.http.post(path).set('authorization', auth);
    return (key === undefined ? request : request.set('idempotency-key', key)).send(body);
  };
  return {
    get,
    post,
    del: (path: string) => t.http.delete(path).set('authorization', auth),
    openWallet: async (): Promise<string> => (await post('/api/wallets', { password: WALLET_PASSWORD }).expect(201)).body.id,
    deposit: (walletId: string, amount: unknown, key: string = randomUUID()) => post(`/api/wallets/${walletId}/deposits`, { amount }, key),
    withdraw: (walletId: string, amount: unknown, key: string = randomUUID(), password = WALLET_PASSWORD) =>
      post(`/api/wallets/${walletId}/withdrawals`, { amount, password }, key),
    transfer: (fromWalletId: string, toWalletId: string, amount: unknown, key: string = randomUUID(), password = WALLET_PASSWORD) =>
      post('/api/transfers', { fromWalletId, toWalletId, amount, password }, key),
    balance: async (walletId: string): Promise<number> => {
      const page = (await get(`/api/wallets/${walletId}/entries?limit=1`).expect(200)).body;
      return page.items[0]?.balanceAfter ?? 0;
    },
  };
}
