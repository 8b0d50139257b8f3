import { describeOnMysql } from '@webchat/platform/testing';
import { appOnMysqlSchema } from './support/mysql-test-app';
import { SignedInUser, signedInUser } from './support/test-app';

const ROUNDS = 30;

describeOnMysql('channel membership races on MySQL (HTTP)', () => {
  const mysql = appOnMysqlSchema();

  const as = (user: SignedInUser) => ({
    get: (path: string) => mysql.app.http.get(path).set('authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) => mysql.app.http.post(path).set('authorization', `Bearer ${user.token}`).send(body),
  });

  it(`never lets an inviter who is leaving add anyone: leave, join and invite at once, ${ROUNDS} rounds`, async () => {
    const [owner, inviter, joiner, guest] = [
      await signedInUser(mysql.app.http, 'Owner'),
      await signedInUser(mysql.app.http, 'Inviter'),
      await signedInUser(mysql.app.http, 'Joiner'),
      await signedInUser(mysql.app.http, 'Guest'),
    ];
    for (let round = 0; round < ROUNDS; round += 1) {
      const channel = (await as(owner).post('/api/channels', { name: `race ${round}` }).expect(201)).body;
      const path = `/api/channels/${channel.id}`;
      await as(inviter).post(`${path}/join`).expect(200);

      const [left, joined, invited] = await Promise.all([
        as(inviter).post(`${path}/leave`),
        as(joiner).post(`${path}/join`),
        as(inviter).post(`${path}/members`, { userIds: [guest.id] }),
      ]);
      expect({ round, leave: left.status, join: joined.status }).toEqual({ round, leave: 204, join: 200 });
      expect({ round, inviteAnswered: [200, 403].includes(invited.status) ? 'allowed' : invited.status }).toEqual({ round, inviteAnswered: 'allowed' });
      if (invited.status === 200) {
        // The invite answered the members as of its own lock: the inviter was still one of them.
        expect(invited.body.map((member: { id: string }) => member.id)).toEqual(expect.arrayContaining([inviter.id, guest.id]));
      }
      const expected = [owner.id, joiner.id, ...(invited.status === 200 ? [guest.id] : [])];
      const members = (await as(owner).get(`${path}/members`).expect(200)).body.map((member: { id: string }) => member.id);
      expect({ round, members: [...members].sort() }).toEqual({ round, members: [...expected].sort() });
      for (const user of [joiner, guest]) {
        const mine = (await as(user).get('/api/channels').expect(200)).body.map((c: { id: string }) => c.id);
        expect({ round, user: user.username, listed: mine.includes(channel.id) }).toEqual({ round, user: user.username, listed: expected.includes(user.id) });
      }
    }
  });
});
