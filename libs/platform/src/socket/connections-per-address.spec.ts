import { ConnectionsPerAddress } from './connections-per-address';

describe('ConnectionsPerAddress', () => {
  it('has room for `limit` open connections per address, again once one closes', () => {
    const connections = new ConnectionsPerAddress(2);
    const first = connections.opened('203.0.113.9');
    connections.opened('203.0.113.9');
    expect(connections.hasRoom('203.0.113.9')).toBe(false);
    expect(connections.hasRoom('203.0.113.10')).toBe(true);
    first();
    first();
    expect(connections.hasRoom('203.0.113.9')).toBe(true);
    connections.opened('203.0.113.9');
    expect(connections.hasRoom('203.0.113.9')).toBe(false);
  });

  it('bounds nothing with a limit of 0', () => {
    const connections = new ConnectionsPerAddress(0);
    for (let i = 0; i < 5; i += 1) connections.opened('203.0.113.9');
    expect(connections.hasRoom('203.0.113.9')).toBe(true);
  });
});
