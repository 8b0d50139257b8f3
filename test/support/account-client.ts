import type { Socket } from 'socket.io-client';
import { SignedInUser, TestApp } from './test-app';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Another token of the same user (a second device). */
export async function logInAgain(http: TestApp['http'], user: Pick<SignedInUser, 'email' | 'password'>): Promise<string> {
  return (await http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200)).body.accessToken;
}

/** Resolves with the reason once the server disconnects the socket. */
export function serverDisconnect(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
}

/** The connect_error message a token gets from the socket handshake, or 'connected'. */
export async function handshakeWith(url: string, token: string, connect: (url: string, token: string) => Promise<Socket>): Promise<string> {
  try {
    (await connect(url, token)).close();
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  }
}
