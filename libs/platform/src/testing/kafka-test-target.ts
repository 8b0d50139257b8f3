/**
 * Where the Kafka test broker is (KAFKA_BROKERS, written to .infra/env by
 * `npm run infra:up -- kafka`), what it is, and whether the jest global setup
 * found it answering. CI sets WEBCHAT_REQUIRE_KAFKA=1: an unreachable broker
 * fails the run instead of skipping the Kafka suites.
 */
export const KAFKA_AVAILABLE_FLAG = 'WEBCHAT_KAFKA_AVAILABLE';
export const REQUIRE_KAFKA_FLAG = 'WEBCHAT_REQUIRE_KAFKA';

export function kafkaTestBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim());
}

/** "Apache Kafka 3.9.1 (KRaft)" for the broker infra:up started; the fallback names itself too. */
export function kafkaServerName(): string {
  return process.env.KAFKA_SERVER_NAME ?? `Kafka at ${kafkaTestBrokers().join(',')}`;
}

export function isKafkaAvailable(): boolean {
  return process.env[KAFKA_AVAILABLE_FLAG] === '1';
}

/** `describe` on the Kafka broker when it answers, its name in the suite's title; a visible skip otherwise. */
export function describeOnKafka(name: string, body: () => void): void {
  if (isKafkaAvailable()) {
    describe(`${name} [${kafkaServerName()}]`, body);
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}" on Kafka: no broker answered at ${kafkaTestBrokers().join(',')}`);
  describe.skip(`${name} [kafka: not reachable, skipped]`, body);
}

/** Tidies the test broker after a suite; a broker that refuses admin calls forgets its topics anyway. kafkajs loads only here. */
export async function deleteKafkaTestTopics(topics: readonly string[]): Promise<void> {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ brokers: kafkaTestBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [...topics] }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
