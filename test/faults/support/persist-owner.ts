import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';

/**
 * The running node that owns the most partitions of the persist group (`<prefix>-persist`), read
 * from the group's assignment on the broker: members are told apart by their client id, which ends
 * with the node's NODE_ID (`webchat-chat-consumer-<nodeId>`).
 */
export async function persistOwner(brokers: string, group: string, nodeIds: readonly string[]): Promise<{ nodeId: string; partitions: number[] }> {
  const admin = new Kafka({ clientId: 'webchat-faults-probe', brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([group]);
    let owner: { nodeId: string; partitions: number[] } | undefined;
    for (const member of groups[0]?.members ?? []) {
      const nodeId = nodeIds.find((id) => member.clientId.endsWith(`-${id}`));
      const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      const partitions = Object.values(assignment?.assignment ?? {}).flat();
      if (nodeId && (!owner || partitions.length > owner.partitions.length)) owner = { nodeId, partitions };
    }
    if (!owner) throw new Error(`no running node is a member of ${group} (state ${groups[0]?.state})`);
    return owner;
  } finally {
    await admin.disconnect();
  }
}
