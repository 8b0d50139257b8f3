import { randomUUID } from 'node:crypto';

export interface BenchUser {
  readonly id: string;
  readonly token: string;
}

/** Signs a fresh user up through the public API, logs in, and gives them a few channels to list. */
export async function prepareBenchUser(url: string, channels: number): Promise<BenchUser> {
  const email = `bench-${randomUUID()}@example.com`;
  const password = 'bench-password-123';
  const signup = await post(url, '/api/auth/signup', { email, username: 'Bench', password });
  const login = await post(url, '/api/auth/login', { email, password });
  const token = (login as { accessToken: string }).accessToken;
  for (let i = 0; i < channels; i += 1) await post(url, '/api/channels', { name: `bench channel ${i}` }, token);
  return { id: (signup as { id: string }).id, token };
}

async function post(url: string, path: string, body: object, token?: string): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
