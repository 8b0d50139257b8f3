import type { MigrationInterface } from 'typeorm';

/** What a domain library contributes to the shared TypeORM data source. */
export interface PersistenceFeature {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: Function[];
  readonly migrations: (new () => MigrationInterface)[];
}
