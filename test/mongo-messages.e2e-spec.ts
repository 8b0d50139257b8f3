import { createMysqlSchema, describeOnMongo, describeOnMysql, mongoTestDatabaseUrl } from '@webchat/platform/testing';
import { createConnection } from 'mongoose';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { ask, collect, connectChat, eventually } from './support/chat-client';
import { chatReadFlow } from './support/chat-read-flow';
import { signedInUser, startTestApp } from './support/test-app';

interface MessageJson {
  id: string;
  seq: number;
  text: string;
  clientMsgId: string;
}
type SendAck = { ok: true; message: MessageJson } | { ok: false; error: { code: string } };

// Production's split: users, channels and wallets on MySQL, messages on MongoDB.
describeOnMongo('the server with DB=mysql and MESSAGE_STORE=mongo', () =>
  describeOnMysql('chat end to end', () => {
    let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
    let mongoUrl: string;
    beforeEach(async () => {
      schema = await createMysqlSchema();
      mongoUrl = mongoTestDatabaseUrl();
    });
    afterEach(async () => {
      await schema.drop();
      const connection = await createConnection(mongoUrl).asPromise();
      await connection.dropDatabase();
      await connection.close();
    });
    const start = (options = {}) => startTestApp({ DB: 'mysql', MYSQL_URL: schema.url, MESSAGE_STORE: 'mongo', MONGO_URL: mongoUrl }, options);

    it('acks, delivers, deduplicates and serves history and search over socket.io, with the messages in MongoDB', async () => {
      const server = await start({ listen: true });
      const sockets: Socket[] = [];
      try {
        const [mina, joon] = [await signedInUser(server.http, '민아'), await signedInUser(server.http, 'Joon')];
        const auth = (token: string) => ({ authorization: `Bearer ${token}` });
        const channel = (await server.http.post('/api/channels').set(auth(mina.token)).send({ name: '몽고 방' }).expect(201)).body;
        await server.http.post(`/api/channels/${channel.id}/join`).set(auth(joon.token)).send({}).expect(200);
        sockets.push(await connectChat(server.url, mina.token), await connectChat(server.url, joon.token));
        const [minaSocket, joonSocket] = sockets;
        const received = collect<MessageJson>(joonSocket, 'message:new');
        const send = (text: string, clientMsgId: string) => ask<SendAck>(minaSocket, 'message:send', { channelId: channel.id, clientMsgId, text });

        const acks = await Promise.all(['다들 안녕하세요', '잘 지냈어?', 'hi'].map((text, n) => send(text, `m-${n}`)));
        const retries = await Promise.all([1, 2, 3].map(() => send('다들 안녕하세요', 'm-0')));

        expect(acks.map((ack) => ack.ok && ack.message.seq).sort()).toEqual([1, 2, 3]);
        expect(new Set([acks[0], ...retries].map((ack) => ack.ok && ack.message.id)).size).toBe(1);
        await eventually(() => received.length >= 3, 'three deliveries');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(received.map((message) => message.seq)).toEqual([1, 2, 3]);

        const history = await server.http.get(`/api/channels/${channel.id}/messages`).set(auth(joon.token)).expect(200);
        expect(history.body.items.map((message: MessageJson) => message.text)).toEqual(received.map((message) => message.text));
        const found = await server.http.get(`/api/channels/${channel.id}/messages/search?q=${encodeURIComponent('안녕')}`).set(auth(joon.token)).expect(200);
        expect(found.body.items.map((message: MessageJson) => message.seq)).toEqual([1]);
        const mine = await server.http.get('/api/channels').set(auth(joon.token)).expect(200);
        expect(mine.body[0]).toMatchObject({ unreadCount: 3, lastMessage: { seq: 3 } });

        // Stored in MongoDB, and nothing in MySQL's messages table.
        const mongo = await createConnection(mongoUrl).asPromise();
        expect(await mongo.collection('messages').countDocuments({ channelId: channel.id })).toBe(3);
        await mongo.close();
        expect(Number((await server.app.get(DataSource).query('SELECT COUNT(*) AS n FROM messages'))[0].n)).toBe(0);
      } finally {
        for (const socket of sockets) socket.close();
        await server.close();
      }
    });

    chatReadFlow(() => start());
  }),
);

// Needs no MongoDB server, so it runs everywhere. On SQLite: a start that fails part way leaves no
// MySQL pool open behind it (Nest does not close what it built before the failure).
describe('the server with MESSAGE_STORE=mongo and no MongoDB answering', () => {
  it('refuses to start, naming MONGO_URL', async () => {
    await expect(startTestApp({ MESSAGE_STORE: 'mongo', MONGO_URL: 'mongodb://127.0.0.1:1/none' })).rejects.toThrow(/^MONGO_URL: cannot connect to MongoDB/);
  });
});
