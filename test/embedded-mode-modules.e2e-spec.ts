import { startTestApp } from './support/test-app';

// The embedded mode (BUS=memory) must not load Kafka's client or the microservice transport:
// requiring either here throws, so the app could not even be built if some import reached them.
// (Nest's core itself loads @nestjs/microservices/microservices-module whenever the package is
// installed; the package's main entry, its transports and kafkajs are what the app must not pull in.)
jest.mock('kafkajs', () => {
  throw new Error('kafkajs was loaded with BUS=memory');
});
jest.mock('@nestjs/microservices', () => {
  throw new Error('@nestjs/microservices (its main entry) was loaded with BUS=memory');
});

describe('the embedded mode (BUS=memory)', () => {
  it('builds, starts and answers without loading kafkajs or the microservice transports', async () => {
    const app = await startTestApp({ BUS: 'memory' });
    try {
      await app.http.get('/health').expect(200);
      expect(app.app.getMicroservices()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('would notice: the same mock stops an import of the Kafka entry', async () => {
    await expect(import('@webchat/platform/kafka')).rejects.toThrow(/kafkajs was loaded|@nestjs\/microservices/);
  });
});
