import type { ConnectOptions } from 'mongoose';

/**
 * How every connection of the message store talks to MongoDB. A write counts only once a
 * majority of the replica set has it in its journal (DESIGN §1 "no loss": it survives a crash of
 * the process and of the machine); on a single server that is its own journal.
 */
export const MONGO_CONNECTION_OPTIONS: ConnectOptions = {
  writeConcern: { w: 'majority', journal: true },
  // Start-up and each call fail within 10 s when no server answers, instead of 30.
  serverSelectionTimeoutMS: 10_000,
  autoIndex: false,
};
