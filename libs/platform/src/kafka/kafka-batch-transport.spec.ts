import { randomBytes } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { describeOnKafka, kafkaTestBrokers } from '../testing';
import { KafkaBatchContext } from './kafka-batch-context';
import { KafkaBatchTransport } from './kafka-batch-transport';

const PATTERN = 'test.records';

interface Seen {
  readonly records: number[];
  readonly partition: number;
  readonly lastOffset: string;
}

/** What the handler does with each batch; each test sets it. */
let onBatch: (records: number[]) => Promise<void> = async () => undefined;
let seen: Seen[] = [];

@Controller()
class RecordsConsumer {
  @EventPattern(PATTERN)
  async take(@Payload() records: number[], @Ctx() context: KafkaBatchContext): Promise<void> {
    seen.push({ records, partition: context.getPartition(), lastOffset: context.getLastOffset() });
    await onBatch(records);
  }
}

@Module({ controllers: [RecordsConsumer] })
class RecordsModule {}

// The transport under Nest's own microservice wiring, on the real broker: one topic of one partition per test.
describeOnKafka('KafkaBatchTransport', () => {
  const kafka = new Kafka({ brokers: kafkaTestBrokers(), logLevel: logLevel.NOTHING });
  let admin: Admin;
  let topic: string;
  let groupId: string;
  let microservice: INestMicroservice | undefined;

  beforeEach(async () => {
    topic = `webchat-test-batch-${randomBytes(6).toString('hex')}`;
    groupId = `${topic}-group`;
    seen = [];
    onBatch = async () => undefined;
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  });

  afterEach(async () => {
    await microservice?.close();
    microservice = undefined;
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  /** Publishes the numbers as JSON records, in order, on the test topic. */
  async function publish(numbers: number[]): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: numbers.map((n) => ({ value: n === -1 ? 'not json' : JSON.stringify(n) })) });
    await producer.disconnect();
  }

  async function startTransport(maxBatch: number): Promise<void> {
    const strategy = new KafkaBatchTransport({
      brokers: kafkaTestBrokers(),
      clientId: 'batch-transport-test',
      subscriptions: [{ pattern: PATTERN, topic, groupId, start: 'committed', maxBatch, decode: (value) => JSON.parse(value.toString()) as number }],
    });
    microservice = await NestFactory.createMicroservice(RecordsModule, { strategy, logger: false });
    await microservice.listen();
  }

  async function committedOffset(): Promise<string> {
    const [partition] = (await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions;
    return partition.offset;
  }

  async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('hands a fetched batch to the @EventPattern handler as arrays of decoded records, at most maxBatch each, in log order', async () => {
    const numbers = Array.from({ length: 25 }, (_, n) => n);
    await publish(numbers);
    await startTransport(10);

    await until(() => seen.flatMap((batch) => batch.records).length >= 25, 'all 25 records');
    expect(seen.flatMap((batch) => batch.records)).toEqual(numbers);
    // One fetch holds all 25 here: kafkajs hands them over as one batch, split into chunks of 10.
    expect(seen.map((batch) => batch.records.length)).toEqual([10, 10, 5]);
    expect(seen.map((batch) => batch.lastOffset)).toEqual(['9', '19', '24']);
    expect(seen.every((batch) => batch.partition === 0)).toBe(true);
    await until(async () => (await committedOffset()) === '25', 'the commit after the last batch');
  });

  it('commits a batch only after its handler resolves', async () => {
    let release: () => void = () => undefined;
    onBatch = () => new Promise<void>((resolve) => (release = resolve));
    await publish([1, 2, 3]);
    await startTransport(100);

    await until(() => seen.length === 1, 'the batch to reach the handler');
    // The handler holds the batch: a second look at the group later still finds nothing committed.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await committedOffset()).toBe('-1');
    release();
    await until(async () => (await committedOffset()) === '3', 'the commit once the handler resolved');
    expect(seen).toEqual([{ records: [1, 2, 3], partition: 0, lastOffset: '2' }]);
  });

  it('commits nothing when the handler throws, and offers the same batch again until it resolves', async () => {
    let failures = 1;
    const committedWhenOfferedAgain: string[] = [];
    onBatch = async () => {
      if (failures-- > 0) throw new Error('store down');
      committedWhenOfferedAgain.push(await committedOffset());
    };
    await publish([7, 8, 9]);
    await startTransport(100);

    await until(() => committedWhenOfferedAgain.length === 1, 'the batch to come again');
    expect(seen.map((batch) => batch.records)).toEqual([
      [7, 8, 9],
      [7, 8, 9],
    ]);
    expect(committedWhenOfferedAgain).toEqual(['-1']);
    await until(async () => (await committedOffset()) === '3', 'the commit after the retry succeeded');
  });

  it('skips a record that cannot be decoded (no retry could mend it) and hands over the rest', async () => {
    await publish([1, -1, 2]);
    await startTransport(100);

    await until(async () => (await committedOffset()) === '3', 'the commit past the undecodable record');
    expect(seen.flatMap((batch) => batch.records)).toEqual([1, 2]);
  });
});
