import { randomBytes } from 'node:crypto';
import { clientsFor, Layout, Population } from './population';

const PASSWORD = 'bench-password-123';
const INVITE_BATCH = 100; // the API's most userIds per invite
const CONCURRENCY = 16;

/** Signs the layout's users up, logs them in and makes its channels through the HTTP API of `urls[0]`; user i's socket goes to urls[i % n]. */
export async function populateWebChat(urls: readonly string[], layout: Layout, log: (line: string) => void): Promise<Population> {
  const api = urls[0];
  const tag = randomBytes(4).toString('hex');
  const started = Date.now();
  const users = await inParallel(layout.users, async (n) => {
    const email = `bench-${tag}-${n}@example.com`;
    const { id } = await call<{ id: string }>(api, 'POST', '/api/auth/signup', { email, username: `bench ${n}`, password: PASSWORD });
    const { accessToken } = await call<{ accessToken: string }>(api, 'POST', '/api/auth/login', { email, password: PASSWORD });
    return { id, token: accessToken };
  });
  log(`  ${layout.users} users signed up and logged in (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const channelIds = await inParallel(layout.channels.length, async (c) => {
    const [owner, ...others] = layout.channels[c];
    const { id } = await call<{ id: string }>(api, 'POST', '/api/channels', { name: `bench ${tag} ${c}` }, users[owner].token);
    for (let from = 0; from < others.length; from += INVITE_BATCH) {
      const userIds = others.slice(from, from + INVITE_BATCH).map((user) => users[user].id);
      await call(api, 'POST', `/api/channels/${id}/members`, { userIds }, users[owner].token);
    }
    return id;
  });
  log(`  ${channelIds.length} channels made (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
  const clients = clientsFor(layout, channelIds, (user, channels) => ({
    userIndex: user,
    url: urls[user % urls.length],
    auth: { token: users[user].token },
    token: users[user].token,
    channels: channels.map((id) => ({ id })),
  }));
  const readers = new Map(layout.channels.map((members, c) => [channelIds[c], users[members[0]].token]));
  return { clients, channelIds, layout, readers };
}

export async function call<T = unknown>(url: string, method: string, path: string, body?: object, token?: string): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** work(0 … count-1), at most CONCURRENCY at a time, results in order. */
export async function inParallel<T>(count: number, work: (n: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const n = next++;
      results[n] = await work(n);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, lane));
  return results;
}
