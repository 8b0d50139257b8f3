import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../scripts/infra/network';
import { signalProcess, stopProcess } from '../../../scripts/infra/process-control';
import { formatKafkaLogDir, KafkaPlace, kafkaBrokers, startKafkaProcess } from '../../../scripts/infra/services/kafka-instance';
import { kafkaClasspath } from '../../../scripts/infra/services/kafka-classpath';
import { MariadbPlace, startMariadbInstance, startMariadbProcess } from '../../../scripts/infra/services/mariadb-instance';

/**
 * A MariaDB and an Apache Kafka (KRaft) of the fault suite's own, on free ports with their data
 * in one temporary folder, started with the infra scripts' code: these are the servers the suite
 * stops, kills and restarts. The shared servers of .infra/env are never touched. Each restart
 * reuses the same ports and data, as a restarted production server would.
 */
export class OwnServers {
  private mariadbPid?: number;
  private kafkaPid?: number;

  private constructor(
    private readonly root: string,
    private readonly mariadb: MariadbPlace,
    private readonly kafka: KafkaPlace,
    private readonly classpath: string,
    /** The MySQL URL of the app user (its password made at the first start). */
    readonly mysqlServerUrl: string,
    readonly mariadbVersion: string,
  ) {}

  static async start(): Promise<OwnServers> {
    const root = mkdtempSync(join(tmpdir(), 'webchat-faults-'));
    const place = (name: string) => {
      const dir = join(root, name);
      mkdirSync(join(dir, 'data'), { recursive: true });
      return { dir, dataDir: join(dir, 'data') };
    };
    const mariadb: MariadbPlace = { ...place('mariadb'), port: await freePort(), socket: join(root, 'mariadb.sock') };
    const kafka: KafkaPlace = { ...place('kafka'), port: await freePort(), controllerPort: await freePort() };
    const classpath = kafkaClasspath();
    formatKafkaLogDir(classpath, kafka);
    // Side by side; when one cannot start, the other is stopped before the failure is passed on.
    const [db, broker] = await Promise.allSettled([startMariadbInstance(mariadb), startKafkaProcess(classpath, kafka)]);
    if (db.status === 'rejected' || broker.status === 'rejected') {
      if (db.status === 'fulfilled') await stopProcess(db.value.pid, 20_000);
      if (broker.status === 'fulfilled') await stopProcess(broker.value, 20_000);
      rmSync(root, { recursive: true, force: true });
      throw db.status === 'rejected' ? db.reason : (broker as PromiseRejectedResult).reason;
    }
    const servers = new OwnServers(root, mariadb, kafka, classpath, db.value.url, db.value.version);
    servers.mariadbPid = db.value.pid;
    servers.kafkaPid = broker.value;
    return servers;
  }

  get kafkaBrokers(): string {
    return kafkaBrokers(this.kafka);
  }

  /** A real stop of MariaDB (SIGTERM, a clean shutdown): connections drop, new ones are refused. */
  async stopMariadb(): Promise<void> {
    await stopProcess(this.required(this.mariadbPid, 'MariaDB'));
    this.mariadbPid = undefined;
  }

  /** MariaDB again, on the same port and data. */
  async restartMariadb(): Promise<void> {
    this.mariadbPid = await startMariadbProcess(this.mariadb);
  }

  /** A crash of the broker: SIGKILL, nothing flushed or closed. */
  async killKafka(): Promise<void> {
    await signalProcess(this.required(this.kafkaPid, 'Kafka'), 'SIGKILL');
    this.kafkaPid = undefined;
  }

  /** The broker again on the same log dir (it recovers the logs the kill left) and ports. */
  async restartKafka(): Promise<void> {
    this.kafkaPid = await startKafkaProcess(this.classpath, this.kafka);
  }

  /** The process ids running now (for a last-resort kill when the test process ends). */
  pids(): number[] {
    return [this.mariadbPid, this.kafkaPid].filter((pid): pid is number => pid !== undefined);
  }

  /** Stops both (by their process ids) and removes their data. */
  async close(): Promise<void> {
    await Promise.all(this.pids().map((pid) => stopProcess(pid, 20_000)));
    this.mariadbPid = undefined;
    this.kafkaPid = undefined;
    rmSync(this.root, { recursive: true, force: true });
  }

  private required(pid: number | undefined, what: string): number {
    if (pid === undefined) throw new Error(`${what} is not running`);
    return pid;
  }
}
