// setup(): users and channels made through the public HTTP API (DESIGN §5), in parallel
// batches. Consecutive users form one channel: the first creates it and invites the others.
import http from 'k6/http';

const PASSWORD = 'k6-bench-password';
const BATCH = 50;

/**
 * Signs up and logs in `users` users, then makes channels of `members` consecutive users.
 * Returns { users: [{id, token}], channels: [channelId] }; user i is in channels[floor(i / members)].
 */
export function prepareUsersAndChannels(baseUrl, runId, users, members) {
  const accounts = [];
  for (let first = 0; first < users; first += BATCH) {
    const indexes = range(first, Math.min(users, first + BATCH));
    const emails = indexes.map((i) => `k6-${runId}-${i}@example.com`);
    const signups = batch(emails.map((email, n) => post(baseUrl, '/api/auth/signup', { email, username: `k6 user ${indexes[n]}`, password: PASSWORD })), 201);
    const logins = batch(emails.map((email) => post(baseUrl, '/api/auth/login', { email, password: PASSWORD })), 200);
    signups.forEach((signup, n) => accounts.push({ id: signup.id, token: logins[n].accessToken }));
  }
  const owners = range(0, Math.ceil(users / members)).map((group) => accounts[group * members]);
  const channels = [];
  for (let first = 0; first < owners.length; first += BATCH) {
    const slice = owners.slice(first, first + BATCH);
    const created = batch(slice.map((owner, n) => post(baseUrl, '/api/channels', { name: `k6 ${runId} ${first + n}` }, owner.token)), 201);
    const invites = [];
    created.forEach((channel, n) => {
      const group = first + n;
      const others = accounts.slice(group * members + 1, (group + 1) * members).map((account) => account.id);
      if (others.length > 0) invites.push(post(baseUrl, `/api/channels/${channel.id}/members`, { userIds: others }, slice[n].token));
      channels.push(channel.id);
    });
    batch(invites, 200);
  }
  return { users: accounts, channels };
}

function post(baseUrl, path, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return ['POST', `${baseUrl}${path}`, JSON.stringify(body), { headers, tags: { name: path.replace(/[0-9a-f-]{36}/, ':id') } }];
}

/** Sends the requests in parallel; any other status than `status` ends setup (a half-made population measures nothing). */
function batch(requests, status) {
  if (requests.length === 0) return [];
  return http.batch(requests).map((response, n) => {
    if (response.status !== status) throw new Error(`setup: ${requests[n][0]} ${requests[n][1]} answered ${response.status}: ${response.body}`);
    return response.json();
  });
}

function range(from, to) {
  const values = [];
  for (let i = from; i < to; i += 1) values.push(i);
  return values;
}
