import { randomBytes } from 'node:crypto';
import { ChannelEvent, CHANNEL_EVENTS_TOPIC } from '@webchat/channel';
import { EventBus } from '@webchat/platform';
import { describeOnKafka, kafkaTestBrokers } from '@webchat/platform/testing';
import { signedInUser, startTestApp, TestApp } from './support/test-app';

// Two server nodes on one Kafka topic (each with a SQLite store of its own here: the point is the bus).
describeOnKafka('two server nodes on BUS=kafka', () => {
  const env = () => ({ BUS: 'kafka', KAFKA_BROKERS: kafkaTestBrokers().join(','), KAFKA_EVENTS_TOPIC: topic });
  let topic: string;
  let nodes: TestApp[] = [];
  beforeEach(() => {
    topic = `webchat-test-app-events-${randomBytes(6).toString('hex')}`;
  });
  afterEach(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    nodes = [];
  });

  it("carries a channel's membership events from the node that made them to every other node, in order", async () => {
    const first = await startTestApp({ ...env(), NODE_ID: 'node-a' });
    const second = await startTestApp({ ...env(), NODE_ID: 'node-b' });
    nodes = [first, second];
    const seen: ChannelEvent[] = [];
    second.app.get(EventBus).subscribe<ChannelEvent>(CHANNEL_EVENTS_TOPIC, (event) => void seen.push(event));

    const owner = await signedInUser(first.http, 'Owner');
    const guest = await signedInUser(first.http, 'Guest');
    const auth = (user: typeof owner) => ({ authorization: `Bearer ${user.token}` });
    const channel = (await first.http.post('/api/channels').set(auth(owner)).send({ name: 'kafka room' }).expect(201)).body;
    await first.http.post(`/api/channels/${channel.id}/join`).set(auth(guest)).send({}).expect(200);
    await first.http.post(`/api/channels/${channel.id}/leave`).set(auth(guest)).expect(204);

    const deadline = Date.now() + 15_000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([
      { type: 'members.added', channelId: channel.id, userIds: [owner.id], reason: 'CREATED' },
      { type: 'members.added', channelId: channel.id, userIds: [guest.id], reason: 'JOINED' },
      { type: 'member.removed', channelId: channel.id, userId: guest.id },
    ]);
  });

  it('refuses to start when no broker answers, instead of running without its bus', async () => {
    await expect(startTestApp({ BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:1', KAFKA_EVENTS_TOPIC: topic })).rejects.toThrow();
  });
});
