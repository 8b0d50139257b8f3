import { KafkaJSError } from 'kafkajs';

/** Repeats a Kafka call while it fails with an error Kafka marks retriable (a leader moving, metadata catching up). */
export async function retryWhileRetriable<T>(call: () => Promise<T>, attempts = 20, pauseMs = 250): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof KafkaJSError && error.retriable) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
