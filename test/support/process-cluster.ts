import { randomBytes } from 'node:crypto';
import { createMysqlSchema, isMysqlAvailable } from '@webchat/platform/testing';
import type { Socket } from 'socket.io-client';
import { buildServer, RunningServer, ServerExit, startEmbeddedServer } from '../../bench/support/server-process';
import { connectChat } from './chat-client';
import { clusterChatPrefix, clusterNodeEnv } from './cluster-node-env';

/** A user signed up and logged in through a node's public API. */
export interface ProcessUser {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

/** Servers of the cluster's own (the fault suite's): the shared test servers of .infra/env otherwise. */
export interface ClusterServers {
  /** A MySQL-compatible server URL; the cluster makes its schema there. */
  readonly mysqlServerUrl?: string;
  readonly kafkaBrokers?: string;
  /** More settings for every node. */
  readonly env?: Record<string, string>;
}

/** A request's answer: status and parsed JSON body (undefined when empty). */
export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/**
 * Real server processes (`node dist/apps/server/src/main.js`, as `npm start` runs it) on one
 * MariaDB schema and one set of Kafka topics of their own: the production cluster, on this
 * machine. Nodes can join (`addNode`) and be stopped with a real SIGTERM (`stopNode`) at any time;
 * `close` stops them all, closes the sockets it opened and drops the schema.
 */
export class ProcessCluster {
  private readonly sockets: Socket[] = [];
  private readonly nodes = new Map<string, RunningServer>();

  private constructor(
    private readonly schema: { url: string; drop(): Promise<void> },
    private readonly env: (nodeId: string) => Record<string, string>,
    /** The prefix of the chat topics (and of the persist group) of this cluster. */
    readonly chatPrefix: string,
  ) {}

