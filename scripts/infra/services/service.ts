import { ServiceRecord } from '../infra-state';

/**
 * A test server or tool that `infra:up` can provide. `reuse` answers whether a
 * recorded one still works; `start` installs what is missing and starts it.
 */
export interface InfraService {
  readonly name: string;
  readonly description: string;
  reuse(record: ServiceRecord): Promise<boolean>;
  start(): Promise<ServiceRecord>;
  /** Removes what start() left on disk (data folders), after its process stopped. */
  cleanUp?(record: ServiceRecord): void;
}
