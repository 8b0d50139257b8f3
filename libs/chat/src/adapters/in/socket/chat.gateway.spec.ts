import type { Socket } from 'socket.io';
import { ChatGateway } from './chat.gateway';

/**
 * A socket that closes while its connection is still being set up: handleDisconnect has already
 * run and found nothing to remove, so counting it online afterwards would keep its user online
 * for good. Timing cannot be forced through a real client, so each await is made to close it here.
 */
describe('ChatGateway.handleConnection with a socket closing during its setup', () => {
  function gatewayWhere(closeDuring: 'channels read' | 'token re-check' | 'nothing') {
    const socket = { id: 's1', connected: true, data: { user: { id: 'u1' } }, handshake: { auth: { token: 't' } }, join: jest.fn(), disconnect: jest.fn() };
    const close = () => {
      socket.connected = false;
    };
    const presence = { connected: jest.fn(async () => true) };
    const tokens = {
      authenticate: jest.fn(async () => {
        if (closeDuring === 'token re-check') close();
        return { id: 'u1' };
      }),
    };
    const memberIds = {
      channelsOf: jest.fn(async () => {
        if (closeDuring === 'channels read') close();
        return ['c1'];
      }),
    };
    const metrics = { socketConnected: jest.fn() };
    const stub = <T>(value: object) => value as unknown as T;
    const gateway = new ChatGateway(
      stub(tokens), stub({}), stub(memberIds), stub({}), stub({}), stub({}), stub({}), stub({}), stub(metrics), stub(presence), stub({}), stub({}), stub({}),
    );
    return { gateway, socket: socket as unknown as Socket, presence };
  }

  it.each(['channels read', 'token re-check'] as const)('does not count it online when it closed during the %s', async (closeDuring) => {
    const { gateway, socket, presence } = gatewayWhere(closeDuring);
    await gateway.handleConnection(socket);
    expect(presence.connected).not.toHaveBeenCalled();
  });

  it('counts a socket that stayed open', async () => {
    const { gateway, socket, presence } = gatewayWhere('nothing');
    await gateway.handleConnection(socket);
    expect(presence.connected).toHaveBeenCalledWith('u1', 's1');
  });
});