  /** Builds the server once and starts the first node, then the others side by side (migrations run under a lock). */
  static async start(nodeIds: readonly string[], servers: ClusterServers = {}): Promise<ProcessCluster> {
    if (!servers.mysqlServerUrl && !isMysqlAvailable()) throw new Error('these tests need MariaDB as well as Kafka (npm run infra:up -- mariadb kafka)');
    buildServer();
    const schema = await createMysqlSchema(servers.mysqlServerUrl);
    const suffix = randomBytes(4).toString('hex');
    const secret = randomBytes(32).toString('hex');
    const cluster = new ProcessCluster(schema, (nodeId) => ({
      ...clusterNodeEnv(schema.url, suffix, nodeId, servers.kafkaBrokers),
      ...servers.env,
      // The compiled server reads its own environment: one secret for all nodes (a token works anywhere).
      JWT_SECRET: secret,
      // Offline at once when the last socket goes, as in the in-process tests (the grace has its own unit test).
      PRESENCE_OFFLINE_GRACE_MS: '0',
    }), clusterChatPrefix(suffix));
    const [first, ...others] = nodeIds;
    try {
      await cluster.addNode(first);
      // Settled, not raced: a node still starting when another failed is stopped with the rest.
      const started = await Promise.allSettled(others.map((nodeId) => cluster.addNode(nodeId)));
      for (const result of started) if (result.status === 'rejected') throw result.reason;
    } catch (error) {
      // No process left behind when one of them cannot start.
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /** Starts one more node: it joins the consumer groups (a rebalance when traffic is flowing). */
  async addNode(nodeId: string): Promise<string> {
    const server = await startEmbeddedServer(this.env(nodeId));
    this.nodes.set(nodeId, server);
    return server.url;
  }

  /** One SIGTERM to the node; resolves how it ended and how long that took. */
  async stopNode(nodeId: string): Promise<ServerExit & { tookMs: number }> {
    const server = this.node(nodeId);
    const started = Date.now();
    const exit = await server.stop();
    this.nodes.delete(nodeId);
    return { ...exit, tookMs: Date.now() - started };
  }

  /** A crash of the node: SIGKILL, no shutdown hook runs (its sockets drop, its pending sends get no answer). */
  async killNode(nodeId: string): Promise<ServerExit> {
    const exit = await this.node(nodeId).kill();
    this.nodes.delete(nodeId);
    return exit;
  }

  /** The nodes running now, by id. */
  runningNodes(): string[] {
    return [...this.nodes.keys()];
  }

  /** The process ids of the running nodes (for a last-resort kill when the test process ends). */
  pids(): number[] {
    return [...this.nodes.values()].map((server) => server.pid);
  }

  /** The URL of the schema the nodes share. */
  get mysqlUrl(): string {
    return this.schema.url;
  }

  url(nodeId: string): string {
    return this.node(nodeId).url;
  }

  /** Calls a node's REST API as `user` (or anonymously), with more `headers` if given; fails when no answer came within `timeoutMs`. */
  async call<T = unknown>(nodeId: string, method: string, path: string, user?: ProcessUser, body?: object, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<Answer<T>> {
    const response = await fetch(`${this.url(nodeId)}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(user ? { authorization: `Bearer ${user.token}` } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }

  /** Like `call`, failing with the answer when the status is not `status`. */
  async expect<T = unknown>(status: number, nodeId: string, method: string, path: string, user?: ProcessUser, body?: object, headers?: Record<string, string>): Promise<T> {
    const answer = await this.call<T>(nodeId, method, path, user, body, headers);
    if (answer.status !== status) throw new Error(`${method} ${path} on ${nodeId} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Signs a fresh user up and logs them in on `nodeId`. */
  async signUp(nodeId: string, username: string): Promise<ProcessUser> {
    const email = `${username.toLowerCase()}.${randomBytes(4).toString('hex')}@example.com`;
    const password = 'password-123';
    const { id } = await this.expect<{ id: string }>(201, nodeId, 'POST', '/api/auth/signup', undefined, { email, username, password });
    const { accessToken } = await this.expect<{ accessToken: string }>(200, nodeId, 'POST', '/api/auth/login', undefined, { email, password });
    return { id, email, token: accessToken };
  }

  /** A socket.io client of `user` on `nodeId`, closed by `closeSockets` or `close`. */
  async connect(nodeId: string, user: ProcessUser): Promise<Socket> {
    const socket = await connectChat(this.url(nodeId), user.token);
    this.sockets.push(socket);
    return socket;
  }

  /**
   * Waits until a channel's history (read on `nodeId`) holds the SYSTEM notice `text` (join, leave
   * and invite notices are stored through the message log after the HTTP answer), and answers its seq.
   */
  async storedNotice(nodeId: string, member: ProcessUser, channelId: string, text: string, timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const notice = (await this.history<{ seq: number; type: string; text: string }>(nodeId, member, channelId)).find((message) => message.type === 'SYSTEM' && message.text === text);
      if (notice) return notice.seq;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the notice "${text}" in channel ${channelId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Every stored message of a channel after `afterSeq` (all by default) in seq order, read through a member's history API (100 a page). */
  async history<T extends { seq: number }>(nodeId: string, member: ProcessUser, channelId: string, afterSeq = 0): Promise<T[]> {
    const all: T[] = [];
    for (;;) {
      const after = all.length === 0 ? afterSeq : all[all.length - 1].seq;
      const page = await this.expect<{ items: T[] }>(200, nodeId, 'GET', `/api/channels/${channelId}/messages?afterSeq=${after}&limit=100`, member);
      all.push(...page.items);
      if (page.items.length < 100) return all;
    }
  }

  closeSockets(): void {
    for (const socket of this.sockets.splice(0)) socket.close();
  }

  async close(): Promise<void> {
    this.closeSockets();
    await Promise.all([...this.nodes.values()].map((server) => server.stop()));
    this.nodes.clear();
    await this.schema.drop();
  }

  private node(nodeId: string): RunningServer {
    const server = this.nodes.get(nodeId);
    if (!server) throw new Error(`no running node ${nodeId}`);
    return server;
  }
}
