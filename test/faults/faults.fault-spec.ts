import { chatTopics } from '@webchat/chat';
import { ProcessCluster } from '../support/process-cluster';
import { ChatLoadGroup, Recovery } from './support/chat-load-group';
import { FaultRow, formatFaultTable, loadAverage, tallySince } from './support/fault-table';
import { OwnServers } from './support/own-servers';
import { persistOwner } from './support/persist-owner';
import { StoredHistoryCheck } from './support/stored-history-check';
import { checkWallets } from './support/wallet-check';
import { WalletLoad } from './support/wallet-load';

const NODES = ['node-1', 'node-2'];
/** 4 channels of 4 members, each member 15 messages/s: 240 messages/s over both nodes. */
const SHAPE = { channels: 4, membersPerChannel: 4, ratePerClient: Number(process.env.FAULTS_RATE_PER_CLIENT ?? 15) };
const STEADY_MS = 3_000;
/**
 * Within this every channel acks again after a fault ends. The slowest case is a node that died
 * holding persist partitions: the broker hands them on only when its session (kafkajs' default
 * 30 s) runs out.
 */
const RECOVERY_BOUND_S = 60;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('faults under load: own MariaDB and Apache Kafka, two server nodes (BUS=kafka, DB=mysql, MESSAGE_STORE=mysql)', () => {
  let servers: OwnServers | undefined;
  let cluster: ProcessCluster | undefined;
  let chat: ChatLoadGroup;
  let wallets: WalletLoad;
  let history: StoredHistoryCheck;
  const rows: FaultRow[] = [];
  // A last resort: whatever ends this process, the servers it started end with it.
  const killLeftovers = () => [...(servers?.pids() ?? []), ...(cluster?.pids() ?? [])].forEach((pid) => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });

  // Stopped by a signal (Ctrl-C, CI's timeout), Node runs no 'exit' listener: end them here first.
  const onSignal = (signal: NodeJS.Signals) => {
    killLeftovers();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  beforeAll(async () => {
    process.once('exit', killLeftovers);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    servers = await OwnServers.start();
    process.stdout.write(`faults: own MariaDB ${servers.mariadbVersion} and Apache Kafka at ${servers.kafkaBrokers}\n`);
    cluster = await ProcessCluster.start(NODES, {
      mysqlServerUrl: servers.mysqlServerUrl,
      kafkaBrokers: servers.kafkaBrokers,
      env: { MESSAGE_STORE: 'mysql', RESERVED_TRANSFERS_INTERVAL_MS: '1000' },
    });
    chat = await ChatLoadGroup.open(cluster, NODES, SHAPE);
    wallets = await WalletLoad.open(cluster, 4);
    history = new StoredHistoryCheck(cluster);
    chat.start();
    wallets.start(150);
  }, 300_000);

  afterAll(async () => {
    chat?.close();
    wallets?.close();
    process.stdout.write(`\nfault table (${SHAPE.channels * SHAPE.membersPerChannel} clients at ${SHAPE.ratePerClient} messages/s each):\n${formatFaultTable(rows)}\n`);
    await cluster?.close().catch(() => undefined);
    await servers?.close();
    process.removeListener('exit', killLeftovers);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }, 120_000);

  /**
   * Every count of the row is this fault's alone: the load sends nothing new between faults.
   * Steady load, then the fault (inject resolves when it has ended), then until every channel
   * acks a send made after that, then no new sends until every send is acked (resent with the
   * same clientMsgId as often as needed), then history checked against every ack.
   */
  async function underFault(fault: string, inject: () => Promise<void>): Promise<{ row: FaultRow; drained: boolean; walletsDrained: boolean }> {
    const chatBefore = chat.tally();
    const walletBefore = { ...wallets.tally };
    chat.startProducing();
    wallets.startProducing();
    const producingFrom = Date.now();
    await sleep(STEADY_MS);
    // Due during the fault: the scheduler meets it mid-run.
    await wallets.bookReserved(3, 1_000, 12_000);
    await inject();
    const ended = Date.now();
    const recovery: Recovery | undefined = await chat.waitForRecovery(ended, 90_000);
    await sleep(1_000);
    chat.stopProducing();
    const producingSeconds = (Date.now() - producingFrom) / 1000;
    wallets.stopProducing();
    const [drained, walletsDrained] = await Promise.all([chat.drain(60_000), wallets.drain(60_000)]);
    const verdict = await history.verify(chat);
    const row: FaultRow = {
      fault,
      chat: tallySince(chatBefore, chat.tally()),
      producingSeconds,
      verdict,
      recovery,
      transfers: { asked: wallets.tally.transfers - walletBefore.transfers, done: wallets.tally.done - walletBefore.done, retried: wallets.tally.retried - walletBefore.retried },
      load: loadAverage(),
    };
    rows.push(row);
    process.stdout.write(`${formatFaultTable([row])}\n`);
    return { row, drained, walletsDrained };
  }

  function expectClean({ row, drained, walletsDrained }: Awaited<ReturnType<typeof underFault>>): void {
    expect({
      problems: chat.problems(),
      everySendAckedInTheEnd: drained,
      duplicates: row.verdict.duplicates,
      gaps: row.verdict.gaps,
      lostOrFalse: row.verdict.lostOrFalse,
      storedNotAcked: row.verdict.storedNotAcked,
      everyTransferAnswered: walletsDrained,
      unexpectedWalletAnswers: wallets.unexpected,
    }).toEqual({
      problems: [],
      everySendAckedInTheEnd: true,
      duplicates: 0,
      gaps: 0,
      lostOrFalse: [],
      storedNotAcked: 0,
      everyTransferAnswered: true,
      unexpectedWalletAnswers: [],
    });
    expect(row.recovery).toBeDefined();
    expect(row.recovery?.everyChannelSeconds).toBeLessThanOrEqual(RECOVERY_BOUND_S);
    expect(row.chat.acked).toBeGreaterThan(0);
  }

  it('(a) MariaDB stopped for 10 s, then restarted', async () => {
    const outcome = await underFault('MariaDB stopped 10 s', async () => {
      await servers!.stopMariadb();
      await sleep(10_000);
      await servers!.restartMariadb();
    });
    expectClean(outcome);
  });

  it('(b) the Kafka broker killed (SIGKILL), then restarted on the same log dir', async () => {
    const outcome = await underFault('Kafka broker SIGKILL', async () => {
      await servers!.killKafka();
      await sleep(3_000);
      await servers!.restartKafka();
    });
    expectClean(outcome);
  });

  it('(c) a server node killed (SIGKILL): its clients reconnect to the other node', async () => {
    const outcome = await underFault('node-2 SIGKILL', async () => {
      await cluster!.killNode('node-2');
    });
    expectClean(outcome);
    expect(outcome.row.chat.reconnects).toBeGreaterThanOrEqual(SHAPE.channels * SHAPE.membersPerChannel / 2);
    // Two nodes again for the next fault.
    await cluster!.addNode('node-2');
  });

  it('(d) the node that owns the persist partitions killed (SIGKILL) mid-batch', async () => {
    let owner = '';
    const outcome = await underFault('persist owner SIGKILL', async () => {
      const found = await persistOwner(servers!.kafkaBrokers, chatTopics(cluster!.chatPrefix).persistGroup, cluster!.runningNodes());
      owner = `${found.nodeId} (partitions ${found.partitions.join(',')})`;
      await cluster!.killNode(found.nodeId);
    });
    process.stdout.write(`faults: killed the persist owner ${owner}\n`);
    expectClean(outcome);
  });

  it('wallet: money conserved (wallet:audit), one transfer per Idempotency-Key, each reserved transfer ran exactly once', async () => {
    expect(await wallets.drain(60_000)).toBe(true);
    // The last reserved transfers come due within 12 s of their booking; the scheduler runs every second.
    await sleep(3_000);
    const verdict = await checkWallets(cluster!.mysqlUrl, wallets);
    process.stdout.write(`faults: wallet: ${verdict.keysDone} transfers done (${wallets.tally.retried} retries), ${verdict.reservedRuns} reserved runs; audit: ${verdict.auditReport}\n`);
    expect({
      auditExit: verdict.auditExit,
      totalOfBalances: verdict.totalOfBalances,
      plainTransfers: verdict.plainTransfers,
      reservedWrong: verdict.reservedWrong,
      unexpected: wallets.unexpected,
    }).toEqual({
      auditExit: 0,
      totalOfBalances: verdict.expectedTotal,
      plainTransfers: verdict.keysDone,
      reservedWrong: [],
      unexpected: [],
    });
    expect(wallets.tally.reservedBooked).toBe(12);
  });
});
