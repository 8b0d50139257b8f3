import { bearer, handshakeWith, logInAgain, serverDisconnect } from './support/account-client';
import { connectChat, eventually } from './support/chat-client';
import { describeOnKafkaAndMysql, twoKafkaNodes } from './support/cluster-node-env';
import { describeOnEachStore } from './support/each-store';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { signedInUser, startTestApp, TestApp } from './support/test-app';

/** POST /api/auth/logout (DESIGN §5, issue 12 point 4), the same cases on each store. */
function logoutCases(start: () => Promise<TestApp>): void {
  let t: TestApp;
  const sockets = socketsClosedAfterEach();
  const connect = async (token: string) => sockets.keep(await connectChat(t.url, token));
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  it('answers 204, then refuses that token on HTTP and on new sockets, and disconnects its open socket; the other token lives on', async () => {
    const user = await signedInUser(t.http, 'Leaver');
    const otherToken = await logInAgain(t.http, user);
    const loggedOutSocket = await connect(user.token);
    const otherSocket = await connect(otherToken);
    const disconnected = serverDisconnect(loggedOutSocket);
    let otherDisconnected = false;
    otherSocket.on('disconnect', () => (otherDisconnected = true));

    await t.http.post('/api/auth/logout').set(bearer(user.token)).expect(204);

    expect(await disconnected).toBe('io server disconnect');
    const refused = await t.http.get('/api/users/me').set(bearer(user.token)).expect(401);
    expect(refused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid or expired access token' });
    expect(await handshakeWith(t.url, user.token, connectChat)).toBe('unauthorized');
    await t.http.post('/api/auth/logout').set(bearer(user.token)).expect(401);

    await t.http.get('/api/users/me').set(bearer(otherToken)).expect(200);
    expect(await handshakeWith(t.url, otherToken, connectChat)).toBe('connected');
    await eventually(() => otherSocket.connected, 'the other socket still connected');
    expect(otherDisconnected).toBe(false);
  });

  it('answers 401 without a token', async () => {
    await t.http.post('/api/auth/logout').expect(401);
  });
}

describeOnEachStore('POST /api/auth/logout', logoutCases);

// Two nodes on one MariaDB schema and one Kafka cluster (in one process, each its own app).
describeOnKafkaAndMysql('token revocation across two nodes (BUS=kafka)', () => {
  const cluster = twoKafkaNodes((env) => startTestApp(env, { listen: true }));
  const sockets = socketsClosedAfterEach();

  it('a logout on node 1 disconnects the socket of that token on node 2, and node 2 refuses the token from then on', async () => {
    const [first, second] = cluster.nodes();
    const user = await signedInUser(first.http, 'Roamer');
    const otherToken = await logInAgain(second.http, user);
    const onSecond = await connectChat(second.url, user.token);
    const otherOnSecond = await connectChat(second.url, otherToken);
    sockets.keep(onSecond);
    sockets.keep(otherOnSecond);
    const disconnected = serverDisconnect(onSecond);

    await first.http.post('/api/auth/logout').set(bearer(user.token)).expect(204);

    expect(await disconnected).toBe('io server disconnect');
    await second.http.get('/api/users/me').set(bearer(user.token)).expect(401);
    expect(await handshakeWith(second.url, user.token, connectChat)).toBe('unauthorized');
    expect(otherOnSecond.connected).toBe(true);
    await second.http.get('/api/users/me').set(bearer(otherToken)).expect(200);
  });
});
